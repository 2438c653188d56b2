import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore
import NIOCore
import Plot
import Testing

@testable import MasteryServer

/// The security probe's findings, one test each: every one of these failed before its fix.
@Suite("Trust: what a signed-in user sends cannot crash, deface, leak or corrupt")
struct TrustTests {
    static let hostile = #""><meta http-equiv="refresh" content="1;url=/login?x=1"><x-injected data-x='1'>"#

    @Test("An 'any' option keeps its empty value, so a filter left at 'All' does not submit its label")
    func emptyOptionValue() {
        let any = Components.option("", "Any level", selected: true).render()
        #expect(any.hasPrefix("<option value"))
        #expect(!any.contains("value=\"Any level\""))
        // HTML5 reads a bare `value` as the empty string, as a browser submits it.
        #expect(any == "<option value selected=\"selected\">Any level</option>")
    }

    @Test("API date-times are RFC 3339, strictly: out-of-range days and hours are refused, not rolled over")
    func strictDates() throws {
        #expect(RFC3339.date("2026-02-30T25:61:00Z") == nil)
        #expect(RFC3339.date("2026-02-29T10:00:00Z") == nil)
        #expect(RFC3339.date("2026-13-01T10:00:00Z") == nil)
        #expect(RFC3339.date("2026-11-23T09:30:00+25:00") == nil)
        #expect(RFC3339.date("99999-01-01T00:00:00Z") == nil)
        #expect(RFC3339.date("2026-11-23T09:30:00") == nil)
        #expect(RFC3339.date("2026-11-23T09:30:00Zjunk") == nil)
        #expect(RFC3339.date("2028-02-29T10:00:00Z") != nil)
        #expect(RFC3339.date("2026-11-23T09:30:00Z")?.timeIntervalSince1970 == 1_795_426_200)
        #expect(RFC3339.date("2026-11-23T09:30:00.250Z")?.timeIntervalSince1970 == 1_795_426_200.25)
        #expect(RFC3339.date("2026-11-23T04:30:00-05:00")?.timeIntervalSince1970 == 1_795_426_200)
    }

    @Test("A huge group size is refused naming the field; the server keeps answering")
    func groupSizeOverflow() async throws {
        try await withApp { client, services in
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            let person = try #require(try await services.store.credentials(username: "teacher")?.person)
            let section = try await services.store.sections(of: person.id, as: .teacher)[0]
            let competency = try #require(
                try await SectionData.load(section.id, store: services.store).gradebook.competencies.first)
            _ = try await teacher.get("/sections/\(section.id.rawValue)/groups")
            let page = try await teacher.post(
                "/sections/\(section.id.rawValue)/groups",
                [("competency", competency.id.rawValue), ("size", "9223372036854775807")])
            #expect(page.status == .unprocessableContent && page.body.contains("size"))
            #expect(try await teacher.get("/").status == .ok)
        }
    }

    @Test("Core arithmetic on request-sized numbers cannot trap")
    func coreArithmetic() throws {
        #expect(ModRange.of(start: .max, length: .max).upperBound == .max)
        #expect(ModRange.of(start: 3, length: -5).isEmpty)
        let students = (0..<3).map { ScheduleInstance.Student(id: "s\($0)", free: [0, 1], needs: []) }
        let instance = ScheduleInstance(
            mods: 2,
            sessions: [
                .init(id: "a", start: 0, length: 2, capacity: .max, competencies: [], required: [], title: "A"),
                .init(id: "b", start: 0, length: 2, capacity: .max, competencies: [], required: [], title: "B"),
                .init(id: "c", start: .max, length: .max, capacity: 1, competencies: [], required: [], title: "C"),
            ], students: students)
        #expect(throws: ScheduleProblems.self) { try FlexModScheduler.solve(instance) }
        var valid = instance
        valid.sessions.removeLast()
        let solution = try FlexModScheduler.solve(valid)
        #expect(solution.assignments.count == 3)
        let groups = FlexibleGroups.suggest(
            students: [], competencies: [], records: [:], thresholds: [:], prerequisites: PrerequisiteGraph(edges: []),
            maxSize: .max, codes: [:])
        #expect(groups.isEmpty)
    }

    @Test("A coordinator's huge start, length or capacity is refused; a saved day still proposes")
    func flexDayNumbers() async throws {
        try await withApp { client, services in
            var coach = TestBrowser(client)
            _ = try await coach.login("coach")
            _ = try await coach.get("/schedule")
            let created = try await coach.post("/schedule", [("day", "2026-11-26"), ("mods", "3")])
            let path = try #require(created.location)
            for (field, value) in [("start", "9223372036854775807"), ("length", "9223372036854775807")] {
                var fields = [("title", "Huge"), ("start", "0"), ("length", "1"), ("capacity", "5")]
                fields.removeAll { $0.0 == field }
                fields.append((field, value))
                let page = try await coach.post("\(path)/sessions", fields)
                #expect(page.status == .unprocessableContent && page.body.contains(field), "\(field)")
            }
            let big = try await coach.post(
                "\(path)/sessions", [("title", "Big room"), ("start", "0"), ("length", "3"), ("capacity", "100000")])
            #expect(big.status == .seeOther)
            #expect(try await coach.post("\(path)/propose", []).status == .seeOther)
            #expect(try await coach.get(path).status == .ok)
        }
    }

    @Test("A flex session's teacher must teach at the school: a coach naming themselves records no evidence")
    func flexAttendanceAuthorization() async throws {
        try await withApp { client, services in
            let store = services.store
            var coach = TestBrowser(client)
            _ = try await coach.login("coach")
            _ = try await coach.get("/schedule")
            let created = try await coach.post("/schedule", [("day", "2026-11-27"), ("mods", "2")])
            let path = try #require(created.location)
            let coachPerson = try #require(try await store.credentials(username: "coach")?.person)
            let student = try #require(try await store.credentials(username: "student")?.person)
            for teacher in [coachPerson.id.rawValue, student.id.rawValue, "p-nobody"] {
                let page = try await coach.post(
                    "\(path)/sessions",
                    [("title", "Mine"), ("teacher", teacher), ("start", "0"), ("length", "1"), ("capacity", "5")])
                #expect(page.status == .unprocessableContent && page.body.contains("teacher of this school"))
            }
            let day = try #require(try await store.flexDay(.init(String(path.split(separator: "/").last!))))
            #expect(day.sessions.allSatisfy { $0.teacherID == nil })
        }
    }

    @Test("A goal title with markup reaches the family's page as text, in every attribute")
    func storedMarkupIsEscaped() async throws {
        try await withApp { client, services in
            let student = try #require(try await services.store.credentials(username: "student")?.person)
            let base = "/students/\(student.id.rawValue)/goals"
            let (competencies, _) = try await StudentCompetencies.load(student.id, store: services.store)
            var browser = TestBrowser(client)
            _ = try await browser.login("student")
            _ = try await browser.get(base)
            let saved = try await browser.post(
                base,
                [("title", Self.hostile), ("competency", competencies[0].id.rawValue), ("target", "3")])
            #expect(saved.status == .seeOther)
            for username in ["student", "guardian", "teacher"] {
                var reader = TestBrowser(client)
                _ = try await reader.login(username)
                let page = try await reader.get(base)
                #expect(page.status == .ok, "\(username)")
                #expect(!page.body.contains("<meta http-equiv=\"refresh\""), "\(username)")
                #expect(!page.body.contains("<x-injected"), "\(username)")
                #expect(page.body.contains("&lt;x-injected") || page.body.contains("&amp;lt;x-injected"), "\(username)")
            }
        }
    }

    @Test("Every attribute helper of our pages escapes, and unsafe link schemes become '#'")
    func attributeHelpersEscape() {
        let option = Components.option(Self.hostile, "label").render()
        #expect(!option.contains("\"><meta") && option.contains("&quot;&gt;&lt;meta"))
        let field = Components.field("Label", id: Self.hostile, value: Self.hostile).render()
        #expect(!field.contains("<x-injected") && !field.contains("\"><meta") && field.contains("&quot;&gt;&lt;meta"))
        #expect(HTMLEscaping.attribute(#"a"b'c<d>e&f"#) == "a&quot;b&#39;c&lt;d&gt;e&amp;f")
        for url in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example", "vbscript:x"] {
            #expect(!SafeURL.isSafe(url), "\(url)")
        }
        for url in ["/students/1?x=1&y=2", "#main", "https://example.org/a:b", "mailto:a@b.c", "page:1", "a/b:c"] {
            #expect(SafeURL.isSafe(url) || url == "page:1", "\(url)")
        }
    }

    @Test("The task builder edits only tasks and criteria of the framework in the URL")
    func taskBuilderStaysInItsFramework() async throws {
        try await withApp { client, services in
            let store = services.store
            let curriculum = try await store.curriculum()
            var frameworkTasks: [(Framework, [PerformanceTask])] = []
            for framework in curriculum.frameworks {
                frameworkTasks.append((framework, try await store.tasks(framework: framework.id)))
            }
            let (owner, tasks) = try #require(frameworkTasks.first { !$0.1.isEmpty })
            let target = try #require(tasks.first { !$0.criteria.isEmpty })
            let other = try #require(frameworkTasks.first { $0.0.id != owner.id }?.0)
            let otherCompetency = try #require(curriculum.competencies.first { $0.frameworkID == other.id })
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            _ = try await teacher.get("/frameworks/\(other.id.rawValue)")
            let hijack = try await teacher.post(
                "/frameworks/\(other.id.rawValue)/tasks",
                [
                    ("task", target.id.rawValue), ("title", "HIJACKED"), ("criterion-0", "x"),
                    ("competency-0", otherCompetency.id.rawValue), ("id-0", target.criteria[0].id.rawValue),
                ])
            #expect(hijack.status == .notFound)
            let moved = try await teacher.post(
                "/frameworks/\(other.id.rawValue)/tasks",
                [
                    ("title", "New task"), ("criterion-0", "x"), ("competency-0", otherCompetency.id.rawValue),
                    ("id-0", target.criteria[0].id.rawValue),
                ])
            #expect(moved.status == .unprocessableContent)
            let after = try #require(try await store.tasks(framework: owner.id).first { $0.id == target.id })
            #expect(after == target)
        }
    }

    @Test("Evidence only on a competency of a course the teacher teaches the student; tasks of its framework")
    func evidenceWithinTheCourse() async throws {
        try await withApp { client, services in
            let store = services.store
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let student = try #require(try await store.credentials(username: "student")?.person)
            let shared = Set(try await store.sections(of: student.id, as: .student).map(\.id))
            var taught: Set<Competency.ID> = []
            for section in try await store.sections(of: teacher.id, as: .teacher) where shared.contains(section.id) {
                taught.formUnion(try await store.curriculum(course: section.courseID).competencies.map(\.id))
            }
            let curriculum = try await store.curriculum()
            let outside = try #require(curriculum.leafCompetencies.first { !taught.contains($0.id) })
            let inside = try #require(curriculum.leafCompetencies.first { taught.contains($0.id) })
            let api = try await APIClient.signIn(client, "teacher")
            let before = try await store.events(student: student.id, competency: outside.id).count
            let refused = try await api.call(
                "/api/v1/evidence", method: .post,
                json: ["studentId": student.id.rawValue, "competencyId": outside.id.rawValue, "score": 3])
            #expect(refused.status == .forbidden)
            #expect(try await store.events(student: student.id, competency: outside.id).count == before)
            var foreignTask: PerformanceTask?
            for framework in curriculum.frameworks where framework.id != inside.frameworkID && foreignTask == nil {
                foreignTask = try await store.tasks(framework: framework.id).first
            }
            if let foreignTask {
                let wrongTask = try await api.call(
                    "/api/v1/evidence", method: .post,
                    json: [
                        "studentId": student.id.rawValue, "competencyId": inside.id.rawValue, "score": 3,
                        "taskId": foreignTask.id.rawValue,
                    ])
                #expect(wrongTask.status == .unprocessableContent && wrongTask.errorField == "taskId")
            }
            for (field, value) in [("comment", "a\u{0}b"), ("comment", "x\u{202E}y"), ("studentId", "<x>")] {
                var body: [String: Any] = [
                    "studentId": student.id.rawValue, "competencyId": inside.id.rawValue, "score": 3,
                ]
                body[field] = value
                let bad = try await api.call("/api/v1/evidence", method: .post, json: body)
                #expect(bad.status == .unprocessableContent && bad.errorField == field, "\(field)")
            }
        }
    }

    @Test("Reflections kept for 'only my teachers and me' stay out of the backpack for administrators")
    func privateReflectionsStayPrivate() async throws {
        try await withApp { client, services in
            let student = try #require(try await services.store.credentials(username: "student")?.person)
            let marker = "private-\(UUID().uuidString.prefix(8))"
            var browser = TestBrowser(client)
            _ = try await browser.login("student")
            _ = try await browser.get("/students/\(student.id.rawValue)/reflections")
            let saved = try await browser.post(
                "/students/\(student.id.rawValue)/reflections",
                [("wentWell", marker), ("tryNext", "more"), ("visibility", "teacherAndMe")])
            #expect(saved.status == .seeOther)
            for (username, sees) in [("admin", false), ("teacher", true), ("student", true)] {
                let api = try await APIClient.signIn(client, username)
                let backpack = try await api.call("/api/v1/students/\(student.id.rawValue)/backpack")
                #expect(backpack.status == .ok, "\(username)")
                let text = String(decoding: try JSONSerialization.data(withJSONObject: backpack.object), as: UTF8.self)
                #expect(text.contains(marker) == sees, "\(username)")
                var pages = TestBrowser(client)
                _ = try await pages.login(username)
                let download = try await pages.get("/students/\(student.id.rawValue)/backpack.json")
                #expect(download.body.contains(marker) == sees, "\(username) download")
            }
        }
    }

    @Test("Form fields with NUL, bidi overrides or over the length limit are refused naming the field")
    func formInputRules() async throws {
        try await withApp { client, services in
            let student = try #require(try await services.store.credentials(username: "student")?.person)
            let path = "/students/\(student.id.rawValue)/reflections"
            var browser = TestBrowser(client)
            _ = try await browser.login("student")
            _ = try await browser.get(path)
            let marker = "refused-\(UUID().uuidString.prefix(8))"
            for value in ["a\u{0}b", "x\u{202E}gpj.exe", String(repeating: "long ", count: 5_000)] {
                let page = try await browser.post(path, [("wentWell", value), ("tryNext", marker)])
                #expect(page.status == .unprocessableContent && page.body.contains("wentWell"))
            }
            let saved = try await services.store.reflections(student: student.id)
            #expect(!saved.contains { $0.tryNext == marker })
        }
    }

    @Test("A goal target of nan asks for a level again; no 500")
    func nanTarget() async throws {
        try await withApp { client, services in
            let student = try #require(try await services.store.credentials(username: "student")?.person)
            let (competencies, _) = try await StudentCompetencies.load(student.id, store: services.store)
            var browser = TestBrowser(client)
            _ = try await browser.login("student")
            let base = "/students/\(student.id.rawValue)/goals"
            _ = try await browser.get(base)
            for target in ["nan", "inf", "-inf", "1e309"] {
                let page = try await browser.post(
                    base,
                    [("title", "Goal \(target)"), ("competency", competencies[0].id.rawValue), ("target", target)])
                #expect(page.status == .unprocessableContent, "\(target)")
            }
        }
    }

    @Test("Large multipart posts are refused before they are read, unless staff import a file")
    func bodyLimits() async throws {
        try await withApp { client, _ in
            let big = Data(repeating: 0x41, count: 3_000_000)
            var anonymous = TestBrowser(client)
            _ = try await anonymous.get("/login")
            let refused = try await anonymous.upload("/login", [], file: ("file", "a.txt", big))
            #expect(refused.status == .contentTooLarge && refused.body.contains("1 MB"))
            var student = TestBrowser(client)
            _ = try await student.login("student")
            let alsoRefused = try await student.upload("/admin/import", [("kind", "case")], file: ("file", "a", big))
            #expect(alsoRefused.status == .contentTooLarge)
            var admin = TestBrowser(client)
            _ = try await admin.login("admin")
            _ = try await admin.get("/admin/import")
            let read = try await admin.upload("/admin/import", [("kind", "case")], file: ("file", "a.json", big))
            #expect(read.status != .contentTooLarge)
        }
    }

    @Test("Failed sign-ins lock the account with back-off: 429 with Retry-After, audited; NUL never signs in")
    func signInThrottling() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let api = APIClient(client: client)
            let wrong = ["username": "coach", "password": "not-the-password"]
            for _ in 0..<SignInThrottle.account.freeFailures {
                #expect(try await api.call("/api/v1/sessions", method: .post, json: wrong).status == .unauthorized)
            }
            let right = ["username": "coach", "password": "masterly-demo"]
            let locked = try await api.call("/api/v1/sessions", method: .post, json: right)
            #expect(locked.status == .tooManyRequests && locked.errorCode == "too_many_attempts")
            var browser = TestBrowser(client)
            _ = try await browser.get("/login")
            let page = try await browser.post("/login", [("username", "COACH"), ("password", "masterly-demo")])
            #expect(page.status == .tooManyRequests && page.body.contains("Wait"))
            #expect(page.headers[.retryAfter].flatMap(Int.init).map { $0 > 0 && $0 <= 30 } == true)
            let entries = try await services.store.auditLog(limit: 50)
            #expect(entries.contains { $0.action == "signin.lockout" && $0.subject == "account:coach" })
            // Unknown usernames are counted the same way, so the answer never tells which exist.
            let ghost = ["username": "nobody-\(UUID().uuidString.prefix(6))", "password": "x"]
            for _ in 0..<SignInThrottle.account.freeFailures {
                #expect(try await api.call("/api/v1/sessions", method: .post, json: ghost).status == .unauthorized)
            }
            #expect(try await api.call("/api/v1/sessions", method: .post, json: ghost).status == .tooManyRequests)
            // bcrypt stops reading at NUL: the password with NUL and anything after it is not the password.
            let nul = ["username": "teacher", "password": "masterly-demo\u{0}anything"]
            #expect(try await api.call("/api/v1/sessions", method: .post, json: nul).status == .unauthorized)
            #expect(
                try await api.call(
                    "/api/v1/sessions", method: .post, json: ["username": "teacher", "password": "masterly-demo"]
                ).status == .created)
        }
    }

    @Test("Locks back off exponentially, end on time, and a success clears the account")
    func throttleArithmetic() async throws {
        let throttle = SignInThrottle.account
        #expect(throttle.lock(afterFailures: 4) == nil)
        #expect(throttle.lock(afterFailures: 5) == 30 && throttle.lock(afterFailures: 6) == 60)
        #expect(throttle.lock(afterFailures: 1_000) == throttle.maxDelay)
        try await withOwnApp(adjust: { _ in }) { _, services in
            let store = services.store
            let start = TestSchool.now
            var until: Date?
            for index in 0..<6 {
                until = try await store.recordSignInFailure(
                    "account:x", throttle: throttle, at: start.addingTimeInterval(Double(index)))
            }
            #expect(until == start.addingTimeInterval(5 + 60))
            #expect(try await store.signInLockedUntil(["account:x"], at: start.addingTimeInterval(10)) == until)
            #expect(try await store.signInLockedUntil(["account:x"], at: start.addingTimeInterval(66)) == nil)
            try await store.clearSignInFailures("account:x")
            #expect(
                try await store.recordSignInFailure("account:x", throttle: throttle, at: start.addingTimeInterval(70))
                    == nil)
        }
    }

    @Test("The audit page shows every write with its time and actor, filters, pages and exports as CSV")
    func auditPage() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let section = try await store.sections(of: teacher.id, as: .teacher)[0]
            let competency = try #require(
                try await SectionData.load(section.id, store: store).gradebook.competencies.first)
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            _ = try await browser.get("/sections/\(section.id.rawValue)/settings")
            #expect(
                try await browser.post(
                    "/sections/\(section.id.rawValue)/settings", [("method", "highest"), ("minimum", "1")]
                ).status == .seeOther)
            _ = try await browser.get("/sections/\(section.id.rawValue)/groups")
            #expect(
                try await browser.post(
                    "/sections/\(section.id.rawValue)/groups", [("competency", competency.id.rawValue), ("size", "4")]
                ).status == .seeOther)
            let entries = try await store.auditLog(limit: 20)
            #expect(entries.contains { $0.action == "section.policy" && $0.actorID == teacher.id })
            #expect(entries.contains { $0.action == "grouping.create" && $0.actorID == teacher.id })
            var admin = TestBrowser(client)
            _ = try await admin.login("admin")
            let page = try await admin.get("/admin/audit?person=teacher&action=section.policy")
            #expect(
                page.status == .ok && page.body.contains("section.policy") && !page.body.contains("grouping.create"))
            // Each entry's moment, written as every page writes dates, with the time and zone.
            #expect(
                page.body.range(
                    of: #"[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2}:\d{2} UTC"#, options: .regularExpression) != nil)
            let first = try await admin.get("/admin/audit?limit=2")
            #expect(first.body.contains("Older entries") && first.body.contains("2 entries"))
            let link = try #require(
                first.body.range(of: #"/admin/audit\?before=\d+&amp;limit=2"#, options: .regularExpression))
            let next = try await admin.get(String(first.body[link]).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(next.status == .ok && next.body.contains("entries, newest first"))
            let csv = try await admin.get("/admin/audit.csv?action=grouping")
            #expect(csv.status == .ok && csv.headers[.cacheControl] == "no-store")
            #expect(csv.body.hasPrefix("sequence,at_utc,actor_id") && csv.body.contains("grouping.create"))
            #expect(!csv.body.contains("section.policy"))
            // The file keeps a sortable moment a spreadsheet reads.
            #expect(
                csv.body.range(of: #"\n\d+,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},"#, options: .regularExpression) != nil)
            let bad = try await admin.get("/admin/audit?from=yesterday")
            #expect(bad.status == .unprocessableContent && bad.body.contains("yesterday"))
            var teacherBrowser = TestBrowser(client)
            _ = try await teacherBrowser.login("teacher")
            #expect(try await teacherBrowser.get("/admin/audit.csv").status == .forbidden)
        }
    }

    @Test("Sessions and tokens: one spelling per path, no-store downloads, CSRF rotates at sign-in, tokens revocable")
    func sessionsAndTokens() async throws {
        try await withApp { client, services in
            var browser = TestBrowser(client)
            _ = try await browser.get("/login")
            let before = try #require(browser.cookies["masterly_csrf"])
            _ = try await browser.post("/login", [("username", "student"), ("password", "masterly-demo")])
            let after = try #require(browser.cookies["masterly_csrf"])
            #expect(before != after)
            // A token from before signing in is no longer accepted.
            let student = try #require(try await services.store.credentials(username: "student")?.person)
            let stale = try await browser.post(
                "/students/\(student.id.rawValue)/reflections", [("_csrf", before), ("wentWell", "x")], csrf: false)
            #expect(stale.status == .forbidden)
            #expect(try await browser.get("//api/v1/me").status == .notFound)
            #expect(try await browser.get("/students/./\(student.id.rawValue)/backpack").status == .notFound)
            let download = try await browser.get("/students/\(student.id.rawValue)/backpack.json")
            #expect(download.status == .ok && download.headers[.cacheControl] == "no-store")
            let api = try await APIClient.signIn(client, "student")
            let listed = try await api.call("/api/v1/me/tokens")
            let tokens = try #require(listed.object["tokens"] as? [[String: Any]])
            // A token's id is the start of its stored SHA-256 hash: the listing shows this one, never a secret.
            let secret = try #require(api.token)
            let id = String(SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined().prefix(16))
            #expect(tokens.contains { $0["id"] as? String == id })
            #expect(!String(describing: tokens).contains(secret))
            #expect(try await api.call("/api/v1/me").status == .ok)
            let other = try await APIClient.signIn(client, "student")
            #expect(try await other.call("/api/v1/me/tokens/\(id)", method: .delete).status == .noContent)
            #expect(try await api.call("/api/v1/me").status == .unauthorized)
            #expect(try await other.call("/api/v1/me").status == .ok)
            let admin = try await APIClient.signIn(client, "admin")
            let teacherAPI = try await APIClient.signIn(client, "teacher")
            #expect(
                try await teacherAPI.call("/api/v1/people/\(student.id.rawValue)/tokens", method: .delete).status
                    == .forbidden)
            let revoked = try await admin.call("/api/v1/people/\(student.id.rawValue)/tokens", method: .delete)
            #expect(revoked.status == .ok && (revoked.object["revoked"] as? Int ?? 0) >= 1)
            #expect(try await other.call("/api/v1/me").status == .unauthorized)
        }
    }

    @Test("Over HTTPS (secure cookies) every response asks browsers to keep to HTTPS")
    func strictTransportSecurity() async throws {
        let store = try await TestSchool.demoStore(adjust: { _ in })
        let services = AppServices(
            store: store, configuration: ServerConfiguration(secureCookies: true), clock: { TestSchool.now })
        try await buildApplication(services).test(.router) { client in
            let response = try await client.execute(uri: "/login", method: .get)
            #expect(response.headers[.strictTransportSecurity]?.hasPrefix("max-age=") == true)
        }
        await store.close()
    }
}

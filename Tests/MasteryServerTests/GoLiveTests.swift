import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryInterop
import MasteryStore
import Testing

@testable import MasteryServer

/// A real school from an empty database: setup, a real OneRoster set and CASE package, people, one-time links,
/// courses tied to frameworks, and a teacher's first real gradebook.
@Suite("Go live: a school from an empty database")
struct GoLiveTests {
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/interop")
    static let roster = shared.appendingPathComponent("oneroster/v1p1-lepo-roster-hub-en")
    static var framework: URL? {
        let folder = shared.appendingPathComponent("case/opensalt-sample")
        return (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil))?
            .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }.first
    }

    static func emptyStore() async throws -> Store {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "masterly-golive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try Store.open(.sqlite(path: folder.appendingPathComponent("school.sqlite").path))
        try await store.migrate()
        return store
    }

    func withEmptyApp(_ body: @Sendable (any TestClientProtocol, AppServices) async throws -> Void) async throws {
        let store = try await Self.emptyStore()
        let services = AppServices(store: store, configuration: ServerConfiguration(), clock: { TestSchool.now })
        do {
            try await buildApplication(services).test(.router) { client in try await body(client, services) }
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    @Test("An empty database says how to create the administrator; setup refuses a taken username or weak password")
    func setup() async throws {
        try await withEmptyApp { client, services in
            var browser = TestBrowser(client)
            let first = try await browser.get("/login")
            #expect(first.body.contains("no administrator yet") && first.body.contains("masterly setup"))
            #expect(!first.body.contains("login-form") && !first.body.contains("Demo accounts"))
            let accounts = Accounts(store: services.store, clock: { TestSchool.now })
            await #expect(throws: Accounts.Failure.self) {
                try await accounts.setUp(
                    username: "ada", name: "Ada Lovelace", district: "Lakeside", email: nil, password: "password")
            }
            let (district, admin) = try await accounts.setUp(
                username: "ada", name: "Ada Lovelace", district: "Lakeside", email: "ada@lakeside.example",
                password: "a long pass phrase")
            #expect(district.name == "Lakeside" && admin.role == .admin && admin.organizationID == district.id)
            await #expect(throws: Accounts.Failure.usernameTaken("ada")) {
                try await accounts.setUp(
                    username: "ada", name: "Ada Again", district: nil, email: nil, password: "another long phrase")
            }
            #expect(
                try await services.store.accounts(matching: nil, role: .admin, schools: nil, active: nil).count == 1)
            let login = try await browser.get("/login")
            #expect(login.body.contains("login-form") && login.body.contains("Forgot your password?"))
            #expect(try await browser.login("ada", password: "a long pass phrase").status == .seeOther)
            #expect(try await browser.get("/").body.contains("Start here"))
        }
    }

    @Test(
        "Roster and framework imported, course linked, a teacher invited signs in and sees a real gradebook",
        .enabled(if: FileManager.default.fileExists(atPath: roster.path) && framework != nil, "../shared is missing"))
    func firstGradebook() async throws {
        try await withEmptyApp { client, services in
            let store = services.store
            _ = try await Accounts(store: store, clock: { TestSchool.now }).setUp(
                username: "ada", name: "Ada Lovelace", district: "Lakeside", email: nil, password: "a long pass phrase")
            let admin = try #require(try await store.person(username: "ada"))
            let rostered = try await RosterImporter(store: store).importOneRoster(
                try OneRosterPackage(contentsOf: Self.roster), by: admin.id, at: TestSchool.now)
            #expect(rostered.succeeded)
            // The roster's emails are kept: single sign-on matches people by them.
            let byEmail = try await store.people(email: "USER01@sample-u.ac.jp")
            #expect(byEmail.map(\.username) == ["user01"])
            // Sections know when their term ends (the last of their academic sessions' end dates).
            let rosterSchool = try #require(try await store.organizations().first { $0.kind == .school })
            let c401 = try #require(
                try await store.sections(inSchool: rosterSchool.id).first { $0.sourcedID == "cl0001" })
            #expect(c401.endsOn == "2021-02-01")
            #expect(c401.term == "2020 - first")
            let frameworkFile = try #require(Self.framework)
            let imported = try await FrameworkImporter(store: store).importFramework(
                try Data(contentsOf: frameworkFile), format: .caseJSON, fileName: frameworkFile.lastPathComponent,
                by: admin.id, at: TestSchool.now)
            #expect(imported.succeeded)
            let framework = try #require(try await store.frameworks().first)
            // The imported school sits under the district, so the district administrator oversees it.
            let school = try #require(try await store.organizations().first { $0.kind == .school })
            #expect(school.parentID == admin.organizationID)

            let api = try await APIClient.signIn(client, "ada", password: "a long pass phrase")
            let courseList = try await api.call("/api/v1/courses")
            let courses = try #require(courseList.object["courses"] as? [[String: Any]], "\(courseList)")
            #expect(!courses.isEmpty && courses.allSatisfy { ($0["frameworkIds"] as? [String])?.isEmpty == true })
            let sections = try await store.sections(inSchool: school.id)
            // A section with students and someone enrolled to teach it.
            var chosen: (Section, Person)?
            for section in sections where chosen == nil {
                if try await !store.members(of: section.id, as: .student).isEmpty,
                    let teacher = try await store.members(of: section.id, as: .teacher).first
                {
                    chosen = (section, teacher)
                }
            }
            let (section, enrolled) = try #require(chosen)
            let course = try #require(try await store.course(section.courseID))
            let unknown = try await api.call(
                "/api/v1/courses/\(course.id.rawValue)/frameworks", method: .put, json: ["frameworkIds": ["no-such"]])
            #expect(unknown.status == .notFound)
            let linked = try await api.call(
                "/api/v1/courses/\(course.id.rawValue)/frameworks", method: .put,
                json: ["frameworkIds": [framework.sourceIdentifier ?? framework.id.rawValue]])
            #expect(linked.status == .ok && (linked.object["frameworkIds"] as? [String]) == [framework.id.rawValue])

            // The SIS listed the teacher as a student user: the administrator corrects the role and gives a link.
            let listed = try await api.call("/api/v1/users?q=\(enrolled.username ?? enrolled.givenName)")
            #expect(
                ((listed.object["users"] as? [[String: Any]]) ?? []).contains {
                    $0["id"] as? String == enrolled.id.rawValue
                })
            let patched = try await api.call(
                "/api/v1/users/\(enrolled.id.rawValue)", method: .patch,
                json: ["role": "teacher", "email": "teacher@lakeside.example"])
            #expect(patched.status == .ok && patched.object["role"] as? String == "teacher")
            let invitation = try await api.call("/api/v1/users/\(enrolled.id.rawValue)/invitations", method: .post)
            let path = try #require(invitation.object["path"] as? String)
            var teacher = TestBrowser(client)
            let form = try await teacher.get(path)
            #expect(form.status == .ok && form.body.contains("Choose the password"))
            let weak = try await teacher.post(path, [("password", "short"), ("confirm", "short")])
            #expect(weak.status == .unprocessableContent && weak.body.contains("at least 8"))
            let set = try await teacher.post(
                path, [("password", "my first class 2026"), ("confirm", "my first class 2026")])
            #expect(set.status == .seeOther)
            // Signed in by the link; the gradebook shows the imported students and the framework's competencies.
            let gradebook = try await teacher.get("/sections/\(section.id.rawValue)")
            #expect(gradebook.status == .ok)
            let students = try await store.members(of: section.id, as: .student)
            #expect(students.allSatisfy { gradebook.body.contains($0.familyName) })
            let competency = try #require(try await store.curriculum(course: course.id).leafCompetencies.first)
            #expect(gradebook.body.contains(competency.code))
            // The link works once.
            var again = TestBrowser(client)
            let used = try await again.get(path)
            #expect(used.status == .gone && used.body.contains("already been used"))
            // And the password signs in afterwards.
            var later = TestBrowser(client)
            #expect(try await later.login(enrolled.username ?? "", password: "my first class 2026").status == .seeOther)
        }
    }

    @Test("People: create, deactivate (sessions and tokens end at once), grant only what may be granted, audited")
    func people() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let admin = try await APIClient.signIn(client, "admin")
            let created = try await admin.call(
                "/api/v1/users", method: .post,
                json: [
                    "givenName": "Grace", "familyName": "Hopper", "username": "ghopper", "role": "teacher",
                    "schoolId": "org-school-1", "email": "Grace@School.example",
                ])
            #expect(created.status == .created && created.object["email"] as? String == "grace@school.example")
            let id = try #require(created.object["id"] as? String)
            let taken = try await admin.call(
                "/api/v1/users", method: .post,
                json: ["givenName": "Other", "username": "ghopper", "role": "teacher", "schoolId": "org-school-1"])
            #expect(taken.status == .unprocessableContent && taken.errorField == "username")
            let badRole = try await admin.call(
                "/api/v1/users", method: .post, json: ["givenName": "X", "role": "wizard", "schoolId": "org-school-1"])
            #expect(badRole.status == .unprocessableContent && badRole.errorField == "role")
            let accounts = Accounts(store: store, clock: { TestSchool.now })
            try await accounts.setPassword(
                "grace's long phrase", for: try accounts.person("ghopper"), by: .init("test"))
            let grace = try await APIClient.signIn(client, "ghopper", password: "grace's long phrase")
            #expect(try await grace.call("/api/v1/me").status == .ok)
            var graceBrowser = TestBrowser(client)
            #expect(try await graceBrowser.login("ghopper", password: "grace's long phrase").status == .seeOther)
            #expect(try await graceBrowser.get("/").status == .ok)
            let off = try await admin.call("/api/v1/users/\(id)", method: .patch, json: ["active": false])
            #expect(off.status == .ok && off.object["active"] as? Bool == false)
            #expect(try await grace.call("/api/v1/me").status == .unauthorized)
            #expect(try await graceBrowser.get("/").status == .seeOther)
            let on = try await admin.call("/api/v1/users/\(id)", method: .patch, json: ["active": true])
            #expect(on.object["active"] as? Bool == true)
            let inactive = try await admin.call("/api/v1/users?active=false")
            #expect(
                ((inactive.object["users"] as? [[String: Any]]) ?? []).allSatisfy { $0["active"] as? Bool == false })
            let entries = try await store.auditLog(limit: 20)
            #expect(
                entries.contains { $0.action == "person.create" }
                    && entries.contains { $0.action == "person.update" && $0.detail.contains("deactivated") })
            // Not an administrator: refused.
            let teacher = try await APIClient.signIn(client, "teacher")
            #expect(try await teacher.call("/api/v1/users").status == .forbidden)
            #expect(try await teacher.call("/api/v1/courses").status == .forbidden)
            // A teacher links their own students only.
            let student = try #require(try await store.person(username: "student"))
            #expect(
                try await teacher.call("/api/v1/users/\(student.id.rawValue)/invitations", method: .post).status
                    == .created)
            let stranger = try #require(
                try await store.accounts(
                    matching: nil, role: .student, schools: [Organization.ID("org-school-2")], active: true
                ).first)
            #expect(
                try await teacher.call("/api/v1/users/\(stranger.person.id.rawValue)/invitations", method: .post).status
                    == .forbidden)
            // The People page finds people by name, username or email.
            var page = TestBrowser(client)
            _ = try await page.login("admin")
            let found = try await page.get("/admin/people?q=grace%40school")
            #expect(found.status == .ok && found.body.contains("Hopper, Grace"))
            #expect(try await page.get("/admin/people/\(id)").body.contains("One-time") == false)
            let invited = try await page.post("/admin/people/\(id)/invite", [])
            #expect(invited.status == .ok && invited.body.contains("/invite/"))
        }
    }

    @Test("An expired or unknown link says so and whom to ask")
    func expiredLinks() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let student = try #require(try await store.person(username: "student"))
            let secret = try await store.invite(
                student.id, by: .init("test"), at: TestSchool.now.addingTimeInterval(-30 * 86_400),
                expiresAt: TestSchool.now.addingTimeInterval(-86_400))
            var browser = TestBrowser(client)
            let expired = try await browser.get("/invite/\(secret)")
            #expect(expired.status == .gone && expired.body.contains("expired") && expired.body.contains("teacher"))
            let post = try await browser.post(
                "/invite/\(secret)", [("password", "a good long one"), ("confirm", "a good long one")])
            #expect(post.status == .gone)
            #expect(try await browser.get("/invite/nonsense").status == .gone)
        }
    }
}

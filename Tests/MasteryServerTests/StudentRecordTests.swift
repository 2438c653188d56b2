import Foundation
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryInterop
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("Student and family records")
struct StudentRecordTests {
    /// The demo student, a classmate, their guardians, and staff with and without a relationship.
    struct Cast {
        var student: Person
        var classmate: Person
        var otherGuardian: String
    }

    static func cast(_ store: Store) async throws -> Cast {
        let student = try #require(try await store.credentials(username: "student")?.person)
        let section = try #require(try await store.sections(of: student.id, as: .student).first)
        let classmate = try #require(
            try await store.members(of: section.id, as: .student).first { $0.id != student.id })
        let guardian = try #require(try await store.guardians(ofStudent: classmate.id).first?.username)
        return Cast(student: student, classmate: classmate, otherGuardian: guardian)
    }

    @Test("Who may open each of a student's pages: self, own guardian, own teachers, school staff; nobody else")
    func authorizationTable() async throws {
        try await withApp { client, services in
            let cast = try await Self.cast(services.store)
            let pages = ["goals", "reflections", "profile", "plan", "conference", "next-steps", "backpack"]
            // username → pages that answer 200 (every other page answers 403)
            let allowed: [(String, Set<String>)] = [
                ("student", Set(pages)),
                ("guardian", Set(pages)),
                ("teacher", Set(pages)),
                ("coach", Set(pages).subtracting(["backpack"])),
                ("admin", Set(pages)),
                ("teacher5", []),
                (cast.otherGuardian, []),
                (cast.classmate.username ?? "", []),
            ]
            for (username, open) in allowed {
                var browser = TestBrowser(client)
                _ = try await browser.login(username)
                for page in pages {
                    let status = try await browser.get("/students/\(cast.student.id.rawValue)/\(page)").status
                    #expect(status == (open.contains(page) ? .ok : .forbidden), "\(username) → \(page)")
                }
            }
        }
    }

    @Test("Who may post to each of a student's forms: self and own teachers as the policy says; nobody else")
    func formAuthorizationTable() async throws {
        // A school of its own: the allowed posts may save (an empty profile, no picks).
        try await withOwnApp(adjust: { _ in }) { client, services in
            let cast = try await Self.cast(services.store)
            let competency = try #require(
                try await StudentCompetencies.load(cast.student.id, store: services.store).competencies.first)
            let base = "/students/\(cast.student.id.rawValue)"
            let forms = [
                "goals", "reflections", "profile", "plan", "conference/picks",
                "competencies/\(competency.id.rawValue)/evidence",
            ]
            // username → forms it may post (an empty form: refused as invalid, or saved); all others are 403.
            let allowed: [(String, Set<String>)] = [
                ("student", Set(forms.dropLast())),
                // Reflections and conference picks are the student's own voice.
                ("teacher", Set(forms).subtracting(["reflections", "conference/picks"])),
                ("guardian", []), ("coach", []), ("admin", []), ("teacher5", []),
                (cast.otherGuardian, []), (cast.classmate.username ?? "", []),
            ]
            for (username, open) in allowed {
                var browser = TestBrowser(client)
                _ = try await browser.login(username)
                _ = try await browser.get("/")
                for form in forms {
                    let status = try await browser.post("\(base)/\(form)", []).status
                    if open.contains(form) {
                        #expect(status != .forbidden && status.code < 500, "\(username) → \(form): \(status)")
                    } else {
                        #expect(status == .forbidden, "\(username) → \(form): \(status)")
                    }
                }
            }
        }
    }

    @Test("A student sets a goal with SMART prompts and checks in; a teacher comments; a guardian only reads")
    func goals() async throws {
        // A school of its own: the goal card's level is compared with the record read just before, which another
        // test recording on the shared school could move in between.
        try await withOwnApp(adjust: { _ in }) { client, services in
            let cast = try await Self.cast(services.store)
            let base = "/students/\(cast.student.id.rawValue)/goals"
            let (competencies, _) = try await StudentCompetencies.load(cast.student.id, store: services.store)
            var student = TestBrowser(client)
            _ = try await student.login("student")
            // The target is proposed at the mastery threshold (3 on the demo scale), never the lowest level.
            let form = try await student.get(base)
            #expect(form.body.contains(#"<option value="3.00" selected="selected">"#))
            #expect(!form.body.contains(#"<option value="1.00" selected="selected">"#))
            let title = "Master ratios \(UUID().uuidString.prefix(6))"
            let missing = try await student.post(base, [("title", title), ("target", "3")])
            #expect(missing.status == .unprocessableContent && missing.body.contains("Choose at least one competency"))
            let offScale = try await student.post(
                base, [("title", title), ("competency", competencies[0].id.rawValue), ("target", "40")])
            #expect(
                offScale.status == .unprocessableContent
                    && offScale.body.contains("40 is not on the scale of \(competencies[0].code)"))
            #expect(try await services.store.goals(student: cast.student.id).allSatisfy { $0.title != title })
            let saved = try await student.post(
                base,
                [
                    ("title", title), ("why", "I want to cook for my family"),
                    ("competency", competencies[0].id.rawValue),
                    ("target", "3"), ("date", "2026-12-18"), ("plan", "Practice sets twice a week"),
                ])
            #expect(saved.status == .seeOther)
            let goal = try #require(
                try await services.store.goals(student: cast.student.id).first { $0.title == title })
            #expect(goal.competencyIDs == [competencies[0].id] && goal.targetLevel == 3)
            // The goal shows the competency as the tracker and gradebook do — level and value — and the aim by name.
            let record = try await services.store.records(student: cast.student.id)[competencies[0].id]
            let shown = try await student.get(base).body
            let cardStart = try #require(shown.range(of: "id=\"goal-\(goal.id.rawValue)\""))
            let goalCard = String(shown[cardStart.lowerBound...])
            if let value = record?.value {
                #expect(goalCard.contains("<span class=\"level-value\">\(DisplayRounding.text(value))</span>"))
            } else {
                #expect(goalCard.contains("Not yet"))
            }
            #expect(goalCard.contains("aim: Proficient (3)"))
            #expect(
                try await student.post("\(base)/\(goal.id.rawValue)/check-in", [("text", "Did two sets")]).status
                    == .seeOther)
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            _ = try await teacher.get(base)
            #expect(
                try await teacher.post("\(base)/\(goal.id.rawValue)/comment", [("text", "Great plan")]).status
                    == .seeOther)
            let notes = try await services.store.notes(goals: [goal.id])[goal.id] ?? []
            #expect(notes.map(\.kind) == [.checkIn, .comment] && notes.map(\.text) == ["Did two sets", "Great plan"])
            var guardian = TestBrowser(client)
            _ = try await guardian.login("guardian")
            let read = try await guardian.get(base)
            #expect(read.status == .ok && read.body.contains(title) && !read.body.contains("id=\"goal-form\""))
            #expect(try await guardian.post(base, [("title", "x")]).status == .forbidden)
            // Withdrawing asks first (the button opens a question), and is undone by bringing the goal back.
            let records = try await services.store.records(student: cast.student.id)
            let open = try #require(competencies.first { (records[$0.id]?.value ?? 0) < 4 })
            let aimHigh = "Reach the top \(UUID().uuidString.prefix(6))"
            _ = try await student.post(base, [("title", aimHigh), ("competency", open.id.rawValue), ("target", "4")])
            let card = try await student.get(base)
            #expect(card.body.contains("Withdraw this goal?") && card.body.contains("Yes, withdraw it"))
            #expect(try await student.post("\(base)/\(goal.id.rawValue)/withdraw", []).status == .seeOther)
            #expect(
                try await services.store.goals(student: cast.student.id).first { $0.id == goal.id }?.withdrawn == true)
            #expect(try await student.get(base).body.contains("/goals/\(goal.id.rawValue)/restore"))
            #expect(try await student.post("\(base)/\(goal.id.rawValue)/restore", []).status == .seeOther)
            #expect(
                try await services.store.goals(student: cast.student.id).first { $0.id == goal.id }?.withdrawn == false)
        }
    }

    @Test("Reflections: a private one is for the student and teachers; a shared one reaches the family")
    func reflections() async throws {
        try await withApp { client, services in
            let cast = try await Self.cast(services.store)
            let base = "/students/\(cast.student.id.rawValue)/reflections"
            var student = TestBrowser(client)
            _ = try await student.login("student")
            _ = try await student.get(base)
            let privateText = "Private note \(UUID().uuidString.prefix(6))"
            let sharedText = "Shared note \(UUID().uuidString.prefix(6))"
            #expect(
                try await student.post(base, [("wentWell", privateText), ("visibility", "teacher-and-me")]).status
                    == .seeOther)
            #expect(
                try await student.post(base, [("tryNext", sharedText), ("visibility", "shared")]).status == .seeOther)
            #expect(try await student.post(base, [("visibility", "shared")]).status == .unprocessableContent)
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            let seen = try await teacher.get(base)
            #expect(seen.body.contains(privateText) && seen.body.contains(sharedText))
            var guardian = TestBrowser(client)
            _ = try await guardian.login("guardian")
            let family = try await guardian.get(base)
            #expect(!family.body.contains(privateText) && family.body.contains(sharedText))
            // "Only my teachers and me": a coach or an administrator who may open the page sees the shared one.
            for username in ["coach", "admin"] {
                var staff = TestBrowser(client)
                _ = try await staff.login(username)
                let page = try await staff.get(base)
                #expect(page.status == .ok && !page.body.contains(privateText) && page.body.contains(sharedText))
            }
        }
    }

    @Test("The student features evidence on the conference report; the family reads it with the statements")
    func conferencePicks() async throws {
        try await withApp { client, services in
            let cast = try await Self.cast(services.store)
            let base = "/students/\(cast.student.id.rawValue)/conference"
            let evidence = try await services.store.evidence(student: cast.student.id).values.joined()
                .sorted { $0.observedAt > $1.observedAt }
            let piece = try #require(evidence.first)
            let curriculum = try await services.store.curriculum()
            let competency = try #require(curriculum.competency(piece.competencyID))
            var student = TestBrowser(client)
            _ = try await student.login("student")
            _ = try await student.get(base)
            // The oldest piece too: featured pieces stay offered (and checked) however old they are.
            let oldest = try #require(evidence.last)
            #expect(
                try await student.post(
                    "\(base)/picks", [("evidence", piece.id.rawValue), ("evidence", oldest.id.rawValue)]
                )
                .status == .seeOther)
            #expect(evidence.count > 40)
            #expect(try await student.get(base).body.contains("value=\"\(oldest.id.rawValue)\" checked"))
            var guardian = TestBrowser(client)
            _ = try await guardian.login("guardian")
            let report = try await guardian.get(base)
            #expect(report.status == .ok)
            // No bare standards codes for families: the code always comes with its statement.
            #expect(
                report.body.contains("\(competency.code) — \(competency.title) on \(Components.date(piece.observedAt))")
            )
            #expect(try await guardian.post("\(base)/picks", [("evidence", piece.id.rawValue)]).status == .forbidden)
        }
    }

    @Test("The learner profile keeps every version; accommodations are for staff with a need only")
    func profile() async throws {
        try await withApp { client, services in
            let cast = try await Self.cast(services.store)
            let base = "/students/\(cast.student.id.rawValue)/profile"
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            _ = try await teacher.get(base)
            let support = "Extended time \(UUID().uuidString.prefix(6))"
            #expect(
                try await teacher.post(
                    base, [("interests", "Robots"), ("accommodations", support), ("preference", "video")]
                )
                .status == .seeOther)
            var student = TestBrowser(client)
            _ = try await student.login("student")
            let own = try await student.get(base)
            #expect(own.status == .ok && own.body.contains("Robots") && !own.body.contains(support))
            let before = try await services.store.profileHistory(student: cast.student.id).count
            #expect(
                try await student.post(base, [("interests", "Robots and music"), ("preference", "reading")]).status
                    == .seeOther)
            let profile = try await services.store.profile(student: cast.student.id)
            #expect(profile.interests == "Robots and music" && profile.accommodations == support)
            #expect(profile.learningPreferences == [.reading])
            #expect(try await services.store.profileHistory(student: cast.student.id).count == before + 1)
            #expect(try await teacher.get(base).body.contains(support))
            // The history says what each version changed; the student's copy never mentions accommodations.
            let history = try await student.get(base).body
            #expect(history.contains(": interests, learning preferences</li>"))
            #expect(!history.contains("accommodations<") && !history.contains("accommodations,"))
            #expect(try await teacher.get(base).body.contains("accommodations"))
            // The district's administrator and a coach read the profile without the supports.
            for username in ["admin", "coach"] {
                var staff = TestBrowser(client)
                _ = try await staff.login(username)
                let view = try await staff.get(base)
                #expect(view.status == .ok && !view.body.contains(support), "\(username)")
            }
        }
    }

    @Test("The school's administrator reads a student's supports without editing the profile")
    func schoolAdministratorReadsSupports() async throws {
        // A school whose administrator belongs to the student's school (the demo's is the district's).
        try await withOwnApp(adjust: { data in
            guard let student = data.people.first(where: { $0.username == "student" }),
                let index = data.people.firstIndex(where: { $0.username == "admin" })
            else { return }
            data.people[index].organizationID = student.organizationID
        }) { client, services in
            let cast = try await Self.cast(services.store)
            let base = "/students/\(cast.student.id.rawValue)/profile"
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            _ = try await teacher.get(base)
            #expect(try await teacher.post(base, [("accommodations", "Quiet room for tests")]).status == .seeOther)
            var admin = TestBrowser(client)
            _ = try await admin.login("admin")
            let view = try await admin.get(base)
            #expect(view.status == .ok && !view.body.contains("id=\"profile-form\""))
            #expect(view.body.contains("Quiet room for tests"))
        }
    }

    @Test("A learning plan goes draft → review → active → complete, signed off by student, advisor and guardian")
    func planWorkflow() async throws {
        try await withApp { client, services in
            let cast = try await Self.cast(services.store)
            let base = "/students/\(cast.student.id.rawValue)/plan"
            var student = TestBrowser(client)
            _ = try await student.login("student")
            _ = try await student.get(base)
            let title = "Plan \(UUID().uuidString.prefix(6))"
            #expect(
                try await student.post(
                    base,
                    [
                        ("title", title), ("pace", "A unit every two weeks"),
                        ("goal-academic", "Finish Math 7 pathway"),
                        ("steps-academic", "Practice daily\nAsk for help on Fridays"),
                        ("goal-college-career", "Visit a robotics lab"),
                    ]
                ).status == .seeOther)
            var plan = try #require(
                try await services.store.plans(student: cast.student.id).first { $0.title == title })
            #expect(plan.goals.first?.actionSteps == ["Practice daily", "Ask for help on Fridays"])
            #expect(try await student.post("\(base)/\(plan.id.rawValue)/submit", []).status == .seeOther)
            #expect(try await student.post("\(base)/\(plan.id.rawValue)/acknowledge", []).status == .seeOther)
            // Only what the student can do now is offered: no second acknowledgement, no activation yet.
            let waiting = try await student.get(base)
            #expect(!waiting.body.contains("/\(plan.id.rawValue)/acknowledge\""))
            #expect(!waiting.body.contains("/\(plan.id.rawValue)/activate\""))
            #expect(waiting.body.contains("It becomes active once acknowledged by: advisor, guardian."))
            let early = try await student.post("\(base)/\(plan.id.rawValue)/activate", [])
            #expect(early.status == .unprocessableContent && early.body.contains("advisor, guardian"))
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            // The advisor's home says the plan waits for their sign-off, once, with a link to it; another
            // school's teacher is not told.
            let link = "\(base)#plan-\(plan.id.rawValue)"
            let home = try await teacher.get("/")
            #expect(home.body.components(separatedBy: "href=\"\(link)\"").count == 2)
            #expect(home.body.contains("Sign off \(cast.student.givenName)’s plan “\(title)”"))
            var outsider = TestBrowser(client)
            _ = try await outsider.login("teacher5")
            #expect(!(try await outsider.get("/")).body.contains(title))
            // The same in their notifications, for the API and apps.
            func notified(_ username: String) async throws -> [[String: Any]] {
                let api = try await APIClient.signIn(client, username)
                let items = try await api.call("/api/v1/me/notifications").object["items"] as? [[String: Any]] ?? []
                return items.filter { $0["url"] as? String == link }
            }
            let told = try await notified("teacher")
            #expect(told.count == 1 && told.first?["kind"] as? String == "plan-sign-off")
            #expect((told.first?["text"] as? String)?.contains("“\(title)” awaits your sign-off") == true)
            #expect(try await notified("teacher5").isEmpty)
            _ = try await teacher.get(base)
            #expect(try await teacher.post("\(base)/\(plan.id.rawValue)/acknowledge", []).status == .seeOther)
            #expect(!(try await teacher.get("/")).body.contains(link))
            #expect(try await notified("teacher").isEmpty)
            var guardian = TestBrowser(client)
            _ = try await guardian.login("guardian")
            _ = try await guardian.get(base)
            #expect(try await guardian.post("\(base)/\(plan.id.rawValue)/activate", []).status == .forbidden)
            #expect(try await guardian.post("\(base)/\(plan.id.rawValue)/acknowledge", []).status == .seeOther)
            // A second click writes nothing.
            func acknowledgements() async throws -> Int {
                try await services.store.auditLog(limit: 1000).filter {
                    $0.action == "plan.acknowledge" && $0.subject.contains(title)
                }.count
            }
            let before = try await acknowledgements()
            #expect(before == 3)
            #expect(try await guardian.post("\(base)/\(plan.id.rawValue)/acknowledge", []).status == .seeOther)
            #expect(try await acknowledgements() == before)
            #expect(try await student.post("\(base)/\(plan.id.rawValue)/activate", []).status == .seeOther)
            #expect(try await student.post("\(base)/\(plan.id.rawValue)/complete", []).status == .forbidden)
            #expect(try await teacher.post("\(base)/\(plan.id.rawValue)/complete", []).status == .seeOther)
            plan = try #require(try await services.store.plans(student: cast.student.id).first { $0.id == plan.id })
            #expect(plan.status == .complete)
            #expect(Set(plan.acknowledgements.map(\.signer)) == Set(LearningPlan.Signer.allCases))
            let frozen = try #require(plan.frozenMastery)
            let records = try await services.store.records(student: cast.student.id)
            #expect(
                !frozen.isEmpty && frozen.allSatisfy { ($0.mastered) == (records[$0.competencyID]?.mastered ?? false) })
        }
    }

    @Test("The family prints the backpack and the conference report from a button (phones have no print menu)")
    func printButtons() async throws {
        try await withApp { client, services in
            let cast = try await Self.cast(services.store)
            var guardian = TestBrowser(client)
            _ = try await guardian.login("guardian")
            for page in ["backpack", "conference"] {
                let body = try await guardian.get("/students/\(cast.student.id.rawValue)/\(page)").body
                #expect(body.contains(#"data-print="true""#) && body.contains(#"src="/assets/print.js""#), "\(page)")
            }
            let script = try await guardian.get("/assets/print.js")
            #expect(script.status == .ok && script.body.contains("window.print()"))
        }
    }

    @Test("The backpack is documented JSON; importing it at a school loses nothing")
    func backpackRoundTrip() async throws {
        // A school of its own: a section's calculation changed meanwhile by another test on the shared school
        // would apply to the original student and not to the copy (which has no sections).
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let cast = try await Self.cast(store)
            for (minutes, visibility) in [(2.0, Reflection.Visibility.teacherAndMe), (1, .shared)] {
                try await store.save(
                    Reflection(
                        id: .init("r-\(visibility.rawValue)"), studentID: cast.student.id,
                        wentWell: "Fractions clicked",
                        tryNext: "Ask earlier", visibility: visibility,
                        at: TestSchool.now.addingTimeInterval(-60 * minutes)),
                    by: cast.student.id)
            }
            let api = try await APIClient.signIn(client, "student")
            let response = try await api.call("/api/v1/students/\(cast.student.id.rawValue)/backpack")
            #expect(response.status == .ok && response.object["format"] as? String == "masterly.backpack")
            #expect((response.object["mastery"] as? [Any])?.isEmpty == false)
            let profiles = response.object["profiles"] as? [[String: Any]] ?? []
            #expect(profiles.allSatisfy { ($0["accommodations"] as? String ?? "").isEmpty })
            // The student's own copy holds the reflection kept for their teachers only …
            let own = response.object["reflections"] as? [[String: Any]] ?? []
            #expect(own.contains { $0["visibility"] as? String == "teacher-and-me" })
            // The family may inspect its child's record — without what the student keeps for their teachers only.
            let guardian = try await APIClient.signIn(client, "guardian")
            let family = try await guardian.call("/api/v1/students/\(cast.student.id.rawValue)/backpack")
            #expect(family.status == .ok && (family.object["mastery"] as? [Any])?.isEmpty == false)
            let familyProfiles = family.object["profiles"] as? [[String: Any]] ?? []
            #expect(familyProfiles.allSatisfy { ($0["accommodations"] as? String ?? "").isEmpty })
            let familyReflections = family.object["reflections"] as? [[String: Any]] ?? []
            #expect(familyReflections.allSatisfy { $0["visibility"] as? String == "shared" })
            #expect(familyReflections.contains { $0["visibility"] as? String == "shared" })

            let service = BackpackService(store: store)
            let original = try #require(
                try await service.backpack(
                    of: cast.student.id, includeSensitive: true, includePrivateReflections: true, at: TestSchool.now))
            let data = try original.data()
            let read = try Backpack.read(data, fileName: "backpack.json")
            let school = try #require(try await store.organizations().first { $0.kind == .school })
            let admin = try #require(try await store.credentials(username: "admin")?.person)
            let result = try await service.importBackpack(read, into: school.id, by: admin.id, at: TestSchool.now)
            #expect(result.evidence == original.evidence.count && result.transferred == 0)
            let copy = try #require(
                try await service.backpack(
                    of: result.student.id, includeSensitive: true, includePrivateReflections: true, at: TestSchool.now))
            let (copied, kept) = (Self.normalized(copy), Self.normalized(original))
            #expect(copied == kept, "backpacks differ: \(Self.difference(copied, kept))")
            #expect(throws: ImportError.self) {
                try Backpack.read(Data(#"{"format":"other","version":1}"#.utf8), fileName: "x.json")
            }
        }
    }

    /// The first lines where two texts differ, with a little context: enough to read in a CI log.
    static func difference(_ left: String, _ right: String) -> String {
        let (a, b) = (left.split(separator: "\n"), right.split(separator: "\n"))
        guard let index = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
        else { return "one is a prefix of the other (\(a.count) and \(b.count) lines)" }
        let range = max(0, index - 6)..<index + 4
        let show = { (lines: [Substring]) in lines[range.clamped(to: 0..<lines.count)].joined(separator: "\n") }
        return "at line \(index + 1):\n--- imported\n\(show(a))\n--- original\n\(show(b))"
    }

    /// A backpack without what must change when it moves (ids, the export time, who recorded evidence).
    static func normalized(_ backpack: Backpack) -> String {
        var copy = backpack
        copy.exportedAt = Date(timeIntervalSince1970: 0)
        copy.student.id = "student"
        copy.student.school = nil
        // Scored work travels in the file as a record; it is not handed in again at the new school.
        copy.work = nil
        copy.profiles = copy.profiles.map {
            var profile = $0
            profile.studentID = "student"
            return profile
        }
        copy.goals = copy.goals.map { entry in
            var entry = entry
            entry.goal.id = "goal"
            entry.goal.studentID = "student"
            entry.notes = entry.notes.map {
                var note = $0
                note.goalID = "goal"
                return note
            }
            return entry
        }.sorted { ($0.goal.title, $0.goal.createdAt) < ($1.goal.title, $1.goal.createdAt) }
        let evidenceKey = Dictionary(
            backpack.evidence.map { ($0.id, "\($0.competency.code)@\($0.observedAt.timeIntervalSince1970)") },
            uniquingKeysWith: { a, _ in a })
        copy.reflections = copy.reflections.map {
            var reflection = $0
            reflection.id = "reflection"
            reflection.studentID = "student"
            reflection.goalID = nil
            reflection.competencyID = nil
            reflection.evidenceID = reflection.evidenceID.map { EvidenceEvent.ID(evidenceKey[$0.rawValue] ?? "?") }
            return reflection
        }.sorted { ($0.at, $0.wentWell) < ($1.at, $1.wentWell) }
        copy.plans = copy.plans.map {
            var plan = $0
            plan.id = "plan"
            plan.studentID = "student"
            return plan
        }.sorted { ($0.title, $0.updatedAt) < ($1.title, $1.updatedAt) }
        copy.evidence = copy.evidence.map {
            var item = $0
            item.id = "evidence"
            return item
        }
        let encoder = Backpack.encoder()
        return String(decoding: (try? encoder.encode(copy)) ?? Data(), as: UTF8.self)
    }
}

import Foundation
import HTTPTypes
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

/// An extended learning opportunity from proposal to credit through the API, each step by the one role that may
/// take it; the mentor sees only what they mentor; the transcript shows the credit; the family reads it in Spanish.
@Suite("Extended learning opportunities")
struct ExtendedLearningTests {
    @Test("Proposed, approved, consented, mentored, scored and completed — each step by its role only")
    func wholeFlow() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let studentPerson = try #require(try await store.credentials(username: "student")?.person)
            let sid = studentPerson.id.rawValue
            let academic = try #require(
                try await ExtendedLearningService(services: services, user: studentPerson).competencies(
                    student: studentPerson.id
                ).prefix(2).map(\.id.rawValue) as [String]?)
            let student = try await APIClient.signIn(client, "student")
            let teacher = try await APIClient.signIn(client, "teacher")
            let guardian = try await APIClient.signIn(client, "guardian")
            let proposal: [String: Any] = [
                "title": "Internship at the water lab", "kind": "internship", "competencyIds": academic,
                "description": "Testing creek water with a chemist", "hours": 40,
            ]
            #expect(
                try await teacher.call("/api/v1/students/\(sid)/elos", method: .post, json: proposal).status
                    == .forbidden)
            let bad = try await student.call(
                "/api/v1/students/\(sid)/elos", method: .post,
                json: proposal.merging(["competencyIds": ["nope"]]) { $1 })
            #expect(bad.status == .unprocessableContent && bad.errorField == "competencyIds")
            let made = try await student.call("/api/v1/students/\(sid)/elos", method: .post, json: proposal)
            #expect(made.status == .created && made.object["state"] as? String == "proposed")
            let id = try #require(made.object["id"] as? String)

            // Too early to complete; only the teacher approves, only the guardian consents.
            #expect(try await teacher.call("/api/v1/elos/\(id)/complete", method: .post, json: [:]).status == .conflict)
            #expect(
                try await guardian.call("/api/v1/elos/\(id)/approve", method: .post, json: [:]).status == .forbidden)
            let approved = try await teacher.call("/api/v1/elos/\(id)/approve", method: .post, json: [:])
            #expect(approved.object["state"] as? String == "approved")
            #expect(try await teacher.call("/api/v1/elos/\(id)/approve", method: .post, json: [:]).status == .conflict)
            #expect(try await teacher.call("/api/v1/elos/\(id)/consent", method: .post, json: [:]).status == .forbidden)
            let consented = try await guardian.call("/api/v1/elos/\(id)/consent", method: .post, json: [:])
            #expect(consented.object["state"] as? String == "active")

            // A mentor joins by invitation and sees only this opportunity.
            let invited = try await teacher.call(
                "/api/v1/elos/\(id)/mentors", method: .post,
                json: ["givenName": "Rosa", "familyName": "Chemist", "email": "rosa@waterlab.example.org"])
            #expect(invited.status == .created)
            let path = try #require(invited.object["invitation"] as? String)
            let username = try #require(invited.object["username"] as? String)
            var mentorBrowser = TestBrowser(client)
            _ = try await mentorBrowser.get(path)
            let set = try await mentorBrowser.post(
                path, [("password", "lab-mentor-2026!"), ("confirm", "lab-mentor-2026!")])
            #expect(set.status == .seeOther)
            let mentor = try await APIClient.signIn(client, username, password: "lab-mentor-2026!")
            let logged = try await mentor.call(
                "/api/v1/elos/\(id)/hours", method: .post, json: ["hours": 3.5, "note": "Sampled three sites"])
            #expect(logged.status == .created && logged.object["hoursLogged"] as? Double == 3.5)
            #expect(try await mentor.call("/api/v1/students/\(sid)/mastery").status == .forbidden)
            #expect(try await mentor.call("/api/v1/students/\(sid)/elos").status == .forbidden)
            #expect((try await mentor.call("/api/v1/sections").object["sections"] as? [Any])?.isEmpty == true)
            #expect(try await mentor.call("/api/v1/elos/\(id)/complete", method: .post, json: [:]).status == .forbidden)
            let home = try await mentorBrowser.get("/")
            #expect(home.status == .ok && home.body.contains("Internship at the water lab"))
            #expect(try await mentorBrowser.get("/students/\(sid)").status == .forbidden)
            #expect(try await mentorBrowser.get("/frameworks").status == .forbidden)

            // The teacher scores a competency (evidence like any other) and completes it with the credit.
            let scored = try await teacher.call(
                "/api/v1/elos/\(id)/evidence", method: .post,
                json: ["competencyId": academic[0], "score": 3, "comment": "Ratios in every dilution"])
            #expect(scored.status == .created)
            let last = try #require(
                try await store.events(student: studentPerson.id, competency: .init(academic[0])).last)
            #expect(last.source == .extendedLearning && last.score == 3)
            let done = try await teacher.call("/api/v1/elos/\(id)/complete", method: .post, json: ["credit": 0.5])
            #expect(done.object["state"] as? String == "completed" && done.object["credit"] as? Double == 0.5)
            #expect(
                try await mentor.call("/api/v1/elos/\(id)/hours", method: .post, json: ["hours": 1, "note": "late"])
                    .status == .conflict)
            let actions = try await store.auditLog(limit: 30).map(\.action)
            for action in ["elo.propose", "elo.approve", "elo.consent", "elo.mentor", "elo.hours", "elo.complete"] {
                #expect(actions.contains(action), "\(action)")
            }

            // The credit shows in the backpack and on the report card of the period it was completed in.
            let backpack = try await student.call("/api/v1/students/\(sid)/backpack")
            let accomplishments = backpack.object["accomplishments"] as? [[String: Any]] ?? []
            #expect(accomplishments.contains { ($0["title"] as? String)?.contains("water lab") == true })
            let section = try #require(try await store.sections(of: studentPerson.id, as: .student).first)
            let q2 = try #require(try await store.gradingPeriods().first { $0.title == "Quarter 2" })
            let admin = try await APIClient.signIn(client, "admin")
            #expect(
                try await admin.call(
                    "/api/v1/sections/\(section.id.rawValue)/grades/close", method: .post,
                    json: ["periodId": q2.id.rawValue]
                ).status == .created)

            // The transcript carries the credit; the family reads the pages in Spanish, every message translated.
            var family = TestBrowser(client)
            _ = try await family.get("/login?lang=es")
            _ = try await family.post("/login", [("username", "guardian"), ("password", "masterly-demo")])
            let transcript = try await family.get("/students/\(sid)/transcript")
            #expect(transcript.status == .ok && transcript.body.contains("Internship at the water lab"))
            #expect(transcript.body.contains("Expediente académico") && transcript.body.contains("0.5"))
            let yesterday = Section.isoDay(TestSchool.now.addingTimeInterval(-86_400))
            let before = try await family.get("/students/\(sid)/transcript?asOf=\(yesterday)")
            #expect(before.status == .ok && !before.body.contains("Internship at the water lab"))
            let list = try await family.get("/students/\(sid)/elos")
            #expect(list.status == .ok && list.body.contains("Terminado"))
            var own = TestBrowser(client)
            _ = try await own.get("/login?lang=es")
            _ = try await own.post("/login", [("username", "student"), ("password", "masterly-demo")])
            #expect(try await own.get("/students/\(sid)/elos").body.contains("Proponer uno"))
            let cards = try await own.get("/students/\(sid)/report-cards")
            #expect(cards.status == .ok && cards.body.contains("Internship at the water lab"))
            #expect(services.languages.misses.all.isEmpty, "untranslated: \(services.languages.misses.all.sorted())")
            var stranger = TestBrowser(client)
            _ = try await stranger.login("teacher5")
            #expect(try await stranger.get("/students/\(sid)/transcript").status == .forbidden)
        }
    }
}

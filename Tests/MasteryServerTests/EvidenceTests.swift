import Foundation
import HTTPTypes
import MasteryCore
import MasteryServer
import MasteryStore
import Testing

@Suite("Recording and correcting evidence")
struct EvidenceTests {
    /// A student and a competency; each test writes to its own `offset` so parallel tests never share a pair.
    func target(_ services: AppServices, offset: Int) async throws -> (Person, Competency.ID) {
        let student = try #require(try await services.store.credentials(username: "student")?.person)
        let section = try #require(try await services.store.sections(of: student.id, as: .student).first)
        let curriculum = try await services.store.curriculum(course: section.courseID)
        let academics = curriculum.competencies.filter { $0.kind == .academic }
        return (student, academics[academics.count - 1 - offset].id)
    }

    @Test("A form with a missing or invalid field comes back with the error, and nothing is saved")
    func invalidForm() async throws {
        try await withApp { client, services in
            let (student, competency) = try await target(services, offset: 1)
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let before = try await services.store.events(student: student.id, competency: competency).count
            let uri = "/students/\(student.id.rawValue)/competencies/\(competency.rawValue)/evidence"
            let missing = try await browser.post(uri, [("comment", "hi")])
            #expect(missing.status == .unprocessableContent && missing.body.contains("Choose the level"))
            let outside = try await browser.post(uri, [("score", "9")])
            #expect(outside.status == .unprocessableContent && outside.body.contains("not on the scale"))
            let badDate = try await browser.post(uri, [("score", "3"), ("observed", "2026-02-31")])
            #expect(badDate.status == .unprocessableContent && badDate.body.contains("not a date"))
            #expect(try await services.store.events(student: student.id, competency: competency).count == before)
        }
    }

    @Test("A saved form shows the updated mastery at once; corrections need a reason")
    func recordAndCorrect() async throws {
        try await withApp { client, services in
            let (student, competency) = try await target(services, offset: 0)
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let base = "/students/\(student.id.rawValue)/competencies/\(competency.rawValue)"
            let saved = try await browser.post(
                "\(base)/evidence", [("score", "4"), ("observed", "2026-11-10"), ("comment", "Great model")])
            #expect(saved.status == .seeOther)
            let page = try await browser.get(try #require(saved.location))
            #expect(page.body.contains("Saved.") && page.body.contains("Great model"))
            let events = try await services.store.events(student: student.id, competency: competency)
            let last = try #require(events.last)
            #expect(last.score == 4 && last.recordedBy.rawValue == "p-teacher-1")
            let noReason = try await browser.post("\(base)/evidence/\(last.id.rawValue)/exclude", [("reason", " ")])
            #expect(noReason.status == .unprocessableContent)
            let excluded = try await browser.post(
                "\(base)/evidence/\(last.id.rawValue)/exclude", [("reason", "entered twice")])
            #expect(excluded.status == .seeOther)
            let after = try await services.store.events(student: student.id, competency: competency)
            #expect(after.count == events.count + 1 && after.last?.action == .exclude)
            #expect(try await services.store.recompute().changed == 0)
        }
    }

    @Test("Only the student's teacher may record evidence")
    func forbiddenWriters() async throws {
        try await withApp { client, services in
            let (student, competency) = try await target(services, offset: 2)
            let before = try await services.store.events(student: student.id, competency: competency).count
            for username in ["student", "guardian", "coach", "teacher2", "admin"] {
                var browser = TestBrowser(client)
                _ = try await browser.login(username)
                let response = try await browser.post(
                    "/students/\(student.id.rawValue)/competencies/\(competency.rawValue)/evidence", [("score", "4")])
                #expect(response.status == .forbidden, "\(username)")
            }
            #expect(try await services.store.events(student: student.id, competency: competency).count == before)
        }
    }
}

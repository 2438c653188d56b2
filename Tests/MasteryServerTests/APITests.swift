import Foundation
import HTTPTypes
import MasteryCore
import MasteryServer
import MasteryStore
import Testing

@Suite("JSON API")
struct APITests {
    @Test("The gradebook works for the teacher and is 403 for a student of another section")
    func gradebook() async throws {
        try await withApp { client, services in
            let teacher = try await APIClient.signIn(client, "teacher")
            let sections = try #require(
                try await teacher.call("/api/v1/sections").object["sections"] as? [[String: Any]])
            #expect(sections.count >= 2)
            let id = try #require(sections[0]["id"] as? String)
            let gradebook = try await teacher.call("/api/v1/sections/\(id)/gradebook")
            #expect(gradebook.status == .ok)
            let students = try #require(gradebook.object["students"] as? [[String: Any]])
            let competencies = try #require(gradebook.object["competencies"] as? [[String: Any]])
            let cells = try #require(gradebook.object["cells"] as? [[String: Any]])
            #expect(cells.count == students.count * competencies.count)
            // Every cell has every key; without enough evidence, value and level are null.
            let keys: Set<String> = ["studentId", "competencyId", "value", "level", "mastered", "evidenceCount"]
            #expect(cells.allSatisfy { keys.isSubset(of: Set($0.keys)) })
            #expect(
                cells.filter { $0["status"] as? String == "not-enough-evidence" }.allSatisfy {
                    $0["value"] is NSNull && $0["level"] is NSNull
                })

            let stranger = try #require(try await services.store.members(of: "sec-12", as: .student).first)
            let username = try #require(stranger.username)
            let student = try await APIClient.signIn(client, username)
            let refused = try await student.call("/api/v1/sections/\(id)/gradebook")
            #expect(refused.status == .forbidden && refused.errorCode == "forbidden")
            #expect(try await teacher.call("/api/v1/sections/nope/gradebook").status == .notFound)
        }
    }

    @Test("Recording evidence returns the updated cell; bad input names the field and writes nothing")
    func recordEvidence() async throws {
        try await withApp { client, services in
            let teacher = try await APIClient.signIn(client, "teacher")
            let student = try #require(try await services.store.credentials(username: "student")?.person)
            let section = try #require(try await services.store.sections(of: student.id, as: .student).first)
            let competency = try #require(
                try await services.store.curriculum(course: section.courseID).competencies.first)
            let before = try await services.store.events(student: student.id, competency: competency.id).count
            let created = try await teacher.call(
                "/api/v1/evidence", method: .post,
                json: [
                    "studentId": student.id.rawValue, "competencyId": competency.id.rawValue, "score": 4,
                    "observedAt": "2026-11-10T10:00:00Z",
                ])
            #expect(created.status == .created)
            let cell = try #require(created.object["cell"] as? [String: Any])
            #expect(cell["studentId"] as? String == student.id.rawValue)
            #expect(try await services.store.events(student: student.id, competency: competency.id).count == before + 1)

            // Fractional seconds are ISO 8601 too; a date in another form names the field.
            let fractional = try await teacher.call(
                "/api/v1/evidence", method: .post,
                json: [
                    "studentId": student.id.rawValue, "competencyId": competency.id.rawValue, "score": 3,
                    "observedAt": "2026-11-10T10:00:00.250Z",
                ])
            #expect(fractional.status == .created)
            let slashed = try await teacher.call(
                "/api/v1/evidence", method: .post,
                json: [
                    "studentId": student.id.rawValue, "competencyId": competency.id.rawValue, "score": 3,
                    "observedAt": "11/10/2026",
                ])
            #expect(slashed.status == .unprocessableContent && slashed.errorField == "observedAt")
            #expect(try await services.store.events(student: student.id, competency: competency.id).count == before + 2)

            let outside = try await teacher.call(
                "/api/v1/evidence", method: .post,
                json: ["studentId": student.id.rawValue, "competencyId": competency.id.rawValue, "score": 12])
            #expect(outside.status == .unprocessableContent && outside.errorField == "score")
            let unknown = try await teacher.call(
                "/api/v1/evidence", method: .post,
                json: ["studentId": student.id.rawValue, "competencyId": "nope", "score": 2])
            #expect(unknown.status == .unprocessableContent && unknown.errorField == "competencyId")
            let missing = try await teacher.call(
                "/api/v1/evidence", method: .post, json: ["competencyId": competency.id.rawValue])
            #expect(missing.status == .unprocessableContent && missing.errorField == "studentId")
            let noTask = try await teacher.call(
                "/api/v1/evidence", method: .post,
                json: [
                    "studentId": student.id.rawValue, "competencyId": competency.id.rawValue, "score": 2,
                    "taskId": "no-such-task",
                ])
            #expect(noTask.status == .unprocessableContent)
            #expect(
                (noTask.object["error"] as? [String: Any])?["message"] as? String == "there is no task 'no-such-task'")
            let nobody = try await teacher.call(
                "/api/v1/evidence", method: .post,
                json: ["studentId": "nobody", "competencyId": competency.id.rawValue, "score": 2])
            #expect(nobody.status == .notFound)
            #expect(try await services.store.events(student: student.id, competency: competency.id).count == before + 2)

            let studentSelf = try await APIClient.signIn(client, "student")
            let forbidden = try await studentSelf.call(
                "/api/v1/evidence", method: .post,
                json: ["studentId": student.id.rawValue, "competencyId": competency.id.rawValue, "score": 4])
            #expect(forbidden.status == .forbidden)
        }
    }

    @Test("Mastery comes with its explanation; only who may see the student gets it")
    func mastery() async throws {
        try await withApp { client, services in
            let student = try #require(try await services.store.credentials(username: "student")?.person)
            let guardian = try await APIClient.signIn(client, "guardian")
            let result = try await guardian.call("/api/v1/students/\(student.id.rawValue)/mastery")
            #expect(result.status == .ok)
            let records = try #require(result.object["records"] as? [[String: Any]])
            #expect(!records.isEmpty)
            let explanation = try #require(records[0]["explanation"] as? [String: Any])
            #expect(explanation["steps"] != nil && explanation["evidence"] != nil)
            let coach = try await APIClient.signIn(client, "coach")
            let stranger = try #require(try await services.store.members(of: "sec-12", as: .student).first)
            #expect(try await coach.call("/api/v1/students/\(stranger.id.rawValue)/mastery").status == .forbidden)
            #expect(try await guardian.call("/api/v1/students/\(stranger.id.rawValue)/mastery").status == .forbidden)
        }
    }

    @Test("The OpenAPI document lists every route")
    func openAPI() async throws {
        try await withApp { client, _ in
            var browser = TestBrowser(client)
            let document = try await browser.get("/openapi.yaml")
            #expect(document.status == .ok)
            for path in [
                "/api/v1/sessions", "/api/v1/me", "/api/v1/sections", "/api/v1/sections/{id}/gradebook",
                "/api/v1/evidence", "/api/v1/students/{id}/mastery",
            ] {
                #expect(document.body.contains("  \(path):"))
            }
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("Flex days in the JSON API: requests, choices, propose, publish")
struct FlexDayAPITests {
    @Test(
        "A teacher requires three of their students, a student ranks two sessions; the proposal honours the requirement, weighs the choice, and says what was not met"
    )
    func requestsAndChoices() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let coach = try await APIClient.signIn(client, "coach")
            let teacherAPI = try await APIClient.signIn(client, "teacher")
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let teacher2 = try #require(try await store.credentials(username: "teacher2")?.person)
            let student = try #require(try await store.credentials(username: "student")?.person)
            let section = try #require(try await store.sections(of: teacher.id, as: .teacher).first)
            let mine = try await store.members(of: section.id, as: .student).map(\.id).filter { $0 != student.id }
            let theirs = Set(
                try await store.sections(of: teacher2.id, as: .teacher).asyncFlatMap {
                    try await store.members(of: $0.id, as: .student).map(\.id)
                }
            ).subtracting(try await store.members(of: section.id, as: .student).map(\.id))
            let competency = try #require(
                try await SectionData.load(section.id, store: store).gradebook.competencies.first)

            let created = try await coach.call(
                "/api/v1/flex-days", method: .post,
                json: ["date": "2026-12-09", "mods": 3, "startTime": "09:00", "modMinutes": 20])
            #expect(created.status == .created)
            let id = try #require(created.object["id"] as? String)
            #expect(created.object["startTime"] as? String == "9:00")
            // Numbers outside the day are refused naming the field; nothing is added.
            let outside = try await coach.call(
                "/api/v1/flex-days/\(id)/sessions", method: .post,
                json: ["title": "Too late", "start": 3, "length": 1, "capacity": 5, "competencyIds": []])
            #expect(outside.status == .unprocessableContent && outside.errorField == "start")
            let reteach = try await coach.call(
                "/api/v1/flex-days/\(id)/sessions", method: .post,
                json: [
                    "title": "Reteach", "start": 0, "length": 1, "capacity": 4, "teacherId": teacher.id.rawValue,
                    "room": "B12", "competencyIds": [competency.id.rawValue],
                ])
            #expect(reteach.status == .created)
            let reteachID = try #require(reteach.object["id"] as? String)
            let lab = try await coach.call(
                "/api/v1/flex-days/\(id)/sessions", method: .post,
                json: ["title": "Lab", "start": 0, "length": 2, "capacity": 3, "competencyIds": []])
            let labID = try #require(lab.object["id"] as? String)
            // Only a coordinator adds sessions.
            #expect(
                try await teacherAPI.call(
                    "/api/v1/flex-days/\(id)/sessions", method: .post,
                    json: ["title": "Mine", "start": 0, "capacity": 5]
                ).status == .forbidden)

            // The teacher requires three of their own students; a student they do not teach is refused.
            let required = Array(mine.prefix(3))
            let request = try await teacherAPI.call(
                "/api/v1/flex-days/\(id)/requests", method: .post,
                json: [
                    "sessionId": reteachID, "studentIds": required.map(\.rawValue), "required": true,
                    "reason": "Reteach before Friday's check",
                ])
            #expect(request.status == .created)
            let stranger = try #require(theirs.first)
            let refused = try await teacherAPI.call(
                "/api/v1/flex-days/\(id)/requests", method: .post,
                json: ["sessionId": reteachID, "studentIds": [stranger.rawValue], "required": true, "reason": "x"])
            #expect(refused.status == .forbidden)

            // The student ranks two sessions; a teacher cannot choose, a third unknown session is named.
            let studentAPI = try await APIClient.signIn(client, "student")
            let choice = try await studentAPI.call(
                "/api/v1/flex-days/\(id)/choices", method: .post, json: ["sessionIds": [labID, reteachID]])
            #expect(choice.status == .created)
            #expect(
                try await teacherAPI.call(
                    "/api/v1/flex-days/\(id)/choices", method: .post, json: ["sessionIds": [labID]]
                ).status == .forbidden)
            let unknown = try await studentAPI.call(
                "/api/v1/flex-days/\(id)/choices", method: .post, json: ["sessionIds": ["nope"]])
            #expect(unknown.status == .unprocessableContent && unknown.errorField == "sessionIds")

            #expect(try await teacherAPI.call("/api/v1/flex-days/\(id)/propose", method: .post).status == .forbidden)
            let proposal = try await coach.call("/api/v1/flex-days/\(id)/propose", method: .post)
            #expect(proposal.status == .ok, "\(String(describing: proposal.json))")
            let objective = try #require(proposal.object["objective"] as? Double)
            let bound = try #require(proposal.object["bound"] as? Double)
            #expect(objective > 0 && bound >= objective - 1e-9)
            let assignments = try #require(proposal.object["assignments"] as? [[String: Any]])
            var placed: [String: [String]] = [:]
            for item in assignments {
                placed[try #require(item["studentId"] as? String)] = item["sessionIds"] as? [String]
            }
            for student in required { #expect(placed[student.rawValue]?.contains(reteachID) == true) }
            // The student's first choice has seats and nothing outweighs it for them.
            #expect(placed[student.id.rawValue]?.contains(labID) == true)
            // Everyone is placed in every mod.
            #expect(placed.count == (try await store.people(in: teacher.organizationID, role: .student).count))
            let unmet = try #require(proposal.object["unmet"] as? [[String: Any]])
            #expect(unmet.allSatisfy { ($0["reason"] as? String)?.isEmpty == false && $0["studentId"] is String })
            let summary = try #require(proposal.object["summary"] as? [String: Any])
            #expect(summary["requestsMade"] as? Int == 3 && summary["requestsMet"] as? Int == 3)

            // Published: the student sees only their own placement; requests and choices are closed.
            #expect(try await coach.call("/api/v1/flex-days/\(id)/publish", method: .post).status == .ok)
            let seen = try await studentAPI.call("/api/v1/flex-days/\(id)")
            let own = try #require(seen.object["assignments"] as? [[String: Any]])
            #expect(own.count == 1 && own.first?["studentId"] as? String == student.id.rawValue)
            let late = try await teacherAPI.call(
                "/api/v1/flex-days/\(id)/requests", method: .post,
                json: ["sessionId": reteachID, "studentIds": [required[0].rawValue], "required": true, "reason": "x"])
            #expect(late.status == .conflict)
            #expect(
                try await coach.call("/api/v1/flex-days/\(id)/sessions/\(labID)", method: .delete).status
                    == .conflict)
            // A teacher of another school does not see the day at all.
            let outsider = try await APIClient.signIn(client, "teacher5")
            #expect(try await outsider.call("/api/v1/flex-days/\(id)").status == .forbidden)
            // Every write was audited.
            let actions = try await store.auditLog(limit: 500).map(\.action)
            for action in ["flexday.create", "flexday.session", "flexday.request", "flexday.choose", "flexday.propose"]
            {
                #expect(actions.contains(action), "\(action)")
            }
        }
    }

    @Test("A weekly template makes each week's day with its sessions; a day is copied; a run day is closed")
    func templatesAndCopies() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let coach = try await APIClient.signIn(client, "coach")
            let template = try await coach.call(
                "/api/v1/flex-days", method: .post, json: ["date": "2026-12-07", "mods": 2, "template": true])
            #expect(template.object["status"] as? String == "template")
            let id = try #require(template.object["id"] as? String)
            _ = try await coach.call(
                "/api/v1/flex-days/\(id)/sessions", method: .post,
                json: ["title": "Writing lab", "start": 1, "capacity": 8, "room": "Library"])
            // Templates are the coordinator's: students do not see them.
            let student = try await APIClient.signIn(client, "student")
            #expect(try await student.call("/api/v1/flex-days/\(id)").status == .notFound)
            let week = try await coach.call(
                "/api/v1/flex-days/\(id)/copy", method: .post, json: ["date": "2026-12-14"])
            #expect(week.status == .created && week.object["status"] as? String == "draft")
            let sessions = try #require(week.object["sessions"] as? [[String: Any]])
            #expect(sessions.contains { $0["title"] as? String == "Writing lab" && $0["room"] as? String == "Library" })
            let weekID = try #require(week.object["id"] as? String)
            #expect(try await coach.call("/api/v1/flex-days/\(weekID)/close", method: .post).status == .conflict)
            _ = try await coach.call("/api/v1/flex-days/\(weekID)/propose", method: .post)
            _ = try await coach.call("/api/v1/flex-days/\(weekID)/publish", method: .post)
            let closed = try await coach.call("/api/v1/flex-days/\(weekID)/close", method: .post)
            #expect(closed.status == .ok && closed.object["status"] as? String == "closed")
            let bad = try await coach.call(
                "/api/v1/flex-days", method: .post, json: ["date": "2026-13-01", "mods": 2])
            #expect(bad.status == .unprocessableContent && bad.errorField == "date")
            let list = try await coach.call("/api/v1/flex-days")
            #expect((list.object["days"] as? [[String: Any]])?.count == 2)
            _ = services
        }
    }
}

extension Sequence {
    func asyncFlatMap<T>(_ transform: (Element) async throws -> [T]) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result += try await transform(element) }
        return result
    }
}

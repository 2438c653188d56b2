import Foundation
import MasteryCore
import MasteryStore
import Testing

/// Flex days on every backend: a day saved again keeps what refers to it (requests, choices, attendance);
/// requests are withdrawn once and kept; a student's choices replace their earlier ones; each write is audited.
/// Part of the serialized contract suite: the PostgreSQL half shares one database.
extension StoreContractTests {
    @Test(
        "Requests, choices and attendance live beside the day and survive its re-saving", arguments: Backend.available)
    func requestsChoicesAttendance(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            var day = FlexDay(
                id: "fd1", schoolID: Fixture.school, day: "2026-12-09", mods: 1,
                sessions: [
                    .init(
                        id: "s1", title: "Reteach", teacherID: Fixture.teacher, room: "", start: 0, length: 1,
                        capacity: 5, competencyIDs: [Fixture.fractions])
                ], students: [Fixture.student, Fixture.classmate])
            try await store.save(day, by: Fixture.coach, at: Fixture.start, action: "create")
            let request = FlexRequest(
                id: "r1", dayID: day.id, sessionID: "s1", teacherID: Fixture.teacher, studentIDs: [Fixture.student],
                required: true, priority: .high, reason: "Reteach", createdAt: Fixture.start)
            try await store.add(request, organization: Fixture.school)
            try await store.save(
                FlexChoice(dayID: day.id, studentID: Fixture.classmate, sessionIDs: ["s1"]), at: Fixture.start,
                organization: Fixture.school)
            try await store.save(
                FlexChoice(dayID: day.id, studentID: Fixture.classmate, sessionIDs: []), at: Fixture.start,
                organization: Fixture.school)
            day.assignments = [Fixture.student: ["s1"], Fixture.classmate: ["s1"]]
            day.status = .published
            try await store.save(day, by: Fixture.coach, at: Fixture.start, action: "publish")
            try await store.takeAttendance(
                day: day.id, session: "s1", present: [Fixture.student: true, Fixture.classmate: false], evidence: [],
                by: Fixture.teacher, at: Fixture.start)
            day.status = .closed
            try await store.save(day, by: Fixture.coach, at: Fixture.start, action: "closed")

            #expect(try await store.flexDay(day.id)?.status == .closed)
            #expect(try await store.flexRequests(day: day.id) == [request])
            #expect(try await store.flexChoices(day: day.id).map(\.sessionIDs) == [[]])
            #expect(try await store.attendance(day: day.id)["s1"] == [Fixture.student: true, Fixture.classmate: false])
            #expect(
                try await store.withdraw("r1", by: Fixture.teacher, at: Fixture.start, organization: Fixture.school))
            #expect(
                !(try await store.withdraw("r1", by: Fixture.teacher, at: Fixture.start, organization: Fixture.school)))
            #expect(try await store.flexRequests(day: day.id).isEmpty)
            let actions = try await store.auditLog(limit: 50).map(\.action)
            for action in ["flexday.create", "flexday.request", "flexday.choose", "flexday.closed", "flexday.withdraw"]
            {
                #expect(actions.contains(action), "\(action)")
            }
        }
    }
}

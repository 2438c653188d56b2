import Foundation
import MasteryCore
import MasteryStore
import Testing

/// Extended learning on every backend: a step is taken once (the second is a conflict that changes nothing),
/// hours only while under way, mentors found by the opportunities they mentor. Part of the serialized suite.
extension StoreContractTests {
    @Test("An opportunity moves step by step; each step once", arguments: Backend.available)
    func extendedLearningContract(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            let elo = ExtendedLearning(
                id: "elo1", studentID: Fixture.student, title: "Lab internship", kind: .internship,
                description: "Water testing", competencyIDs: [Fixture.fractions, Fixture.ratios], plannedHours: 20,
                proposed: .init(by: Fixture.student, at: Fixture.start), consentNeeded: true)
            try await store.add(elo, organization: Fixture.school)
            #expect(try await store.elo("elo1") == elo)
            await #expect(throws: StoreError.self) {
                try await store.log(
                    .init(hours: 2, day: "2026-01-02", note: "early", by: Fixture.student, at: Fixture.day(1)),
                    on: "elo1", organization: nil)
            }
            let approved = try await store.take(
                .approve, on: "elo1", by: Fixture.teacher, at: Fixture.day(1), organization: nil)
            #expect(approved.state == .approved && approved.approval == .init(by: Fixture.teacher, at: Fixture.day(1)))
            await #expect(throws: StoreError.self) {
                _ = try await store.take(
                    .approve, on: "elo1", by: Fixture.otherTeacher, at: Fixture.day(2), organization: nil)
            }
            #expect(try await store.elo("elo1")?.approval?.by == Fixture.teacher)
            #expect(
                try await store.take(.consent, on: "elo1", by: Fixture.guardian, at: Fixture.day(2), organization: nil)
                    .state == .active)
            try await store.addMentor("t2", to: "elo1", by: Fixture.teacher, at: Fixture.day(2), organization: nil)
            try await store.addMentor("t2", to: "elo1", by: Fixture.teacher, at: Fixture.day(2), organization: nil)
            #expect(try await store.elos(mentor: "t2").map(\.id) == ["elo1"])
            try await store.log(
                .init(hours: 2.5, day: "2026-01-03", note: "sampling", by: Fixture.student, at: Fixture.day(3)),
                on: "elo1", organization: nil)
            let done = try await store.take(
                .complete, on: "elo1", by: Fixture.teacher, at: Fixture.day(4), credit: 0.5, organization: nil)
            #expect(
                done.state == .completed && done.credit == 0.5 && done.hoursLogged == 2.5 && done.mentorIDs == ["t2"])
            #expect(try await store.elos(student: Fixture.student) == [done])
            let actions = try await store.auditLog(limit: 30).map(\.action)
            #expect(actions.filter { $0 == "elo.mentor" }.count == 1 && actions.contains("elo.complete"))
        }
    }
}

import Foundation
import MasteryCore
import Testing

@testable import MasteryStore

/// A district-wide change recomputes in short batches after it is committed, so evidence keeps flowing; the
/// records converge on the new rule. (Part of the store contract suite, which runs serialized on one
/// PostgreSQL database.)
extension StoreContractTests {
    @Test(
        "A policy change, then batches of one student: every record follows the new policy; recompute finds 0",
        arguments: Backend.available)
    func policyChange(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            for (index, score) in [1.0, 4, 2, 3].enumerated() {
                for student in [Fixture.student, Fixture.classmate] {
                    _ = try await store.append(
                        [.record(student: student, competency: Fixture.fractions, score: score)],
                        by: Fixture.teacher, at: Fixture.day(Double(index)))
                }
            }
            let framework = try #require(try await store.frameworks().first { $0.id == Fixture.framework })
            try await store.updateFramework(
                framework.id, code: framework.code, title: framework.title,
                policy: try MasteryPolicy(method: .highest), by: Fixture.teacher, at: Fixture.day(5))
            for student in [Fixture.student, Fixture.classmate] {
                #expect(try await store.records(student: student)[Fixture.fractions]?.value == 4)
            }
            #expect(try await store.recompute().changed == 0)
            // Batches of one student give what one full pass gives.
            try await store.updateFramework(
                framework.id, code: framework.code, title: framework.title,
                policy: try MasteryPolicy(method: .latest), by: Fixture.teacher, at: Fixture.day(6))
            let report = try await store.recomputeInBatches(batch: 1)
            #expect(report.changed == 0)
            for student in [Fixture.student, Fixture.classmate] {
                #expect(try await store.records(student: student)[Fixture.fractions]?.value == 3)
            }
        }
    }
}

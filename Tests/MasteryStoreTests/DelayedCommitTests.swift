import Foundation
import MasteryCore
import Testing

@testable import MasteryStore

/// Readers cache what they derived from the data under the section's change version, read before the data. A
/// commit that arrives late — held open on purpose here, while on PostgreSQL a later write elsewhere commits
/// first — must still move that version, so a page cached without it is never served as current. (A version
/// taken from the audit log's highest sequence fails this: the later write's sequence already covers it.)
extension StoreContractTests {
    @Test("A commit held open past a later one still moves its section's version", arguments: Backend.available)
    func delayedCommit(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            _ = try await store.append(
                [.record(student: Fixture.student, competency: Fixture.fractions, score: 1)], by: Fixture.teacher,
                at: Fixture.day(0))
            let (written, wrote) = AsyncStream<Void>.makeStream()
            let (release, released) = AsyncStream<Void>.makeStream()
            let slow = Task {
                try await store.driver.withTransaction { db in
                    _ = try await Store.append(
                        [.record(student: Fixture.student, competency: Fixture.fractions, score: 4)],
                        by: Fixture.teacher, at: Fixture.day(1), in: db)
                    wrote.yield()
                    for await _ in release { break }
                }
            }
            for await _ in written { break }
            if backend == .postgres {
                // Another section's write begins after the held one and commits before it.
                _ = try await store.append(
                    [.record(student: Fixture.stranger, competency: Fixture.fractions, score: 3)],
                    by: Fixture.otherTeacher, at: Fixture.day(2))
            }
            // A reader now: the version, then the data (as the gradebook reads them).
            let cachedAt = try await store.sectionVersion(Fixture.section)
            let seen = try await store.records(student: Fixture.student)[Fixture.fractions]
            #expect(seen?.evidenceCount == 1, "the held write is not visible yet")
            released.yield()
            try await slow.value
            let now = try await store.sectionVersion(Fixture.section)
            #expect(now != cachedAt, "the late commit must move the version the stale read was cached under")
            #expect(try await store.records(student: Fixture.student)[Fixture.fractions]?.evidenceCount == 2)
            #expect(try await store.recompute().changed == 0)
        }
    }
}

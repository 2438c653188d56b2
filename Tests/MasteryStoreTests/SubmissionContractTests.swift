import Foundation
import MasteryCore
import MasteryStore
import Testing

/// Handed-in work on every backend: versions count up, file bytes come back as sent (BLOB and BYTEA), a review
/// appends its evidence and marks the item done in one transaction, and every step is audited. Part of the
/// serialized contract suite: the PostgreSQL half shares one database.
extension StoreContractTests {
    @Test(
        "Work is kept version by version with its files; a review scores it as evidence", arguments: Backend.available)
    func submissionsAndReviews(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            let checkpoint = PlaylistItem(
                id: "it-check", kind: .checkpoint, title: "Show me", isRequired: true, modality: .handsOn, minutes: 20,
                release: .mastery(Fixture.fractions, atLeast: 2), competencyIDs: [Fixture.fractions])
            let playlist = Playlist(
                id: "pl-work", title: "Fractions", competencyIDs: [Fixture.fractions], items: [checkpoint],
                authorID: Fixture.teacher, sectionIDs: [Fixture.section])
            try await store.save(playlist, by: Fixture.teacher, at: Fixture.start, action: "create")
            #expect(try await store.playlist(playlist.id) == playlist)

            let bytes = Data((0..<3_000).map { UInt8($0 % 256) })
            let first = try await store.submit(
                student: Fixture.student, playlist: playlist, item: checkpoint, text: "first try", links: [],
                files: [.init(name: "page.pdf", type: .pdf, data: bytes)], choice: nil, by: Fixture.student,
                at: Fixture.start)
            let second = try await store.submit(
                student: Fixture.student, playlist: playlist, item: checkpoint, text: "with the fix",
                links: ["https://example.org/doc"], files: [], choice: nil, by: Fixture.student, at: Fixture.day(1))
            #expect(first.version == 1 && second.version == 2)
            let file = try #require(first.files.first)
            let stored = try #require(try await store.workFile(file.id, of: first.id))
            #expect(stored.1 == bytes && stored.0.type == .pdf && stored.0.size == 3_000)
            #expect(try await store.workFile(file.id, of: second.id) == nil)
            #expect(try await store.progress(student: Fixture.student)[checkpoint.id]?.status == .submitted)

            try await store.review(
                second, scores: [Fixture.fractions: 3], feedback: "Well explained",
                evidence: [
                    .record(
                        student: Fixture.student, competency: Fixture.fractions, score: 3, observedAt: Fixture.day(2),
                        source: .checkpoint, section: Fixture.section, comment: "Show me")
                ], by: Fixture.teacher, at: Fixture.day(2))
            let all = try await store.submissions(students: [Fixture.student], items: [checkpoint.id])
            #expect(all.map(\.version) == [1, 2])
            #expect(
                all.last?.review?.feedback == "Well explained" && all.last?.review?.scores == [Fixture.fractions: 3])
            #expect(all.first?.review == nil && all.first?.files.map(\.name) == ["page.pdf"])
            #expect(try await store.progress(student: Fixture.student)[checkpoint.id]?.score == 3)
            #expect(
                try await store.events(student: Fixture.student, competency: Fixture.fractions).last?.score == 3)
            // The evidence leads back to the work it scored.
            let event = try #require(
                try await store.events(student: Fixture.student, competency: Fixture.fractions).last)
            #expect(try await store.submissions(behind: [event.id])[event.id]?.id == second.id)
            let actions = try await store.auditLog(limit: 50).map(\.action)
            for action in ["playlist.create", "work.submit", "work.review", "evidence.record"] {
                #expect(actions.contains(action), "\(action)")
            }
        }
    }
}

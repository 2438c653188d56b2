import Foundation
import MasteryCore
import MasteryStore
import Testing

@Suite("SQLite specifics")
struct SQLiteOnlyTests {
    @Test("Database locations parse as documented")
    func locations() throws {
        #expect(try DatabaseLocation(parsing: "masterly.sqlite") == .sqlite(path: "masterly.sqlite"))
        #expect(try DatabaseLocation(parsing: "sqlite:/tmp/a.db") == .sqlite(path: "/tmp/a.db"))
        #expect(try DatabaseLocation(parsing: "sqlite:///tmp/a.db") == .sqlite(path: "/tmp/a.db"))
        #expect(try DatabaseLocation(parsing: "postgres://u:p@h:5432/db") == .postgres(url: "postgres://u:p@h:5432/db"))
        #expect(try DatabaseLocation(parsing: "postgres://u:secret@h/db").description.contains("secret") == false)
        #expect(throws: StoreError.self) { try DatabaseLocation(parsing: "mysql://x@y/z") }
        #expect(throws: StoreError.self) { try DatabaseLocation(parsing: "postgres://nohost") }
        #expect(throws: StoreError.self) { try DatabaseLocation(parsing: " ") }
    }

    @Test("An online backup is a complete, openable copy")
    func backup() async throws {
        try await withStore(.sqlite) { store in
            try await store.insert(try Fixture.data())
            try await store.append(
                [.record(student: Fixture.student, competency: Fixture.fractions, score: 3)], by: Fixture.teacher,
                at: Fixture.day(1))
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                "backup-\(UUID().uuidString).sqlite"
            ).path
            try await store.backup(to: path)
            await #expect(throws: StoreError.self) { try await store.backup(to: path) }
            let copy = try Store.open(.sqlite(path: path))
            #expect(try await copy.migrate().isEmpty)
            #expect(try await copy.countEvidenceEvents() == 1)
            #expect(try await copy.records(student: Fixture.student)[Fixture.fractions]?.value == 3)
            await copy.close()
        }
    }

    @Test("PostgreSQL backups point to pg_dump")
    func postgresBackupMessage() async throws {
        let store = try Store.open(.postgres(url: "postgres://u:secret@127.0.0.1:1/db"))
        do {
            try await store.backup(to: "x.dump")
            Issue.record("expected a message")
        } catch {
            #expect("\(error)".contains("pg_dump"))
            #expect(!"\(error)".contains("secret"))
        }
        await store.close()
    }
}

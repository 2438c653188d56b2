import Foundation
import MasteryCore
import MasteryStore
import Testing

/// The databases the store contract suite runs on: SQLite always, PostgreSQL when
/// `MASTERLY_TEST_POSTGRES_URL` is set (as `.ci/run` does).
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static let postgresURL: String? = ProcessInfo.processInfo.environment["MASTERLY_TEST_POSTGRES_URL"]
        .flatMap { $0.isEmpty ? nil : $0 }

    /// The backends available here.
    static var available: [Backend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }

    /// A migrated, empty store. SQLite gets a fresh file; PostgreSQL is emptied (the suite is serialized).
    func makeStore() async throws -> Store {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "masterly-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let store = try Store.open(.sqlite(path: folder.appendingPathComponent("test.sqlite").path))
            try await store.migrate()
            return store
        case .postgres:
            let store = try Store.open(.postgres(url: Backend.postgresURL!))
            do {
                try await store.migrate()
                try await store.eraseAllData()
            } catch {
                // Closed before the error travels on: an unreachable server then fails the test, not the run.
                await store.close()
                throw error
            }
            return store
        }
    }
}

/// Runs `body` against a fresh store and closes it afterwards.
func withStore(_ backend: Backend, _ body: (Store) async throws -> Void) async throws {
    let store = try await backend.makeStore()
    do {
        try await body(store)
    } catch {
        await store.close()
        throw error
    }
    await store.close()
}

import Foundation
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore

@testable import MasteryServer

/// One demo school in a SQLite file, shared by the server tests (built once; tests that write add evidence
/// but never depend on totals another test changes).
actor TestSchool {
    static let shared = TestSchool()
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    /// One creation shared by every caller (the actor is re-entrant across the awaits inside).
    private var creation: Task<Store, any Error>?

    func services() async throws -> AppServices {
        if creation == nil {
            creation = Task {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "masterly-server-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let opened = try Store.open(.sqlite(path: folder.appendingPathComponent("demo.sqlite").path))
                try await opened.migrate()
                let hash = try await Passwords.hash(DemoSchool.password, cost: 4)
                try await opened.insert(DemoSchool.build(passwordHash: hash, end: Self.now))
                return opened
            }
        }
        let store = try await creation!.value
        return AppServices(store: store, configuration: ServerConfiguration(), clock: { TestSchool.now })
    }
}

/// Runs `body` against the in-process router of the real application.
func withApp(_ body: @Sendable (any TestClientProtocol, AppServices) async throws -> Void) async throws {
    let services = try await TestSchool.shared.services()
    let app = buildApplication(services)
    try await app.test(.router) { client in try await body(client, services) }
}

/// Runs `body` against an application with a demo school of its own, changed by `adjust` before it is
/// stored: for a test whose setup other tests must not see.
func withOwnApp(
    adjust: (inout SchoolData) -> Void, _ body: @Sendable (any TestClientProtocol, AppServices) async throws -> Void
) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("masterly-own-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Store.open(.sqlite(path: folder.appendingPathComponent("demo.sqlite").path))
    do {
        try await store.migrate()
        var data = try DemoSchool.build(
            passwordHash: try await Passwords.hash(DemoSchool.password, cost: 4), end: TestSchool.now)
        adjust(&data)
        try await store.insert(data)
        let services = AppServices(store: store, configuration: ServerConfiguration(), clock: { TestSchool.now })
        try await buildApplication(services).test(.router) { client in try await body(client, services) }
    } catch {
        await store.close()
        throw error
    }
    await store.close()
}

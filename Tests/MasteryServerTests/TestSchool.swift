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
            creation = Task { try await Self.demoStore(adjust: { _ in }) }
        }
        let store = try await creation!.value
        return AppServices(store: store, configuration: ServerConfiguration(), clock: { TestSchool.now })
    }

    /// A migrated SQLite file in a new folder holding the demo school, changed by `adjust` before it is stored.
    static func demoStore(adjust: (inout SchoolData) -> Void) async throws -> Store {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "masterly-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try Store.open(.sqlite(path: folder.appendingPathComponent("demo.sqlite").path))
        do {
            try await store.migrate()
            var data = try DemoSchool.build(
                passwordHash: try await Passwords.hash(DemoSchool.password, cost: 4), end: Self.now)
            adjust(&data)
            try await store.insert(data)
            return store
        } catch {
            await store.close()
            throw error
        }
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
    adjust: (inout SchoolData) -> Void, configuration: ServerConfiguration = ServerConfiguration(),
    _ body: @Sendable (any TestClientProtocol, AppServices) async throws -> Void
) async throws {
    let store = try await TestSchool.demoStore(adjust: adjust)
    let services = AppServices(store: store, configuration: configuration, clock: { TestSchool.now })
    do {
        try await buildApplication(services).test(.router) { client in try await body(client, services) }
    } catch {
        await store.close()
        throw error
    }
    await store.close()
}

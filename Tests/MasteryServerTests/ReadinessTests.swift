import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("Liveness and readiness")
struct ReadinessTests {
    @Test("/ready answers 200 when the database answers and its schema is current; 503 with Retry-After when closed")
    func ready() async throws {
        let store = try await TestSchool.demoStore(adjust: { _ in })
        let services = AppServices(store: store, configuration: ServerConfiguration(), clock: { TestSchool.now })
        try await buildApplication(services).test(.router) { client in
            let ready = try await client.execute(uri: "/ready", method: .get)
            #expect(ready.status == .ok)
            #expect(String(buffer: ready.body).contains("\"ready\""))
            #expect(try await store.pendingMigrations() == 0)
            await store.close()
            // The database is gone: still alive, not ready.
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
            let down = try await client.execute(uri: "/ready", method: .get)
            #expect(down.status == .serviceUnavailable)
            #expect(down.headers[.retryAfter] != nil)
        }
    }
}

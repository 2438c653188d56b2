import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("Liveness and readiness")
struct ReadinessTests {
    @Test(
        "/ready answers 200 when the database answers and its schema is current; with the database gone, /ready and every request needing it answer 503 with Retry-After"
    )
    func ready() async throws {
        let store = try await TestSchool.demoStore(adjust: { _ in })
        let services = AppServices(store: store, configuration: ServerConfiguration(), clock: { TestSchool.now })
        try await buildApplication(services).test(.router) { client in
            let ready = try await client.execute(uri: "/ready", method: .get)
            #expect(ready.status == .ok)
            #expect(String(buffer: ready.body).contains("\"ready\""))
            #expect(try await store.pendingMigrations() == 0)
            let api = try await APIClient.signIn(client, "teacher")
            #expect(try await api.call("/api/v1/me").status == .ok)
            await store.close()
            // Requests that need the database answer 503 with Retry-After, never 500.
            let me = try await client.execute(
                uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(try #require(api.token))"])
            #expect(me.status == .serviceUnavailable)
            #expect(me.headers[.retryAfter] == "5")
            let login = try await client.execute(uri: "/login", method: .get)
            #expect(login.status == .serviceUnavailable)
            // The database is gone: still alive, not ready.
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
            let down = try await client.execute(uri: "/ready", method: .get)
            #expect(down.status == .serviceUnavailable)
            #expect(down.headers[.retryAfter] != nil)
        }
    }
}

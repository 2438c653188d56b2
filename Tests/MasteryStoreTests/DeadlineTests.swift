import Foundation
import MasteryCore
import SQLKit
import Testing

@testable import MasteryStore

/// A server's store gives each database call a deadline: a call that runs past it fails as "unavailable" (503
/// with Retry-After), its connection is closed rather than returned, and the pool goes on with fresh ones.
extension StoreContractTests {
    @Test("A database call past its deadline fails as unavailable and leaves the pool whole")
    func deadline() async throws {
        guard let url = Backend.postgresURL else { return }
        let store = try Store.open(.postgres(url: url), deadline: .seconds(1))
        do {
            _ = try await store.migrate()
            // More hung calls than the pool has connections: each is cut off (or, waiting for a connection, gives
            // up after the deadline too) as unavailable; none is leaked.
            let capacity = store.poolUse.capacity
            let cutOff = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<(capacity + 4) {
                    group.addTask {
                        do {
                            try await store.driver.withConnection { db in
                                try await db.raw("SELECT pg_sleep(30)").run()
                            }
                            return false
                        } catch {
                            #expect(Store.isUnavailable(error), "\(error)")
                            return error is DatabaseDeadlineExceeded
                        }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(cutOff >= 1)
            #expect(store.poolUse.deadlinesExceeded == cutOff)
            #expect(store.poolUse.inUse == 0)
            for _ in 0..<20 {
                #expect(try await store.pendingMigrations() == 0)
            }
            // The statement timeout given to the server ends a statement the deadline did not catch.
            let timeout = try await store.driver.withConnection { db in
                try await db.raw("SHOW statement_timeout").first()?.decode(column: "statement_timeout", as: String.self)
            }
            #expect(timeout == "2s")
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}

@Suite("Database deadline")
struct AnsweringByDeadlineTests {
    @Test("Work that never answers — not even to cancellation — is abandoned at the deadline")
    func abandonsStuckWork() async throws {
        let expired = ExpiryFlag()
        await #expect(throws: DatabaseDeadlineExceeded.self) {
            try await answering(by: .milliseconds(100)) {
                await expired.set()
            } _: {
                // A query on a connection that died under it: its answer never comes.
                await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
                return 1
            }
        }
        #expect(await expired.value)
    }

    @Test("Work that answers in time is returned, errors included, and the expiry never runs")
    func answersInTime() async throws {
        let expired = ExpiryFlag()
        let value = try await answering(by: .seconds(30)) {
            await expired.set()
        } _: {
            42
        }
        #expect(value == 42)
        await #expect(throws: StoreError.self) {
            try await answering(by: .seconds(30)) {
                await expired.set()
            } _: { () async throws -> Int in
                throw StoreError.invalid("refused")
            }
        }
        #expect(await expired.value == false)
    }
}

private actor ExpiryFlag {
    var value = false
    func set() { value = true }
}

import Logging
import SQLKit

/// The SQL dialect differences the store must know about.
public enum SQLFlavor: String, Sendable {
    case sqlite, postgres
}

/// A database the store talks to through SQLKit: SQLite or PostgreSQL. Database types stay inside this
/// module; everything above sees only `Store`.
protocol SQLDriver: Sendable {
    var flavor: SQLFlavor { get }
    /// Runs `body` on one pooled connection.
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` in one transaction on one connection: all of it is written, or none of it.
    func withTransaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` on one pooled connection with no per-call deadline: migrating, which may wait for another
    /// server's migration and runs every step of the schema, is not an answer a request waits for.
    func withUnboundedConnection<T: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T
    func shutdown() async
    /// Counts uses of the pool (`Store.poolUse`).
    var gauge: PoolGauge { get }
}

extension SQLDriver {
    func withUnboundedConnection<T: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await withConnection(body)
    }

    func withTransaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    {
        try await transaction(body)
    }

    /// The transaction itself: BEGIN (IMMEDIATE on SQLite, taking the write lock at once), COMMIT or ROLLBACK.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection { db in
            try await db.raw(flavor == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}

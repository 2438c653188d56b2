import SQLKit

/// One connection inside a read-only transaction: every query sees the database as it was when the first
/// one ran, whatever is written meanwhile. Writing through it is refused.
struct SnapshotDriver: SQLDriver {
    let flavor: SQLFlavor
    let database: any SQLDatabase

    func withConnection<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    {
        try await body(database)
    }

    func withTransaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    {
        throw StoreError.invalid("a consistent read cannot write; write through the store itself")
    }

    func shutdown() async {}

    /// A snapshot holds one connection of its store's pool, counted there.
    var gauge: PoolGauge { PoolGauge(capacity: 1) }

    /// The statement that opens the read: SQLite's WAL fixes the snapshot at the first read of a deferred
    /// transaction; PostgreSQL needs repeatable read for one snapshot across statements.
    static func begin(_ flavor: SQLFlavor) -> String {
        flavor == .sqlite ? "BEGIN DEFERRED" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
    }
}

extension Store {
    /// Runs `body` with a store whose reads all come from one moment: numbers derived from evidence and the
    /// evidence itself agree even while others record. Use it for exports and reports that read many tables.
    public func snapshot<T: Sendable>(_ body: @escaping @Sendable (Store) async throws -> T) async throws -> T {
        let flavor = driver.flavor
        let location = location
        return try await driver.withConnection { db in
            try await db.raw(SQLQueryString(SnapshotDriver.begin(flavor))).run()
            do {
                let result = try await body(
                    Store(driver: SnapshotDriver(flavor: flavor, database: db), location: location))
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}

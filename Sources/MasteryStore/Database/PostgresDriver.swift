import AsyncKit
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit

/// PostgreSQL through a connection pool, for districts running several app servers on one database.
/// The pool guards its own state with a lock, but AsyncKit does not mark it `Sendable`.
final class PostgresDriver: SQLDriver, @unchecked Sendable {
    let flavor = SQLFlavor.postgres
    private let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    private let deadline: Duration?
    let gauge: PoolGauge

    /// `deadline` bounds each use of a connection (one query, or one whole transaction) and the wait for one:
    /// past it the connection is closed — failing whatever it was doing, so the pool drops it and opens a fresh
    /// one — and the caller gets `DatabaseDeadlineExceeded`. A server passes one so no request can hang on a
    /// database that stopped answering; command-line tools (a district-wide `recompute`) pass none.
    init(url: String, deadline: Duration?, logger: Logger) throws {
        var configuration = try SQLPostgresConfiguration(url: url)
        self.deadline = deadline
        if let deadline {
            // The server gives up on a statement soon after we do, so a closed connection's query (a lock wait)
            // does not run on without anyone waiting for it.
            let milliseconds = deadline.components.seconds * 1000 + 1000
            configuration.coreConfiguration.options.additionalStartupParameters.append(
                ("statement_timeout", "\(milliseconds)"))
        }
        let wait = deadline.map { TimeAmount.milliseconds(Int64($0.components.seconds * 1000)) } ?? .seconds(30)
        let perLoop = 4
        gauge = PoolGauge(
            capacity: perLoop * MultiThreadedEventLoopGroup.singleton.makeIterator().reduce(0) { n, _ in n + 1 })
        pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration), maxConnectionsPerEventLoop: perLoop,
            requestTimeout: wait, pruneInterval: nil, logger: logger, on: MultiThreadedEventLoopGroup.singleton)
    }

    func withConnection<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    {
        let asked = ContinuousClock.now
        let connection = try await pool.requestConnection().get()
        gauge.acquired(after: ContinuousClock.now - asked)
        defer {
            pool.releaseConnection(connection)
            gauge.released()
        }
        guard let deadline else {
            return try await body(
                PositionalDatabase(base: connection.sql(queryLogLevel: nil), read: connection.positionalRows))
        }
        let gauge = gauge
        return try await answering(by: deadline) {
            gauge.deadlineExceeded()
            try? await connection.close().get()
        } _: {
            try await body(
                PositionalDatabase(base: connection.sql(queryLogLevel: nil), read: connection.positionalRows))
        }
    }

    func withUnboundedConnection<T: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        let connection = try await pool.requestConnection().get()
        gauge.acquired(after: .zero)
        defer {
            pool.releaseConnection(connection)
            gauge.released()
        }
        let db = PositionalDatabase(base: connection.sql(queryLogLevel: nil), read: connection.positionalRows)
        // The server-side statement timeout too (set per connection at start; RESET goes back to it).
        try await db.raw("SET statement_timeout = 0").run()
        do {
            let result = try await body(db)
            try await db.raw("RESET statement_timeout").run()
            return result
        } catch {
            try? await db.raw("RESET statement_timeout").run()
            throw error
        }
    }

    func shutdown() async {
        try? await pool.shutdownAsync()
    }
}

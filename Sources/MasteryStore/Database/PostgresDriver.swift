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

    init(url: String, logger: Logger) throws {
        let configuration = try SQLPostgresConfiguration(url: url)
        pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration), maxConnectionsPerEventLoop: 4,
            requestTimeout: .seconds(30), pruneInterval: nil, logger: logger, on: MultiThreadedEventLoopGroup.singleton)
    }

    func withConnection<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = try await pool.requestConnection().get()
        defer { pool.releaseConnection(connection) }
        return try await body(connection.sql(queryLogLevel: nil))
    }

    func shutdown() async {
        try? await pool.shutdownAsync()
    }
}

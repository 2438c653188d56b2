import AsyncKit
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO

/// SQLite through a small connection pool: a file in WAL mode with foreign keys on and a busy timeout, so
/// readers never block the writer and writers wait their turn instead of failing.
/// The pool guards its own state with a lock, but AsyncKit does not mark it `Sendable`.
final class SQLiteDriver: SQLDriver, @unchecked Sendable {
    let flavor = SQLFlavor.sqlite
    private let pool: EventLoopGroupConnectionPool<TunedSQLiteSource>

    init(path: String, logger: Logger) {
        let source = TunedSQLiteSource(
            base: SQLiteConnectionSource(configuration: .init(storage: .file(path: path), enableForeignKeys: true)))
        pool = EventLoopGroupConnectionPool(
            source: source, maxConnectionsPerEventLoop: 2, requestTimeout: .seconds(30), pruneInterval: nil,
            logger: logger, on: MultiThreadedEventLoopGroup.singleton)
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

/// Opens SQLite connections with the pragmas every connection needs.
struct TunedSQLiteSource: ConnectionPoolSource {
    let base: SQLiteConnectionSource

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        base.makeConnection(logger: logger, on: eventLoop).flatMap { connection in
            connection.query("PRAGMA journal_mode = WAL")
                .flatMap { _ in connection.query("PRAGMA busy_timeout = 10000") }
                .flatMap { _ in connection.query("PRAGMA synchronous = NORMAL") }
                .map { _ in connection }
        }
    }
}

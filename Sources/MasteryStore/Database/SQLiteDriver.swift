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
    private let threads: NIOThreadPool
    let gauge: PoolGauge

    init(path: String, logger: Logger) {
        // SQLite calls block a thread (a writer waiting for the file lock sleeps in its busy handler), so the
        // store has its own pool, larger than the connection pool: a waiting writer never holds up the
        // thread the lock holder needs to finish.
        threads = NIOThreadPool(numberOfThreads: 8)
        threads.start()
        let source = TunedSQLiteSource(
            base: SQLiteConnectionSource(
                configuration: .init(storage: .file(path: path), enableForeignKeys: true), threadPool: threads))
        let perLoop = 2
        gauge = PoolGauge(
            capacity: perLoop * MultiThreadedEventLoopGroup.singleton.makeIterator().reduce(0) { n, _ in n + 1 })
        pool = EventLoopGroupConnectionPool(
            source: source, maxConnectionsPerEventLoop: perLoop, requestTimeout: .seconds(30), pruneInterval: nil,
            logger: logger, on: MultiThreadedEventLoopGroup.singleton)
    }

    /// SQLite has one writer at a time: write transactions queue here, in the process, instead of holding pool
    /// connections while they wait for the file lock (which would starve readers).
    private let writers = WriteGate()

    func withTransaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    {
        await writers.enter()
        do {
            let result = try await transaction(body)
            await writers.leave()
            return result
        } catch {
            await writers.leave()
            throw error
        }
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
        return try await body(
            PositionalDatabase(base: connection.sql(queryLogLevel: nil), read: connection.positionalRows))
    }

    func shutdown() async {
        try? await pool.shutdownAsync()
        try? await threads.shutdownGracefully()
    }
}

/// Opens SQLite connections with the pragmas every connection needs.
struct TunedSQLiteSource: ConnectionPoolSource {
    let base: SQLiteConnectionSource

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        base.makeConnection(logger: logger, on: eventLoop).flatMap { connection in
            connection.query("PRAGMA journal_mode = WAL")
                .flatMap { _ in connection.query("PRAGMA busy_timeout = 60000") }
                .flatMap { _ in connection.query("PRAGMA synchronous = NORMAL") }
                .map { _ in connection }
        }
    }
}

/// A first-come, first-served gate that lets one task through at a time.
actor WriteGate {
    private var occupied = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        if !occupied {
            occupied = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            occupied = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

import Logging
import NIOCore
import SQLKit

/// A pooled connection's SQLKit database that can also hand a query's rows by position (`plainRows`), which
/// SQLKit's rows do not allow: `read` runs on the driver's own connection. Everything else goes to `base`.
struct PositionalDatabase: SQLDatabase {
    let base: any SQLDatabase
    let read:
        @Sendable (_ sql: String, _ binds: [any Encodable & Sendable], _ columns: [(name: String, kind: PlainKind)])
            async throws -> [[PlainValue]]

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(
        sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void
    )
        -> EventLoopFuture<Void>
    {
        base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await base.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }
}

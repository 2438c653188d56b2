import SQLKit

/// One numbered step of the schema. Each migration lives in its own file, named verb-first after what it
/// does, and is never edited once released: a change to the schema is a new migration.
protocol Migration: Sendable {
    var number: Int { get }
    var name: String { get }
    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws
}

/// Column types that differ between SQLite and PostgreSQL.
struct ColumnTypes {
    let flavor: SQLFlavor
    /// A 64-bit integer key assigned by the database in insertion order.
    var serialKey: String {
        flavor == .sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
    }
    let double = "DOUBLE PRECISION"
    let bigint = "BIGINT"
    var bool: String { flavor == .sqlite ? "INTEGER" : "BOOLEAN" }
    var blob: String { flavor == .sqlite ? "BLOB" : "BYTEA" }
}

extension SQLDatabase {
    /// Runs each statement in turn.
    func execute(_ statements: [String]) async throws {
        for statement in statements { try await raw(SQLQueryString(statement)).run() }
    }
}

import SQLKit

/// One value of a row read by position (`SQLDatabase.plainRows`).
enum PlainValue: Sendable, Equatable {
    case null
    case text(String)
    case real(Double)
    case integer(Int)
    case bool(Bool)

    var string: String? {
        switch self {
        case .text(let text): text
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: nil
        }
    }

    var double: Double? {
        switch self {
        case .real(let number): number
        case .integer(let number): Double(number)
        case .text(let text): Double(text)
        case .bool, .null: nil
        }
    }

    var int: Int? {
        switch self {
        case .integer(let number): number
        case .real(let number): Int(exactly: number)
        case .text(let text): Int(text)
        case .bool(let flag): flag ? 1 : 0
        case .null: nil
        }
    }

    /// SQLite keeps booleans as 0 and 1; PostgreSQL as booleans.
    var bool: Bool? {
        switch self {
        case .bool(let flag): flag
        case .integer(let number): number != 0
        case .real(let number): number != 0
        case .text(let text): text == "t" || text == "true" || text == "1"
        case .null: nil
        }
    }
}

/// What a column of a plain query holds.
enum PlainKind: Sendable {
    case text, real, integer, bool
}

extension SQLDatabase {
    /// The rows of one SELECT with their values by position, for the few queries that read thousands of rows per
    /// page (a gradebook's mastery records). SQLKit's rows decode every value by column name through `Decoder`
    /// machinery (and on PostgreSQL each row first builds its own name index): about half a microsecond per
    /// value. Here the driver's own rows are read in order. `columns` names the SELECT's columns, in order,
    /// with what they hold.
    func plainRows(_ query: SQLQueryString, columns: [(name: String, kind: PlainKind)]) async throws -> [[PlainValue]] {
        if let positional = self as? PositionalDatabase {
            var serializer = SQLSerializer(database: self)
            query.serialize(to: &serializer)
            return try await positional.read(serializer.sql, serializer.binds, columns)
        }
        // Any other database (none today): SQLKit's rows, by name.
        return try await raw(query).all().map { row in
            try columns.map { column -> PlainValue in
                if try row.decodeNil(column: column.name) { return .null }
                switch column.kind {
                case .text: return .text(try row.decode(column: column.name, as: String.self))
                case .real: return .real(try row.decode(column: column.name, as: Double.self))
                case .integer: return .integer(try row.decode(column: column.name, as: Int.self))
                case .bool: return .bool(try row.bool(column.name))
                }
            }
        }
    }
}

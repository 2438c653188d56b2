import SQLKit
import SQLiteNIO

/// A query's rows by position, straight from SQLiteNIO (`PositionalDatabase`).
extension SQLiteConnection {
    @Sendable func positionalRows(
        _ sql: String, binds: [any Encodable & Sendable], columns: [(name: String, kind: PlainKind)]
    ) async throws -> [[PlainValue]] {
        let values = try binds.map { bind -> SQLiteData in
            switch bind {
            case let text as String: return .text(text)
            case let number as Int: return .integer(number)
            case let number as Double: return .float(number)
            default: throw StoreError.invalid("a plain query binds text and numbers only, not \(type(of: bind))")
            }
        }
        return try await query(sql, values).map { row in
            let cells = row.columns
            guard cells.count == columns.count else {
                throw StoreError.invalid("a plain query returned \(cells.count) columns, not \(columns.count)")
            }
            return zip(cells, columns).map { cell, column -> PlainValue in
                switch (cell.data, column.kind) {
                case (.null, _), (.blob, _): .null
                case (.integer(let number), .bool): .bool(number != 0)
                case (.integer(let number), .real): .real(Double(number))
                case (.integer(let number), _): .integer(number)
                case (.float(let number), _): .real(number)
                case (.text(let text), _): .text(text)
                }
            }
        }
    }
}

import PostgresKit

/// A query's rows by position, straight from PostgresNIO's cells (`PositionalDatabase`).
extension PostgresConnection {
    @Sendable func positionalRows(
        _ sql: String, binds: [any Encodable & Sendable], columns: [(name: String, kind: PlainKind)]
    ) async throws -> [[PlainValue]] {
        var bindings = PostgresBindings(capacity: binds.count)
        for bind in binds {
            switch bind {
            case let text as String: bindings.append(text)
            case let number as Int: bindings.append(number)
            case let number as Double: bindings.append(number)
            default: throw StoreError.invalid("a plain query binds text and numbers only, not \(type(of: bind))")
            }
        }
        let result = try await query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).get()
        return try result.rows.map { row in
            guard row.count == columns.count else {
                throw StoreError.invalid("a plain query returned \(row.count) columns, not \(columns.count)")
            }
            return try zip(row, columns).map { cell, column -> PlainValue in
                guard cell.bytes != nil else { return .null }
                switch column.kind {
                case .text: return .text(try cell.decode(String.self))
                case .real: return .real(try cell.decode(Double.self))
                case .integer: return .integer(try cell.decode(Int.self))
                case .bool: return .bool(try cell.decode(Bool.self))
                }
            }
        }
    }
}

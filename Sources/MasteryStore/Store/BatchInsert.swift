import SQLKit

typealias SQLValue = any Encodable & Sendable

extension SQLDatabase {
    /// Inserts rows in batches of multi-row INSERTs (well under both databases' limits on bound values).
    func insertRows(_ table: String, columns: [String], rows: [[SQLValue]]) async throws {
        guard !rows.isEmpty else { return }
        let batchSize = max(1, 4_000 / max(columns.count, 1))
        var start = 0
        while start < rows.count {
            let end = min(start + batchSize, rows.count)
            var builder = insert(into: table).columns(columns)
            for row in rows[start..<end] { builder = builder.values(row) }
            try await builder.run()
            start = end
        }
    }
}

extension Array {
    /// The array in consecutive slices of at most `size` (for `IN (…)` lists within the bound-value limits).
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

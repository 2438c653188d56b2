import SQLKit

/// When each person signed in last, and the time before: a family's home says what changed since their last
/// visit (`Store.previousVisit`).
struct AddVisits: Migration {
    let number = 36
    let name = "AddVisits"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute([
            "ALTER TABLE people ADD COLUMN last_visit_at \(ColumnTypes(flavor: flavor).double)",
            "ALTER TABLE people ADD COLUMN previous_visit_at \(ColumnTypes(flavor: flavor).double)",
        ])
    }
}

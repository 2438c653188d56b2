import SQLKit

/// When the source last changed each rostered record Masterly applied (OneRoster `dateLastModified`), so a
/// delivery that arrives out of order cannot put an older version back.
struct CreateRosterVersions: Migration {
    let number = 19
    let name = "CreateRosterVersions"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE roster_versions (
                kind TEXT NOT NULL, sourced_id TEXT NOT NULL, modified_at \(types.double) NOT NULL,
                PRIMARY KEY (kind, sourced_id))
            """
        ])
    }
}

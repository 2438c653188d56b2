import SQLKit

/// Flexible groupings a teacher saved for a date.
struct CreateGroupings: Migration {
    let number = 16
    let name = "CreateGroupings"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE groupings (
                id TEXT PRIMARY KEY, section_id TEXT NOT NULL REFERENCES sections(id), day TEXT NOT NULL,
                competencies_json TEXT NOT NULL, placements_json TEXT NOT NULL, created_by TEXT NOT NULL,
                created_at \(types.double) NOT NULL)
            """,
            "CREATE INDEX groupings_section ON groupings (section_id, day)",
        ])
    }
}

import SQLKit

/// What rostering imports (OneRoster) need: academic sessions by their `sourcedId`, enrolment `sourcedId`s,
/// and people who are deactivated (removed by the roster) but keep their evidence.
struct CreateRosterImport: Migration {
    let number = 11
    let name = "CreateRosterImport"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute([
            "ALTER TABLE people ADD COLUMN active INTEGER NOT NULL DEFAULT 1",
            "ALTER TABLE enrollments ADD COLUMN sourced_id TEXT",
            "CREATE UNIQUE INDEX enrollments_sourced_id ON enrollments (sourced_id)",
            """
            CREATE TABLE academic_sessions (
                sourced_id TEXT PRIMARY KEY, title TEXT NOT NULL, type TEXT NOT NULL, start_date TEXT NOT NULL,
                end_date TEXT NOT NULL, parent_sourced_id TEXT, school_year TEXT NOT NULL)
            """,
        ])
    }
}

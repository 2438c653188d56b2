import SQLKit

/// Flex-mod days (sessions, proposed and adjusted placements, published or not) and session attendance.
struct CreateFlexDays: Migration {
    let number = 17
    let name = "CreateFlexDays"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE flex_days (
                id TEXT PRIMARY KEY, school_id TEXT NOT NULL REFERENCES organizations(id), day TEXT NOT NULL,
                status TEXT NOT NULL, day_json TEXT NOT NULL, updated_at \(types.double) NOT NULL)
            """,
            "CREATE INDEX flex_days_school ON flex_days (school_id, day)",
            """
            CREATE TABLE flex_attendance (
                day_id TEXT NOT NULL REFERENCES flex_days(id), session_id TEXT NOT NULL,
                student_id TEXT NOT NULL REFERENCES people(id), present INTEGER NOT NULL, marked_by TEXT NOT NULL,
                marked_at \(types.double) NOT NULL, PRIMARY KEY (day_id, session_id, student_id))
            """,
        ])
    }
}

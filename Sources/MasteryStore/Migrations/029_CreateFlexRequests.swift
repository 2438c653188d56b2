import SQLKit

/// Teachers' requests for students in a flex day's sessions, and students' ranked choices: rows of their own,
/// so teachers and students writing at once never overwrite each other or the coordinator's day.
struct CreateFlexRequests: Migration {
    let number = 29
    let name = "CreateFlexRequests"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE flex_requests (
                id TEXT PRIMARY KEY, day_id TEXT NOT NULL REFERENCES flex_days(id), session_id TEXT NOT NULL,
                teacher_id TEXT NOT NULL REFERENCES people(id), student_ids TEXT NOT NULL, required INTEGER NOT NULL,
                priority INTEGER NOT NULL, reason TEXT NOT NULL, created_at \(types.double) NOT NULL,
                withdrawn_at \(types.double))
            """,
            "CREATE INDEX flex_requests_day ON flex_requests (day_id)",
            """
            CREATE TABLE flex_choices (
                day_id TEXT NOT NULL REFERENCES flex_days(id), student_id TEXT NOT NULL REFERENCES people(id),
                session_ids TEXT NOT NULL, chosen_at \(types.double) NOT NULL, PRIMARY KEY (day_id, student_id))
            """,
        ])
    }
}

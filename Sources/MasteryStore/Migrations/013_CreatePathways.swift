import SQLKit

/// Pathways through a course, playlists of learning activities, each student's progress on them, and
/// playlists a teacher assigned.
struct CreatePathways: Migration {
    let number = 13
    let name = "CreatePathways"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE pathways (
                id TEXT PRIMARY KEY, course_id TEXT NOT NULL REFERENCES courses(id), title TEXT NOT NULL,
                pacing TEXT NOT NULL, steps_json TEXT NOT NULL)
            """,
            "CREATE INDEX pathways_course ON pathways (course_id)",
            """
            CREATE TABLE playlists (
                id TEXT PRIMARY KEY, title TEXT NOT NULL, items_json TEXT NOT NULL, assessment_choice INTEGER NOT NULL)
            """,
            """
            CREATE TABLE playlist_competencies (
                playlist_id TEXT NOT NULL REFERENCES playlists(id), competency_id TEXT NOT NULL REFERENCES competencies(id),
                position INTEGER NOT NULL, PRIMARY KEY (playlist_id, competency_id))
            """,
            "CREATE INDEX playlist_competencies_competency ON playlist_competencies (competency_id)",
            """
            CREATE TABLE item_progress (
                student_id TEXT NOT NULL REFERENCES people(id), item_id TEXT NOT NULL,
                playlist_id TEXT NOT NULL REFERENCES playlists(id), status TEXT NOT NULL, score \(types.double), choice TEXT,
                updated_at \(types.double) NOT NULL, updated_by TEXT NOT NULL, PRIMARY KEY (student_id, item_id))
            """,
            "CREATE INDEX item_progress_playlist ON item_progress (playlist_id, status)",
            """
            CREATE TABLE playlist_assignments (
                playlist_id TEXT NOT NULL REFERENCES playlists(id), student_id TEXT NOT NULL REFERENCES people(id),
                assigned_by TEXT NOT NULL, assigned_at \(types.double) NOT NULL, PRIMARY KEY (playlist_id, student_id))
            """,
        ])
    }
}

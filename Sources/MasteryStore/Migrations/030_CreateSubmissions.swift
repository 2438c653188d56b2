import SQLKit

/// Teachers' own playlists (who made them, the sections they are offered to, retired ones kept), and work
/// students hand in: every version, its files (bytes in the database, on both engines) and the teacher's reviews.
struct CreateSubmissions: Migration {
    let number = 30
    let name = "CreateSubmissions"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            "ALTER TABLE playlists ADD COLUMN author_id TEXT",
            "ALTER TABLE playlists ADD COLUMN section_ids TEXT NOT NULL DEFAULT '[]'",
            "ALTER TABLE playlists ADD COLUMN retired INTEGER NOT NULL DEFAULT 0",
            """
            CREATE TABLE submissions (
                id TEXT PRIMARY KEY, student_id TEXT NOT NULL REFERENCES people(id),
                playlist_id TEXT NOT NULL REFERENCES playlists(id), item_id TEXT NOT NULL, version INTEGER NOT NULL,
                body TEXT NOT NULL, links TEXT NOT NULL, submitted_at \(types.double) NOT NULL,
                submitted_by TEXT NOT NULL, UNIQUE (student_id, item_id, version))
            """,
            "CREATE INDEX submissions_item ON submissions (item_id, student_id)",
            """
            CREATE TABLE submission_files (
                id TEXT PRIMARY KEY, submission_id TEXT NOT NULL REFERENCES submissions(id), position INTEGER NOT NULL,
                name TEXT NOT NULL, file_type TEXT NOT NULL, size INTEGER NOT NULL, data \(types.blob) NOT NULL)
            """,
            "CREATE INDEX submission_files_submission ON submission_files (submission_id)",
            """
            CREATE TABLE submission_reviews (
                id \(types.serialKey), submission_id TEXT NOT NULL REFERENCES submissions(id), scores TEXT NOT NULL,
                feedback TEXT NOT NULL, reviewed_by TEXT NOT NULL, reviewed_at \(types.double) NOT NULL)
            """,
            "CREATE INDEX submission_reviews_submission ON submission_reviews (submission_id)",
        ])
    }
}

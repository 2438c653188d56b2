import SQLKit

/// The teacher's comment on a student's report card for a section and period (append-only: the newest stands).
struct CreateReportComments: Migration {
    let number = 39
    let name = "CreateReportComments"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE report_comments (
                sequence \(types.serialKey), section_id TEXT NOT NULL REFERENCES sections(id),
                student_id TEXT NOT NULL REFERENCES people(id), period_id TEXT NOT NULL, text TEXT NOT NULL,
                written_by TEXT NOT NULL REFERENCES people(id), written_at \(types.double) NOT NULL)
            """,
            "CREATE INDEX report_comments_section ON report_comments (section_id, period_id, sequence)",
        ])
    }
}

import SQLKit

/// Grading periods made by hand (imported ones are OneRoster academic sessions), grade rules, teachers' overrides
/// (append-only: the newest wins) and the grades frozen when a section's period is closed.
struct CreateGrades: Migration {
    let number = 37
    let name = "CreateGrades"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE grading_periods (
                id TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL, starts_on TEXT NOT NULL,
                ends_on TEXT NOT NULL, created_by TEXT NOT NULL REFERENCES people(id), created_at \(types.double) NOT NULL)
            """,
            """
            CREATE TABLE grade_rules (
                sequence \(types.serialKey), course_id TEXT REFERENCES courses(id), rule TEXT NOT NULL,
                saved_at \(types.double) NOT NULL, saved_by TEXT NOT NULL REFERENCES people(id))
            """,
            "CREATE INDEX grade_rules_course ON grade_rules (course_id, sequence)",
            """
            CREATE TABLE grade_overrides (
                sequence \(types.serialKey), section_id TEXT NOT NULL REFERENCES sections(id),
                student_id TEXT NOT NULL REFERENCES people(id), period_id TEXT NOT NULL, grade TEXT,
                reason TEXT NOT NULL, recorded_at \(types.double) NOT NULL,
                recorded_by TEXT NOT NULL REFERENCES people(id))
            """,
            "CREATE INDEX grade_overrides_section ON grade_overrides (section_id, period_id, sequence)",
            """
            CREATE TABLE period_closures (
                period_id TEXT NOT NULL, section_id TEXT NOT NULL REFERENCES sections(id),
                closed_at \(types.double) NOT NULL, closed_by TEXT NOT NULL REFERENCES people(id), rule TEXT NOT NULL,
                PRIMARY KEY (period_id, section_id))
            """,
            """
            CREATE TABLE period_grades (
                period_id TEXT NOT NULL, section_id TEXT NOT NULL, student_id TEXT NOT NULL REFERENCES people(id),
                frozen TEXT NOT NULL, PRIMARY KEY (period_id, section_id, student_id))
            """,
        ])
    }
}

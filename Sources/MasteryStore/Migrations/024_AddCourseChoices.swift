import SQLKit

/// What a course assesses, finer than whole frameworks: the strands it keeps of a framework (none listed: all
/// of them), and whether a school lets the teachers of a course choose its frameworks.
struct AddCourseChoices: Migration {
    let number = 24
    let name = "AddCourseChoices"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute([
            """
            CREATE TABLE course_strands (
                course_id TEXT NOT NULL REFERENCES courses(id), strand_id TEXT NOT NULL,
                PRIMARY KEY (course_id, strand_id))
            """,
            "ALTER TABLE organizations ADD COLUMN teachers_choose_frameworks INTEGER NOT NULL DEFAULT 0",
        ])
    }
}

import SQLKit

struct CreateCoursesAndSections: Migration {
    let number = 3
    let name = "CreateCoursesAndSections"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute([
            """
            CREATE TABLE courses (
                id TEXT PRIMARY KEY, school_id TEXT NOT NULL REFERENCES organizations(id), code TEXT NOT NULL,
                title TEXT NOT NULL, sourced_id TEXT UNIQUE)
            """,
            """
            CREATE TABLE course_frameworks (
                course_id TEXT NOT NULL REFERENCES courses(id), framework_id TEXT NOT NULL REFERENCES frameworks(id),
                position INTEGER NOT NULL, PRIMARY KEY (course_id, framework_id))
            """,
            """
            CREATE TABLE sections (
                id TEXT PRIMARY KEY, course_id TEXT NOT NULL REFERENCES courses(id),
                school_id TEXT NOT NULL REFERENCES organizations(id), name TEXT NOT NULL, term TEXT NOT NULL,
                policy_json TEXT, sourced_id TEXT UNIQUE)
            """,
            """
            CREATE TABLE enrollments (
                section_id TEXT NOT NULL REFERENCES sections(id), person_id TEXT NOT NULL REFERENCES people(id),
                role TEXT NOT NULL, PRIMARY KEY (section_id, person_id))
            """,
            "CREATE INDEX enrollments_person ON enrollments (person_id, role)",
        ])
    }
}

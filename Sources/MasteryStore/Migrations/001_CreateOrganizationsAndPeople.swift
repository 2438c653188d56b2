import SQLKit

struct CreateOrganizationsAndPeople: Migration {
    let number = 1
    let name = "CreateOrganizationsAndPeople"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute([
            """
            CREATE TABLE organizations (
                id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
                parent_id TEXT REFERENCES organizations(id), sourced_id TEXT UNIQUE)
            """,
            """
            CREATE TABLE people (
                id TEXT PRIMARY KEY, role TEXT NOT NULL, given_name TEXT NOT NULL, family_name TEXT NOT NULL,
                username TEXT UNIQUE, organization_id TEXT NOT NULL REFERENCES organizations(id),
                grade_level TEXT, sourced_id TEXT UNIQUE)
            """,
            "CREATE INDEX people_organization ON people (organization_id, role)",
            """
            CREATE TABLE credentials (
                person_id TEXT PRIMARY KEY REFERENCES people(id), password_hash TEXT NOT NULL)
            """,
            """
            CREATE TABLE guardian_links (
                guardian_id TEXT NOT NULL REFERENCES people(id), student_id TEXT NOT NULL REFERENCES people(id),
                PRIMARY KEY (guardian_id, student_id))
            """,
            "CREATE INDEX guardian_links_student ON guardian_links (student_id)",
        ])
    }
}

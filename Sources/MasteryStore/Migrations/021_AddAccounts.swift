import SQLKit

/// What a school needs to run its own accounts: a person's email (matching single sign-on identities) and last
/// sign-in, and one-time invitations to set a password (only the SHA-256 of the link's secret is kept).
struct AddAccounts: Migration {
    let number = 21
    let name = "AddAccounts"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            "ALTER TABLE people ADD COLUMN email TEXT",
            "ALTER TABLE people ADD COLUMN last_sign_in_at \(types.double)",
            "CREATE INDEX people_email ON people (email)",
            """
            CREATE TABLE invitations (
                token_hash TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES people(id),
                created_by TEXT NOT NULL, created_at \(types.double) NOT NULL, expires_at \(types.double) NOT NULL,
                used_at \(types.double))
            """,
            "CREATE INDEX invitations_person ON invitations (person_id)",
        ])
    }
}

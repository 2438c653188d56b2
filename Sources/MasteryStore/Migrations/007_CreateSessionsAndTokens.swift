import SQLKit

/// Server-side login sessions and API tokens, kept in the database so any number of app servers share them.
/// Only SHA-256 hashes of the secrets are stored.
struct CreateSessionsAndTokens: Migration {
    let number = 7
    let name = "CreateSessionsAndTokens"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES people(id),
                created_at \(types.double) NOT NULL, expires_at \(types.double) NOT NULL)
            """,
            "CREATE INDEX sessions_person ON sessions (person_id)",
            """
            CREATE TABLE api_tokens (
                token_hash TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES people(id),
                created_at \(types.double) NOT NULL, expires_at \(types.double) NOT NULL)
            """,
        ])
    }
}

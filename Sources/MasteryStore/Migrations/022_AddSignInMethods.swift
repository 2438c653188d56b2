import SQLKit

/// Ways to sign in besides a password: single sign-on attempts in flight (the `state` of an OpenID Connect
/// authorization request, hashed, with its nonce and PKCE verifier, used once) and sign-in cards for young
/// students (a QR code per student; only the SHA-256 of the card's secret is kept, and a teacher can revoke it).
struct AddSignInMethods: Migration {
    let number = 22
    let name = "AddSignInMethods"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE sso_attempts (
                state_hash TEXT PRIMARY KEY, provider TEXT NOT NULL, nonce TEXT NOT NULL, verifier TEXT NOT NULL,
                created_at \(types.double) NOT NULL, expires_at \(types.double) NOT NULL)
            """,
            """
            CREATE TABLE sign_in_cards (
                token_hash TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES people(id),
                section_id TEXT NOT NULL, created_by TEXT NOT NULL, created_at \(types.double) NOT NULL,
                revoked_at \(types.double))
            """,
            "CREATE INDEX sign_in_cards_person ON sign_in_cards (person_id)",
        ])
    }
}

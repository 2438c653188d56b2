import SQLKit

/// Failed sign-ins per account and per address, kept in the database so every app server throttles alike.
struct CreateSignInFailures: Migration {
    let number = 20
    let name = "CreateSignInFailures"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE sign_in_failures (
                throttle_key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_failure_at \(types.double) NOT NULL,
                locked_until \(types.double) NOT NULL)
            """
        ])
    }
}

import SQLKit

/// Files checked on the import page and waiting for the administrator to confirm, in the database so that any
/// app server can confirm a check made on another (no sticky sessions). Only the SHA-256 of the token is kept.
struct CreatePendingUploads: Migration {
    let number = 25
    let name = "CreatePendingUploads"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE pending_uploads (
                token_hash TEXT PRIMARY KEY, kind TEXT NOT NULL, file_name TEXT NOT NULL, data_base64 TEXT NOT NULL,
                owner_id TEXT NOT NULL, stored_at \(types.double) NOT NULL)
            """
        ])
    }
}

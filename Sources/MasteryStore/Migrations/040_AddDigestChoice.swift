import SQLKit

/// Whether a person turned the weekly email off (it is on for those with an email until they do).
struct AddDigestChoice: Migration {
    let number = 40
    let name = "AddDigestChoice"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute([
            "ALTER TABLE people ADD COLUMN digest_off \(ColumnTypes(flavor: flavor).bool) NOT NULL DEFAULT \(flavor == .sqlite ? "0" : "FALSE")"
        ])
    }
}

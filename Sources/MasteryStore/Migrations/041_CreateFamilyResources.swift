import SQLKit

/// A school's (or the district's) own words for families, per language.
struct CreateFamilyResources: Migration {
    let number = 41
    let name = "CreateFamilyResources"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute([
            """
            CREATE TABLE family_resources (
                organization_id TEXT NOT NULL REFERENCES organizations(id), language TEXT NOT NULL,
                body TEXT NOT NULL, updated_by TEXT NOT NULL REFERENCES people(id),
                updated_at \(ColumnTypes(flavor: flavor).double) NOT NULL, PRIMARY KEY (organization_id, language))
            """
        ])
    }
}

import SQLKit

/// When a section's term ends (ISO date, the latest end of its academic sessions, or set by hand): after it,
/// the section is a read-only archive that still opens.
struct AddSectionEnds: Migration {
    let number = 23
    let name = "AddSectionEnds"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute(["ALTER TABLE sections ADD COLUMN ends_on TEXT"])
    }
}

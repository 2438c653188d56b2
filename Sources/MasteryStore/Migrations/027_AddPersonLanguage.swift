import SQLKit

/// The language a person chose for their pages (a catalogue's code, "es"); empty until they choose.
struct AddPersonLanguage: Migration {
    let number = 27
    let name = "AddPersonLanguage"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute(["ALTER TABLE people ADD COLUMN language TEXT"])
    }
}

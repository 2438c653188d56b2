import SQLKit

/// Each person's own change version: evidence about a student moves it in the same transaction, so a cached
/// gradebook reads again only the records of the students whose version moved (`Store.studentVersions`).
struct AddStudentVersions: Migration {
    let number = 35
    let name = "AddStudentVersions"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute(["ALTER TABLE people ADD COLUMN version BIGINT NOT NULL DEFAULT 0"])
    }
}

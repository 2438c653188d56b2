import SQLKit

/// How many steps a teacher has opened by hand on a teacher-paced pathway.
struct AddPathwayOpenedSteps: Migration {
    let number = 32
    let name = "AddPathwayOpenedSteps"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute(["ALTER TABLE pathways ADD COLUMN opened_steps INTEGER NOT NULL DEFAULT 0"])
    }
}

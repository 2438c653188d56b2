import SQLKit

/// Change versions that scale with a district: a counter per section, bumped by evidence on its students, and
/// one for everything else (frameworks, rosters, policies…), bumped by every other write — both in the writing
/// transaction (`Store.audit`). A cached gradebook stays valid while neither moves, so a teacher recording in
/// one section no longer empties every other section's cache.
struct AddChangeCounters: Migration {
    let number = 26
    let name = "AddChangeCounters"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute([
            "ALTER TABLE sections ADD COLUMN version BIGINT NOT NULL DEFAULT 0",
            "CREATE TABLE change_counter (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)",
            "INSERT INTO change_counter (id, version) VALUES (1, 0)",
        ])
    }
}

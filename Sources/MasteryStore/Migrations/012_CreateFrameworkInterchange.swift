import SQLKit

/// What framework interchange (CASE, Moodle) needs: each node's source properties for a faithful export,
/// retired nodes (gone from a re-imported source but kept with their evidence), prerequisite edges between
/// competencies, and the other typed links a source carries.
struct CreateFrameworkInterchange: Migration {
    let number = 12
    let name = "CreateFrameworkInterchange"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute([
            "ALTER TABLE frameworks ADD COLUMN details_json TEXT",
            "ALTER TABLE strands ADD COLUMN details_json TEXT",
            "ALTER TABLE strands ADD COLUMN retired INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE competencies ADD COLUMN details_json TEXT",
            "ALTER TABLE competencies ADD COLUMN retired INTEGER NOT NULL DEFAULT 0",
            """
            CREATE TABLE competency_prerequisites (
                competency_id TEXT NOT NULL REFERENCES competencies(id),
                prerequisite_id TEXT NOT NULL REFERENCES competencies(id),
                PRIMARY KEY (competency_id, prerequisite_id))
            """,
            "CREATE INDEX competency_prerequisites_prerequisite ON competency_prerequisites (prerequisite_id)",
            """
            CREATE TABLE framework_links (
                framework_id TEXT NOT NULL REFERENCES frameworks(id), identifier TEXT NOT NULL, type TEXT NOT NULL,
                origin_key TEXT NOT NULL, destination_key TEXT NOT NULL, sequence INTEGER, details_json TEXT,
                position INTEGER NOT NULL, PRIMARY KEY (framework_id, identifier))
            """,
        ])
    }
}

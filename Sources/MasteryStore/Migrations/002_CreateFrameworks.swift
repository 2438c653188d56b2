import SQLKit

struct CreateFrameworks: Migration {
    let number = 2
    let name = "CreateFrameworks"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE scales (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, mastery_threshold \(types.double) NOT NULL,
                levels_json TEXT NOT NULL)
            """,
            """
            CREATE TABLE frameworks (
                id TEXT PRIMARY KEY, code TEXT NOT NULL, title TEXT NOT NULL,
                scale_id TEXT NOT NULL REFERENCES scales(id), policy_json TEXT NOT NULL, rollup_json TEXT NOT NULL,
                source_identifier TEXT UNIQUE)
            """,
            """
            CREATE TABLE strands (
                id TEXT PRIMARY KEY, framework_id TEXT NOT NULL REFERENCES frameworks(id), code TEXT NOT NULL,
                title TEXT NOT NULL, position INTEGER NOT NULL, source_identifier TEXT)
            """,
            "CREATE INDEX strands_framework ON strands (framework_id, position)",
            """
            CREATE TABLE competencies (
                id TEXT PRIMARY KEY, framework_id TEXT NOT NULL REFERENCES frameworks(id),
                strand_id TEXT NOT NULL REFERENCES strands(id), parent_id TEXT REFERENCES competencies(id),
                code TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL, position INTEGER NOT NULL,
                source_identifier TEXT)
            """,
            "CREATE INDEX competencies_framework ON competencies (framework_id, position)",
            """
            CREATE TABLE performance_indicators (
                competency_id TEXT NOT NULL REFERENCES competencies(id), level_value \(types.double) NOT NULL,
                text TEXT NOT NULL, PRIMARY KEY (competency_id, level_value))
            """,
        ])
    }
}

import SQLKit

struct CreateTasks: Migration {
    let number = 4
    let name = "CreateTasks"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute([
            """
            CREATE TABLE tasks (
                id TEXT PRIMARY KEY, framework_id TEXT NOT NULL REFERENCES frameworks(id), title TEXT NOT NULL,
                details TEXT NOT NULL)
            """,
            """
            CREATE TABLE rubric_criteria (
                id TEXT PRIMARY KEY, task_id TEXT NOT NULL REFERENCES tasks(id),
                competency_id TEXT NOT NULL REFERENCES competencies(id), title TEXT NOT NULL,
                position INTEGER NOT NULL, descriptors_json TEXT NOT NULL)
            """,
            "CREATE INDEX rubric_criteria_task ON rubric_criteria (task_id, position)",
        ])
    }
}

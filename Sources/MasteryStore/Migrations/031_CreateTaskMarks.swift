import SQLKit

/// Students marked absent for a performance task in a section (so the class list knows who is not waiting), and
/// an index to read a task's evidence for its scoring list.
struct CreateTaskMarks: Migration {
    let number = 31
    let name = "CreateTaskMarks"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE task_marks (
                section_id TEXT NOT NULL REFERENCES sections(id), task_id TEXT NOT NULL REFERENCES tasks(id),
                student_id TEXT NOT NULL REFERENCES people(id), marked_by TEXT NOT NULL,
                marked_at \(types.double) NOT NULL, PRIMARY KEY (section_id, task_id, student_id))
            """,
            "CREATE INDEX evidence_events_task ON evidence_events (task_id, student_id)",
        ])
    }
}

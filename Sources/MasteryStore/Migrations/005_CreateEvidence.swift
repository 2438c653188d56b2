import SQLKit

/// The append-only evidence log. `sequence` is assigned by the database in insertion order.
struct CreateEvidence: Migration {
    let number = 5
    let name = "CreateEvidence"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE evidence_events (
                sequence \(types.serialKey), id TEXT NOT NULL UNIQUE, action TEXT NOT NULL,
                student_id TEXT NOT NULL REFERENCES people(id), competency_id TEXT NOT NULL REFERENCES competencies(id),
                target_id TEXT REFERENCES evidence_events(id), score \(types.double),
                observed_at \(types.double) NOT NULL, recorded_at \(types.double) NOT NULL,
                recorded_by TEXT NOT NULL REFERENCES people(id), source TEXT NOT NULL,
                section_id TEXT REFERENCES sections(id), task_id TEXT REFERENCES tasks(id), criterion_id TEXT,
                comment TEXT, reason TEXT)
            """,
            "CREATE INDEX evidence_events_pair ON evidence_events (student_id, competency_id, sequence)",
        ])
    }
}

import SQLKit

/// Lets `recompute` read the whole log in (student, competency, sequence) order from the index alone,
/// without a lookup into the table for every row.
struct CreateEvidenceCoveringIndex: Migration {
    let number = 9
    let name = "CreateEvidenceCoveringIndex"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute([
            """
            CREATE INDEX evidence_events_recompute ON evidence_events
            (student_id, competency_id, sequence, action, observed_at, score)
            """
        ])
    }
}

import SQLKit

/// Which evidence a review of handed-in work made, so a piece of evidence leads back to the work (a student
/// features the work itself in their conference report).
struct CreateSubmissionEvidence: Migration {
    let number = 33
    let name = "CreateSubmissionEvidence"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute([
            """
            CREATE TABLE submission_evidence (
                submission_id TEXT NOT NULL REFERENCES submissions(id),
                event_id TEXT NOT NULL REFERENCES evidence_events(id), PRIMARY KEY (event_id))
            """,
            "CREATE INDEX submission_evidence_submission ON submission_evidence (submission_id)",
        ])
    }
}

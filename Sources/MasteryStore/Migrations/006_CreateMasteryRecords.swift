import SQLKit

/// The derived mastery cache, one row per student and competency with evidence.
struct CreateMasteryRecords: Migration {
    let number = 6
    let name = "CreateMasteryRecords"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE mastery_records (
                student_id TEXT NOT NULL REFERENCES people(id), competency_id TEXT NOT NULL REFERENCES competencies(id),
                status TEXT NOT NULL, value \(types.double), level_value \(types.double), mastered \(types.bool) NOT NULL,
                evidence_count INTEGER NOT NULL, last_observed_at \(types.double), method TEXT NOT NULL,
                PRIMARY KEY (student_id, competency_id))
            """
        ])
    }
}

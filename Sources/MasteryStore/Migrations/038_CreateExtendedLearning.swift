import SQLKit

/// Extended learning opportunities: the proposal and each step taken on it, its mentors, and the hours logged.
struct CreateExtendedLearning: Migration {
    let number = 38
    let name = "CreateExtendedLearning"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE elos (
                id TEXT PRIMARY KEY, student_id TEXT NOT NULL REFERENCES people(id), title TEXT NOT NULL,
                kind TEXT NOT NULL, description TEXT NOT NULL, competency_ids TEXT NOT NULL,
                planned_hours \(types.double), proposed_by TEXT NOT NULL REFERENCES people(id),
                proposed_at \(types.double) NOT NULL, consent_needed \(types.bool) NOT NULL,
                approved_by TEXT REFERENCES people(id), approved_at \(types.double),
                consent_by TEXT REFERENCES people(id), consent_at \(types.double),
                completed_by TEXT REFERENCES people(id), completed_at \(types.double), credit \(types.double))
            """,
            "CREATE INDEX elos_student ON elos (student_id)",
            """
            CREATE TABLE elo_mentors (
                elo_id TEXT NOT NULL REFERENCES elos(id), mentor_id TEXT NOT NULL REFERENCES people(id),
                PRIMARY KEY (elo_id, mentor_id))
            """,
            "CREATE INDEX elo_mentors_mentor ON elo_mentors (mentor_id)",
            """
            CREATE TABLE elo_hours (
                sequence \(types.serialKey), elo_id TEXT NOT NULL REFERENCES elos(id), hours \(types.double) NOT NULL,
                day TEXT NOT NULL, note TEXT NOT NULL, logged_by TEXT NOT NULL REFERENCES people(id),
                logged_at \(types.double) NOT NULL)
            """,
            "CREATE INDEX elo_hours_elo ON elo_hours (elo_id, sequence)",
        ])
    }
}

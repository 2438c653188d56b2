import SQLKit

/// The student's own records: goals with their notes, reflections, the learner profile (every version
/// kept), personalized learning plans, and the evidence a student features in their conference.
struct CreateLearnerRecords: Migration {
    let number = 14
    let name = "CreateLearnerRecords"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE goals (
                id TEXT PRIMARY KEY, student_id TEXT NOT NULL REFERENCES people(id), title TEXT NOT NULL,
                why TEXT NOT NULL, plan TEXT NOT NULL, competencies_json TEXT NOT NULL,
                target_level \(types.double) NOT NULL, target_date \(types.double), withdrawn INTEGER NOT NULL,
                created_at \(types.double) NOT NULL, created_by TEXT NOT NULL)
            """,
            "CREATE INDEX goals_student ON goals (student_id)",
            """
            CREATE TABLE goal_notes (
                sequence \(types.serialKey), goal_id TEXT NOT NULL REFERENCES goals(id), kind TEXT NOT NULL,
                text TEXT NOT NULL, author_id TEXT NOT NULL, at \(types.double) NOT NULL)
            """,
            "CREATE INDEX goal_notes_goal ON goal_notes (goal_id, sequence)",
            """
            CREATE TABLE reflections (
                id TEXT PRIMARY KEY, student_id TEXT NOT NULL REFERENCES people(id), went_well TEXT NOT NULL,
                try_next TEXT NOT NULL, evidence_id TEXT, goal_id TEXT, competency_id TEXT, visibility TEXT NOT NULL,
                at \(types.double) NOT NULL)
            """,
            "CREATE INDEX reflections_student ON reflections (student_id, at)",
            """
            CREATE TABLE learner_profiles (
                sequence \(types.serialKey), student_id TEXT NOT NULL REFERENCES people(id), profile_json TEXT NOT NULL,
                updated_at \(types.double) NOT NULL, updated_by TEXT NOT NULL)
            """,
            "CREATE INDEX learner_profiles_student ON learner_profiles (student_id, sequence)",
            """
            CREATE TABLE learning_plans (
                id TEXT PRIMARY KEY, student_id TEXT NOT NULL REFERENCES people(id), plan_json TEXT NOT NULL,
                status TEXT NOT NULL, updated_at \(types.double) NOT NULL)
            """,
            "CREATE INDEX learning_plans_student ON learning_plans (student_id)",
            """
            CREATE TABLE conference_picks (
                student_id TEXT NOT NULL REFERENCES people(id), evidence_id TEXT NOT NULL,
                PRIMARY KEY (student_id, evidence_id))
            """,
        ])
    }
}

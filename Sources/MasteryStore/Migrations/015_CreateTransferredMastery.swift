import SQLKit

/// Mastery a student brought from another school (a backpack) on competencies no framework here matches:
/// kept as it was, shown and exported again, never recomputed.
struct CreateTransferredMastery: Migration {
    let number = 15
    let name = "CreateTransferredMastery"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE transferred_mastery (
                sequence \(types.serialKey), student_id TEXT NOT NULL REFERENCES people(id), record_json TEXT NOT NULL,
                imported_at \(types.double) NOT NULL)
            """,
            "CREATE INDEX transferred_mastery_student ON transferred_mastery (student_id, sequence)",
        ])
    }
}

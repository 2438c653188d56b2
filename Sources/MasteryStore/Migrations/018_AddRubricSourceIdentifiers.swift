import SQLKit

/// Tasks and criteria imported from a CASE `CFRubric` keep the source's identifiers, so a re-import updates
/// them in place and an export writes the same identifiers back.
struct AddRubricSourceIdentifiers: Migration {
    let number = 18
    let name = "AddRubricSourceIdentifiers"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute([
            "ALTER TABLE tasks ADD COLUMN source_identifier TEXT",
            "ALTER TABLE rubric_criteria ADD COLUMN source_identifier TEXT",
            "CREATE INDEX tasks_source ON tasks (framework_id, source_identifier)",
        ])
    }
}

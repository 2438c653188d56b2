import SQLKit

/// A task mark says which: absent, or skipped for now (so the class list remembers who the teacher passed over).
struct AddTaskMarkKind: Migration {
    let number = 34
    let name = "AddTaskMarkKind"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        try await db.execute(["ALTER TABLE task_marks ADD COLUMN mark TEXT NOT NULL DEFAULT 'absent'"])
    }
}

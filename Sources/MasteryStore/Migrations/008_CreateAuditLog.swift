import SQLKit

/// Who changed what, when, for which student.
struct CreateAuditLog: Migration {
    let number = 8
    let name = "CreateAuditLog"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute([
            """
            CREATE TABLE audit_log (
                sequence \(types.serialKey), at \(types.double) NOT NULL, actor_id TEXT NOT NULL,
                action TEXT NOT NULL, student_id TEXT, subject TEXT NOT NULL, detail TEXT NOT NULL,
                organization_id TEXT)
            """,
            "CREATE INDEX audit_log_student ON audit_log (student_id, sequence)",
        ])
    }
}

import Foundation
import SQLKit

/// Brings a database's schema up to date by applying, in order, every migration not yet applied.
enum Migrator {
    static let all: [any Migration] = [
        CreateOrganizationsAndPeople(),
        CreateFrameworks(),
        CreateCoursesAndSections(),
        CreateTasks(),
        CreateEvidence(),
        CreateMasteryRecords(),
        CreateSessionsAndTokens(),
        CreateAuditLog(),
        CreateEvidenceCoveringIndex(),
        CreateTracingParameters(),
        CreateRosterImport(),
        CreateFrameworkInterchange(),
        CreatePathways(),
        CreateLearnerRecords(),
        CreateTransferredMastery(),
        CreateGroupings(),
        CreateFlexDays(),
        AddRubricSourceIdentifiers(),
        CreateRosterVersions(),
        CreateSignInFailures(),
        AddAccounts(),
        AddSignInMethods(),
        AddSectionEnds(),
        AddCourseChoices(),
    ]

    /// Applies pending migrations; returns the names of those applied.
    ///
    /// All on one connection, each migration in its own transaction. SQLite keeps a copy of the schema per
    /// connection and SQLiteNIO reads a statement's columns before SQLite notices a newer schema, so a pooled
    /// connection that had read the schema before another one altered a table would answer its next
    /// `SELECT *` with the old columns. With one connection, every other one opens after the last change.
    static func migrate(_ driver: any SQLDriver) async throws -> [String] {
        let flavor = driver.flavor
        return try await driver.withConnection { db in
            try await db.raw(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at DOUBLE PRECISION NOT NULL)
                """
            ).run()
            let applied = try await db.raw("SELECT number FROM schema_migrations").all().map {
                try $0.decode(column: "number", as: Int.self)
            }
            var done: [String] = []
            for migration in all.sorted(by: { $0.number < $1.number }) where !applied.contains(migration.number) {
                do {
                    try await db.raw(flavor == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
                    do {
                        try await migration.prepare(on: db, flavor: flavor)
                        try await db.raw(
                            """
                            INSERT INTO schema_migrations (number, name, applied_at) VALUES \
                            (\(bind: migration.number), \(bind: migration.name), \(bind: Date().timeIntervalSince1970))
                            """
                        ).run()
                        try await db.raw("COMMIT").run()
                    } catch {
                        try? await db.raw("ROLLBACK").run()
                        throw error
                    }
                } catch {
                    throw StoreError.migrationFailed(
                        number: migration.number, name: migration.name, message: "\(error)")
                }
                done.append("\(migration.number) \(migration.name)")
            }
            return done
        }
    }
}

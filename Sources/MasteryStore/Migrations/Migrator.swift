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
        CreatePendingUploads(),
        AddChangeCounters(),
        AddPersonLanguage(),
        AddNotificationsSeen(),
        CreateFlexRequests(),
        CreateSubmissions(),
        CreateTaskMarks(),
        AddPathwayOpenedSteps(),
        CreateSubmissionEvidence(),
        AddTaskMarkKind(),
        AddStudentVersions(),
        AddVisits(),
        CreateGrades(),
        CreateExtendedLearning(),
        CreateReportComments(),
        AddDigestChoice(),
        CreateFamilyResources(),
    ]

    /// Applies pending migrations; returns the names of those applied.
    ///
    /// All on one connection, each migration in its own transaction. SQLite keeps a copy of the schema per
    /// connection and SQLiteNIO reads a statement's columns before SQLite notices a newer schema, so a pooled
    /// connection that had read the schema before another one altered a table would answer its next
    /// `SELECT *` with the old columns. With one connection, every other one opens after the last change.
    ///
    /// Any number of servers may start at once: on PostgreSQL the whole run holds an advisory lock (concurrent
    /// `CREATE TABLE IF NOT EXISTS` can fail there), and each migration checks again, inside its own
    /// transaction, that nobody applied it meanwhile.
    static func migrate(_ driver: any SQLDriver) async throws -> [String] {
        let flavor = driver.flavor
        return try await driver.withUnboundedConnection { db in
            if flavor == .postgres { try await db.raw("SELECT pg_advisory_lock(\(bind: Self.lockKey))").run() }
            do {
                let done = try await run(db, flavor: flavor)
                if flavor == .postgres { try await db.raw("SELECT pg_advisory_unlock(\(bind: Self.lockKey))").run() }
                return done
            } catch {
                if flavor == .postgres {
                    try? await db.raw("SELECT pg_advisory_unlock(\(bind: Self.lockKey))").run()
                }
                throw error
            }
        }
    }

    /// "masterly-migrate" as a 64-bit advisory lock key.
    static let lockKey: Int64 = 0x6D61_7374_6572_6C79

    private static func run(_ db: any SQLDatabase, flavor: SQLFlavor) async throws -> [String] {
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
                    // Another server may have applied it since the list was read.
                    if try await db.raw(
                        "SELECT 1 AS found FROM schema_migrations WHERE number = \(bind: migration.number)"
                    ).first() != nil {
                        try await db.raw("COMMIT").run()
                        continue
                    }
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

    /// How many migrations this build knows that the database has not applied (a server that answers with
    /// more than 0 is not ready).
    static func pending(_ driver: any SQLDriver) async throws -> Int {
        try await driver.withConnection { db in
            let applied = Set(
                try await db.raw("SELECT number FROM schema_migrations").all().map {
                    try $0.decode(column: "number", as: Int.self)
                })
            return all.filter { !applied.contains($0.number) }.count
        }
    }
}

import Foundation
import Logging
import MasteryCore
import SQLKit

/// Masterly's persistence: one SQL implementation over SQLKit that runs on SQLite (the embedded default)
/// and on PostgreSQL (scale-out). Database types never leave this module.
public final class Store: Sendable {
    let driver: any SQLDriver
    public let location: DatabaseLocation

    init(driver: any SQLDriver, location: DatabaseLocation) {
        self.driver = driver
        self.location = location
    }

    /// Opens (and for SQLite, creates) the database. Call `migrate()` before use. With a `deadline`, no
    /// PostgreSQL call may take longer: its connection is closed and replaced, and the call throws
    /// `DatabaseDeadlineExceeded` (a server passes one; long command-line runs do not).
    public static func open(
        _ location: DatabaseLocation, logger: Logger = Logger(label: "masterly.store"), deadline: Duration? = nil
    ) throws
        -> Store
    {
        switch location {
        case .sqlite(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
                throw StoreError.invalidDatabaseURL(path, "the folder \(directory) does not exist")
            }
            return Store(driver: SQLiteDriver(path: path, logger: logger), location: location)
        case .postgres(let url):
            do {
                return Store(
                    driver: try PostgresDriver(url: url, deadline: deadline, logger: logger), location: location)
            } catch {
                throw StoreError.invalidDatabaseURL(location.description, "\(error)")
            }
        }
    }

    public var flavor: SQLFlavor { driver.flavor }

    /// Applies pending migrations and returns their names ("1 CreateOrganizationsAndPeople", …).
    @discardableResult
    /// Migrations this build has that the database lacks (0 when the schema is current).
    public func pendingMigrations() async throws -> Int { try await Migrator.pending(driver) }

    public func migrate() async throws -> [String] { try await Migrator.migrate(driver) }

    /// The numbers of the migrations this build knows.
    public static var migrationCount: Int { Migrator.all.count }

    public func close() async { await driver.shutdown() }

    /// How the connection pool is used right now and since it opened (for `/metrics`).
    public var poolUse: PoolUse { driver.gauge.snapshot }

    /// Removes every row (tests only use it between cases; kept out of the server's reach).
    public func eraseAllData() async throws {
        try await driver.withTransaction { db in
            for table in [
                "audit_log", "api_tokens", "sessions", "sign_in_failures", "invitations", "roster_versions",
                "academic_sessions", "family_resources", "elo_hours", "elo_mentors", "elos", "report_comments",
                "period_grades",
                "period_closures",
                "grade_overrides", "grade_rules",
                "grading_periods",
                "task_marks", "submission_evidence", "submission_reviews", "submission_files", "submissions",
                "playlist_assignments",
                "item_progress",
                "flex_requests", "flex_choices", "flex_attendance", "flex_days", "groupings", "transferred_mastery",
                "conference_picks",
                "learning_plans", "learner_profiles",
                "reflections",
                "goal_notes", "goals",
                "playlist_competencies", "playlists", "pathways", "tracing_parameters", "mastery_records",
                "evidence_events",
                "rubric_criteria", "tasks", "competency_prerequisites", "framework_links",
                "enrollments", "sections", "course_frameworks", "courses", "performance_indicators", "competencies",
                "strands", "frameworks", "scales", "guardian_links", "credentials", "people", "organizations",
            ] {
                try await db.raw("DELETE FROM \(unsafeRaw: table)").run()
            }
        }
    }
}

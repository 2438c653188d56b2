import Crypto
import Foundation
import MasteryCore
import SQLKit

/// Applying a roster from a student information system (OneRoster): records are matched by `sourcedId`;
/// records created in Masterly are never touched; people the source removes are deactivated, never deleted,
/// so their evidence stays attached to them.
extension Store {
    /// The `sourcedId`s already stored, per kind (references in a partial package may point at them).
    public func rosterSourcedIDs() async throws -> [RosterImport.Kind: Set<String>] {
        try await driver.withConnection { db in
            var result: [RosterImport.Kind: Set<String>] = [:]
            let tables: [(RosterImport.Kind, String)] = [
                (.organizations, "organizations"), (.academicSessions, "academic_sessions"), (.courses, "courses"),
                (.sections, "sections"), (.people, "people"), (.enrollments, "enrollments"),
            ]
            for (kind, table) in tables {
                let rows = try await db.raw(
                    "SELECT sourced_id FROM \(unsafeRaw: table) WHERE sourced_id IS NOT NULL"
                ).all()
                result[kind] = Set(try rows.map { try $0.string("sourced_id") })
            }
            return result
        }
    }

    /// Applies `roster` in one transaction (nothing is written if any of it is refused) and audits it.
    /// Throws `RosterImportConflict` for records that clash with Masterly's own (a username in use). With
    /// `dryRun`, the transaction is rolled back: the summary previews what the import would change.
    public func apply(
        _ roster: RosterImport, by actor: Person.ID, at now: Date, dryRun: Bool = false
    ) async throws -> ImportSummary {
        do {
            return try await driver.withTransaction { db in
                let versions = try await RosterVersions.load(for: roster, in: db)
                let stale = versions.stale(in: roster)
                var applier = RosterApplier(db: db, roster: roster, stale: stale.ids)
                try await applier.run()
                try await versions.record(roster, except: stale.ids)
                let summary = ImportSummary(lines: applier.lines, notes: stale.notes)
                if dryRun { throw DryRun(summary: summary) }
                try await Self.audit(
                    db, at: now, actor: actor, action: "roster.import", student: nil, subject: roster.source,
                    detail: summary.description.replacingOccurrences(of: "\n", with: "; "), organization: nil)
                return summary
            }
        } catch let preview as DryRun {
            return preview.summary
        }
    }

    /// Rolls a previewed import back, carrying what it would have changed.
    struct DryRun: Error { var summary: ImportSummary }

    /// A stable Masterly id for a record known by its `sourcedId`.
    static func importedID(_ prefix: String, _ sourcedID: String) -> String {
        let digest = SHA256.hash(data: Data(sourcedID.utf8))
        return prefix + "-" + digest.prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}

/// Records of an import that clash with what Masterly already holds; nothing was written.
public struct RosterImportConflict: Error, Sendable, CustomStringConvertible {
    public struct Problem: Sendable, Hashable {
        public var file: String
        public var line: Int
        public var field: String
        public var message: String
    }

    public var problems: [Problem]

    public var description: String {
        problems.map { "\($0.file):\($0.line): \($0.field): \($0.message)" }.joined(separator: "\n")
    }
}

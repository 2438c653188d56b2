import Foundation
import MasteryCore
import MasteryInterop
import MasteryStore

/// Imports a OneRoster package into the store: validation first (every problem, nothing written on an error),
/// then one transaction. Used by `masterly import oneroster` and the administrator's import page.
public struct RosterImporter: Sendable {
    public let store: Store

    public init(store: Store) { self.store = store }

    /// Validates `package` and applies it (or, with `dryRun`, previews what it would change).
    public func importOneRoster(
        _ package: OneRosterPackage, by actor: Person.ID, at now: Date, dryRun: Bool = false,
        progress: (@Sendable (String) -> Void)? = nil
    ) async throws -> ImportOutcome {
        let reader = OneRosterReader(existing: try await store.rosterSourcedIDs(), progress: progress)
        let roster: RosterImport
        let warnings: [ImportProblem]
        do {
            (roster, warnings) = try reader.read(package)
        } catch {
            return ImportOutcome(summary: nil, problems: error.problems)
        }
        do {
            let summary = try await store.apply(roster, by: actor, at: now, dryRun: dryRun)
            return ImportOutcome(summary: summary, problems: warnings)
        } catch let conflict as RosterImportConflict {
            let problems = conflict.problems.map {
                ImportProblem(file: $0.file, line: $0.line, field: $0.field, message: $0.message)
            }
            return ImportOutcome(summary: nil, problems: problems + warnings)
        }
    }
}

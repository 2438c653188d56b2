import Foundation
import MasteryCore
import MasteryInterop
import MasteryStore

/// Runs any kind of import on bytes already in memory (an upload): the one entry point of the import page.
struct Importer {
    let store: Store

    func run(
        _ kind: ImportKind, data: Data, fileName: String, by actor: Person.ID, at now: Date, dryRun: Bool
    ) async throws -> ImportOutcome {
        switch kind {
        case .oneRoster:
            let package: OneRosterPackage
            do {
                package = try OneRosterPackage(zip: data, archiveName: fileName)
            } catch {
                return ImportOutcome(summary: nil, problems: error.problems)
            }
            return try await RosterImporter(store: store).importOneRoster(package, by: actor, at: now, dryRun: dryRun)
        case .caseJSON:
            return try await FrameworkImporter(store: store).importFramework(
                data, format: .caseJSON, fileName: fileName, by: actor, at: now, dryRun: dryRun)
        case .moodleCSV:
            return try await FrameworkImporter(store: store).importFramework(
                data, format: .moodleCSV, fileName: fileName, by: actor, at: now, dryRun: dryRun)
        case .peopleCSV:
            guard let person = try await store.person(actor) else { throw AppError.forbidden }
            return try await PeopleImporter(admin: try await PeopleAdmin.load(person, store: store)).run(
                data, fileName: fileName, at: now, dryRun: dryRun)
        }
    }

    /// The permission an import of `kind` needs.
    static func action(for kind: ImportKind) -> Access.Action {
        kind == .oneRoster || kind == .peopleCSV ? .manageRoster : .manageFrameworks
    }
}

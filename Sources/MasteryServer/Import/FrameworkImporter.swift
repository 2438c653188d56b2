import Foundation
import MasteryCore
import MasteryInterop
import MasteryStore

/// Imports and exports competency frameworks (CASE JSON, Moodle CSV). Used by `masterly import case|moodle`,
/// `masterly export case|moodle` and the administrator's import page.
public struct FrameworkImporter: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case caseJSON = "case"
        case moodleCSV = "moodle"
    }

    public let store: Store

    public init(store: Store) { self.store = store }

    /// Reads `data` in `format` and applies it (or, with `dryRun`, previews the changes).
    public func importFramework(
        _ data: Data, format: Format, fileName: String, by actor: Person.ID, at now: Date, dryRun: Bool = false
    ) async throws -> ImportOutcome {
        let package: FrameworkPackage
        let warnings: [ImportProblem]
        var headline: String?
        do {
            switch format {
            case .caseJSON:
                (package, warnings) = try CASEReader(fileName: fileName).read(data)
            case .moodleCSV:
                let reading = try MoodleFrameworkCSV.read(data, fileName: fileName)
                (package, warnings) = (reading.package, reading.warnings)
                headline = reading.headline
            }
        } catch {
            return ImportOutcome(summary: nil, problems: error.problems)
        }
        do {
            let (_, summary) = try await store.apply(package, by: actor, at: now, dryRun: dryRun)
            let strands = package.strands.count
            let competencies = package.competencies.count
            return ImportOutcome(
                summary: summary, problems: warnings,
                headline: headline
                    ?? "framework \(package.title): \(strands) strand\(strands == 1 ? "" : "s"), \(competencies) "
                    + "competenc\(competencies == 1 ? "y" : "ies"), \(package.prerequisites.count) prerequisites, "
                    + "\(package.links.count) links")
        } catch let error as StoreError {
            return ImportOutcome(
                summary: nil,
                problems: [ImportProblem(file: fileName, line: nil, field: nil, message: error.description)] + warnings)
        }
    }

    /// The framework (by Masterly id or source identifier) in `format`, or nil when there is none.
    public func export(_ key: String, format: Format) async throws -> Data? {
        guard let framework = try await store.framework(key: key),
            let package = try await store.frameworkPackage(framework.id)
        else { return nil }
        switch format {
        case .caseJSON: return CASEWriter().write(package)
        case .moodleCSV: return Data(MoodleFrameworkCSV.write(package).utf8)
        }
    }
}

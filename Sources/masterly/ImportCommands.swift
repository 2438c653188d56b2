import ArgumentParser
import Foundation
import MasteryCore
import MasteryInterop
import MasteryServer
import MasteryStore

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import rosters (OneRoster CSV) and competency frameworks (CASE JSON, Moodle CSV).",
        discussion: """
            Every problem is printed as FILE:LINE: FIELD: MESSAGE. On any error nothing is written and the \
            command exits 1; warnings are printed and the import proceeds.
            """,
        subcommands: [ImportOneRoster.self])
}

/// The person CLI imports are audited as.
let commandLineActor = Person.ID("system:command-line")

struct ImportOneRoster: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oneroster",
        abstract: "Import a OneRoster 1.1 or 1.2 CSV package (a folder or a zip); prints what changed.",
        discussion: """
            Records are matched by sourcedId: importing the same package again changes nothing. A bulk file \
            is the complete set (people missing from it are deactivated, never deleted; their evidence stays); \
            a delta file only changes what it lists.
            """)

    @Argument(help: "A folder or .zip holding manifest.csv and the OneRoster CSV files.")
    var path: String

    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?

    @Flag(help: "Check and preview the changes without writing anything.")
    var dryRun = false

    func run() async throws {
        let package: OneRosterPackage
        do {
            package = try OneRosterPackage(contentsOf: URL(fileURLWithPath: path))
        } catch {
            ImportReport.print(ImportOutcome(summary: nil, problems: error.problems))
            throw ExitCode(1)
        }
        let (store, _) = try await Bootstrap.openStore(databaseFlag: database)
        let outcome: ImportOutcome
        do {
            outcome = try await RosterImporter(store: store).importOneRoster(
                package, by: commandLineActor, at: Date(), dryRun: dryRun,
                progress: { ImportReport.note($0) })
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        ImportReport.print(outcome, dryRun: dryRun)
        if !outcome.succeeded { throw ExitCode(1) }
    }
}

/// How import results reach the console: problems on standard error, the counts on standard output.
enum ImportReport {
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func print(_ outcome: ImportOutcome, dryRun: Bool = false) {
        for problem in outcome.problems { note(problem.description) }
        guard let summary = outcome.summary, outcome.errors.isEmpty else {
            note(
                "Refused: \(outcome.errors.count) error(s), \(outcome.warnings.count) warning(s); nothing was written.")
            return
        }
        if let headline = outcome.headline { Console.line(headline) }
        Console.line(summary.description)
        Console.line(
            dryRun
                ? "Preview only: nothing was written (\(outcome.warnings.count) warning(s))."
                : summary.changedNothing
                    ? "Nothing changed (\(outcome.warnings.count) warning(s))."
                    : "Imported (\(outcome.warnings.count) warning(s)).")
    }
}

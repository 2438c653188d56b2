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
        subcommands: [ImportOneRoster.self, ImportCASE.self, ImportMoodle.self, ImportBackpack.self])
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

struct ImportCASE: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Import a CASE 1.0 or 1.1 package (CFPackage JSON) as a framework; prints what changed.",
        discussion: """
            The framework is matched by its CFDocument identifier and items by theirs: importing the package \
            again changes nothing, and a newer version updates the framework in place (items it no longer has \
            are retired, keeping their evidence). isChildOf builds the tree, precedes the prerequisites; other \
            associations are kept as links for export.
            """)

    @Argument(help: "The CASE package (JSON).")
    var file: String

    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?

    @Flag(help: "Check and preview the changes without writing anything.")
    var dryRun = false

    func run() async throws {
        try await FrameworkImportRun(file: file, format: .caseJSON, database: database, dryRun: dryRun).run()
    }
}

struct ImportMoodle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moodle",
        abstract: "Import a Moodle competency framework CSV (tool_lpimportcsv, 14 columns); prints the counts.",
        discussion: """
            Columns are read by position, as Moodle does. Re-importing the same file updates the framework in \
            place (matched by the framework's ID number) instead of creating a copy.
            """)

    @Argument(help: "The Moodle framework CSV file.")
    var file: String

    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?

    @Flag(help: "Check and preview the changes without writing anything.")
    var dryRun = false

    func run() async throws {
        try await FrameworkImportRun(file: file, format: .moodleCSV, database: database, dryRun: dryRun).run()
    }
}

/// Reads a framework file and imports it, printing the outcome.
struct FrameworkImportRun {
    var file: String
    var format: FrameworkImporter.Format
    var database: String?
    var dryRun: Bool

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            ImportReport.note("\(file): cannot be read (no such file?)")
            throw ExitCode(1)
        }
        let (store, _) = try await Bootstrap.openStore(databaseFlag: database)
        let outcome: ImportOutcome
        do {
            outcome = try await FrameworkImporter(store: store).importFramework(
                data, format: format, fileName: url.lastPathComponent, by: commandLineActor, at: Date(),
                dryRun: dryRun)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        ImportReport.print(outcome, dryRun: dryRun)
        if !outcome.succeeded { throw ExitCode(1) }
    }
}

struct ImportBackpack: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backpack",
        abstract: "Bring a student's data backpack (masterly.backpack JSON) into this school as a new student.",
        discussion: """
            Competencies are matched by their frameworks' and their own source identifiers, else by codes. \
            Evidence on matched competencies is recorded again (mastery is recomputed with this school's \
            policies); mastery on the others is kept as it was. Profile, goals, reflections and plans come along.
            """)

    @Argument(help: "The backpack file (from GET /api/v1/students/{id}/backpack or the backpack page).")
    var file: String

    @Option(help: "The school (organization id) the student joins; the first school when omitted.")
    var school: String?

    @Option(
        name: .customLong("by"),
        help: """
            The administrator (username) doing the import: the evidence is recorded and audited as theirs \
            (default: the first administrator of the school or its district).
            """)
    var administrator: String?

    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            ImportReport.note("\(file): cannot be read (no such file?)")
            throw ExitCode(1)
        }
        let backpack: Backpack
        do {
            backpack = try Backpack.read(data, fileName: url.lastPathComponent)
        } catch {
            for problem in error.problems { ImportReport.note(problem.description) }
            throw ExitCode(1)
        }
        let (store, _) = try await Bootstrap.openStore(databaseFlag: database)
        do {
            let schools = try await store.organizations().filter { $0.kind == .school }
            let target = school.map { Organization.ID($0) } ?? schools.first?.id
            guard let target, schools.contains(where: { $0.id == target }) else {
                ImportReport.note(
                    "masterly import backpack: there is no school '\(school ?? "")' (give an organization id)")
                await store.close()
                throw ExitCode(1)
            }
            let admin: Person?
            if let administrator {
                admin = try await store.credentials(username: administrator)?.person
            } else {
                let parent = schools.first { $0.id == target }?.parentID
                var candidates = try await store.people(in: target, role: .admin)
                if let parent { candidates += try await store.people(in: parent, role: .admin) }
                admin = candidates.first
            }
            guard let admin, admin.role == .admin else {
                ImportReport.note(
                    administrator.map { "masterly import backpack: '\($0)' is not an administrator's username" }
                        ?? "masterly import backpack: the school has no administrator to record the import as; use --by"
                )
                await store.close()
                throw ExitCode(1)
            }
            let result = try await BackpackService(store: store).importBackpack(
                backpack, into: target, by: admin.id, at: Date())
            Console.line("Imported \(result.description).")
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}

struct ExportBackpack: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backpack",
        abstract: "Print a student's data backpack (masterly.backpack JSON, including accommodations).")

    @Argument(help: "The student's id.")
    var student: String

    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?

    func run() async throws {
        let (store, _) = try await Bootstrap.openStore(databaseFlag: database)
        let backpack: Backpack?
        do {
            backpack = try await BackpackService(store: store).backpack(
                of: Person.ID(student), includeSensitive: true, includePrivateReflections: true, at: Date())
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        guard let backpack else {
            ImportReport.note("masterly export backpack: there is no student '\(student)'")
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(try backpack.data())
        FileHandle.standardOutput.write(Data("\n".utf8))
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

import ArgumentParser
import Foundation
import MasteryCore
import MasteryInterop
import MasteryServer
import MasteryStore

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export frameworks (CASE JSON, Moodle CSV) and gradebooks to standard output.",
        subcommands: [
            ExportCASE.self, ExportMoodle.self, ExportGradebook.self, ExportMastery.self, ExportBackpack.self,
            ExportGrades.self,
        ])
}

struct ExportCASE: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Print a framework as a CASE 1.1 package (JSON) that validates against the official schema.")

    @Argument(help: "The framework's id, or the source identifier it was imported with (a CASE identifier).")
    var framework: String

    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?

    func run() async throws {
        try await FrameworkExportRun(framework: framework, format: .caseJSON, database: database).run()
    }
}

struct ExportMoodle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moodle", abstract: "Print a framework as a Moodle competency framework CSV (tool_lpimportcsv).")

    @Argument(help: "The framework's id, or the source identifier it was imported with.")
    var framework: String

    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?

    func run() async throws {
        try await FrameworkExportRun(framework: framework, format: .moodleCSV, database: database).run()
    }
}

struct ExportGradebook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradebook",
        abstract: "Print a section's mastery gradebook as CSV (a value and a level column per competency).")

    @Argument(help: "The section's id.")
    var section: String

    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?

    func run() async throws {
        try await CSVExportRun.print(
            database: database, missing: "masterly export gradebook: there is no section '\(section)'"
        ) {
            try await $0.gradebookCSV(section: Section.ID(section))
        }
    }
}

struct ExportGrades: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grades",
        abstract:
            "Print a section's final grades as OneRoster 1.2 results.csv (--dir: write all three gradebook files).",
        discussion: """
            The grades follow the course's grade rule; with --period, only evidence observed in that grading period \
            counts, and a period closed for the section gives the grades kept when it closed. --dir writes \
            categories.csv, lineItems.csv and results.csv into the folder (created if missing).
            """)

    @Argument(help: "The section's id.")
    var section: String

    @Option(help: "A grading period's id (a OneRoster academic session's sourcedId, or one made in Masterly).")
    var period: String?

    @Option(help: "A folder to write categories.csv, lineItems.csv and results.csv into.")
    var dir: String?

    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?

    func run() async throws {
        let (store, _) = try await Bootstrap.openStore(databaseFlag: database)
        let files: OneRosterGradesCSV?
        do {
            files = try await Exports(store: store).gradesCSV(
                section: Section.ID(section), period: period, now: Date())
        } catch AppError.notFound {
            await store.close()
            throw ValidationError("masterly export grades: there is no grading period '\(period ?? "")'")
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        guard let files else { throw ValidationError("masterly export grades: there is no section '\(section)'") }
        guard let dir else {
            FileHandle.standardOutput.write(Data(files.results.utf8))
            return
        }
        let folder = URL(fileURLWithPath: dir, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in [
            ("categories.csv", files.categories), ("lineItems.csv", files.lineItems), ("results.csv", files.results),
        ] {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
    }
}

struct ExportMastery: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mastery",
        abstract: "Print a student's mastery report as CSV (every competency of every section they are in).")

    @Argument(help: "The student's id.")
    var student: String

    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?

    func run() async throws {
        try await CSVExportRun.print(
            database: database, missing: "masterly export mastery: there is no student '\(student)'"
        ) {
            try await $0.masteryReportCSV(student: Person.ID(student))
        }
    }
}

/// Prints a CSV export to standard output, or exits 1 with `missing` when its subject does not exist.
enum CSVExportRun {
    static func print(
        database: String?, missing: String, _ make: (Exports) async throws -> String?
    ) async throws {
        let (store, _) = try await Bootstrap.openStore(databaseFlag: database)
        let csv: String?
        do { csv = try await make(Exports(store: store)) } catch {
            await store.close()
            throw error
        }
        await store.close()
        guard let csv else {
            ImportReport.note(missing)
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data(csv.utf8))
    }
}

/// Prints one framework in one format, or exits 1 naming the unknown framework.
struct FrameworkExportRun {
    var framework: String
    var format: FrameworkImporter.Format
    var database: String?

    func run() async throws {
        let (store, _) = try await Bootstrap.openStore(databaseFlag: database)
        let data: Data?
        do {
            data = try await FrameworkImporter(store: store).export(framework, format: format)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        guard let data else {
            ImportReport.note(
                "masterly export: there is no framework '\(framework)' (give its id or source identifier)")
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(data)
        if data.last != UInt8(ascii: "\n") { FileHandle.standardOutput.write(Data("\n".utf8)) }
    }
}

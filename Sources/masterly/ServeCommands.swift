import ArgumentParser
import Foundation
import Hummingbird
import MasteryServer
import MasteryStore

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve an existing database (migrating it first).")

    @OptionGroup var options: ServerOptions

    func run() async throws {
        let configuration = try options.resolve(defaultDatabase: "masterly.sqlite")
        let store = try await Bootstrap.openStore(
            configuration.database, deadline: .seconds(configuration.databaseDeadlineSeconds))
        Console.line(
            "Masterly is serving \(configuration.database) at http://\(configuration.host):\(configuration.port)")
        let services = AppServices(store: store, configuration: configuration)
        try await serve(
            buildApplication(services), drain: .seconds(configuration.databaseDeadlineSeconds + 5),
            logger: services.logger)
        await store.close()
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create (or reuse) the demo school and serve it.",
        discussion: "The default database is masterly-demo.sqlite in the working folder.")

    @OptionGroup var options: ServerOptions

    func run() async throws {
        let configuration = try options.resolve(defaultDatabase: "masterly-demo.sqlite")
        // Loading the school is a one-off bulk write, like migrating: it runs without the per-call deadline that
        // keeps requests from hanging (on a busy machine one of its transactions can take longer than that).
        let loader = try await Bootstrap.openStore(configuration.database)
        Console.line("Preparing the demo school in \(configuration.database)…")
        let created: Bool
        do {
            created = try await DemoSchool.ensure(in: loader, now: Date())
        } catch {
            await loader.close()
            throw error
        }
        await loader.close()
        Console.line(created ? "Demo school created." : "Demo school already present; reusing it.")
        let store = try await Bootstrap.openStore(
            configuration.database, deadline: .seconds(configuration.databaseDeadlineSeconds))
        Console.line("")
        Console.line("Masterly demo: http://\(configuration.host):\(configuration.port)")
        Console.line("Sign in as \(DemoSchool.accounts.joined(separator: ", ")) — password \(DemoSchool.password)")
        let services = AppServices(store: store, configuration: configuration, isDemo: true)
        try await serve(
            buildApplication(services), drain: .seconds(configuration.databaseDeadlineSeconds + 5),
            logger: services.logger)
        await store.close()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring the database schema up to date and exit.")

    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?

    func run() async throws {
        let (store, configuration) = try await Bootstrap.openStore(databaseFlag: database)
        Console.line("Schema of \(configuration.database) is up to date (\(Store.migrationCount) migrations).")
        await store.close()
    }
}

struct Recompute: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild every mastery record from the evidence; prints how many changed (0 when all were right).")

    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?

    func run() async throws {
        let (store, _) = try await Bootstrap.openStore(databaseFlag: database)
        let report = try await store.recompute()
        Console.line("\(report.changed) changed")
        Console.line("(\(report.pairs) mastery records checked from \(report.events) evidence events)")
        await store.close()
    }
}

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an online backup of a SQLite database to FILE (for PostgreSQL, prints the pg_dump command).")

    @Argument(help: "The backup file to create (must not exist).")
    var file: String

    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?

    func run() async throws {
        let (store, configuration) = try await Bootstrap.openStore(databaseFlag: database)
        do {
            try await store.backup(to: file)
            Console.line("Backed up \(configuration.database) to \(file).")
        } catch {
            FileHandle.standardError.write(Data("masterly backup: \(error)\n".utf8))
            await store.close()
            throw ExitCode(1)
        }
        await store.close()
    }
}

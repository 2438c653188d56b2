import ArgumentParser
import Foundation

/// The `masterly` command: thin — it parses arguments, builds the configuration and calls the libraries.
@main
struct Masterly: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "masterly",
        abstract: "Masterly: mastery-based learning — server, demo school and tools.",
        subcommands: [
            Serve.self, Demo.self, Migrate.self, Recompute.self, MasteryCommand.self, Fit.self, Schedule.self,
            Backup.self, Bench.self, Import.self, Export.self, Setup.self, Users.self, Courses.self, Digest.self,
        ])
}

/// Writes lines to standard output at once (unbuffered), so they show up in logs before the server runs.
enum Console {
    static func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

import ArgumentParser
import Foundation
import MasteryServer
import MasteryStore

struct Digest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send the weekly email to families and students (run it once a week, e.g. from cron).",
        discussion: """
            Each guardian and student with an email on record who has not turned it off gets what changed in the \\
            last seven days and what needs them, in their language. Sent over plain SMTP to the relay named by \\
            --smtp (a district's own relay on loopback or its network, which carries it on with TLS). With \\
            --dry-run the letters are printed instead. Exits 1 when the relay cannot be reached.
            """)

    @Option(help: "The SMTP relay: smtp://host:port (env MASTERLY_SMTP_URL).") var smtp: String?
    @Option(help: "The sender's address (env MASTERLY_MAIL_FROM).") var from: String?
    @Option(help: "The address people reach Masterly at, for links (env MASTERLY_PUBLIC_URL).") var publicUrl: String?
    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).") var database: String?
    @Flag(help: "Print the letters; send nothing.") var dryRun = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let relay = smtp ?? environment["MASTERLY_SMTP_URL"]
        let sender = from ?? environment["MASTERLY_MAIL_FROM"]
        guard dryRun || (relay != nil && sender != nil) else {
            throw ValidationError("masterly digest: give --smtp smtp://host:port and --from ADDRESS (or --dry-run)")
        }
        let (store, configuration) = try await Bootstrap.openStore(databaseFlag: database)
        let digest = DigestRun(
            store: store, configuration: configuration,
            publicURL: publicUrl ?? environment["MASTERLY_PUBLIC_URL"] ?? configuration.publicURL)
        do {
            if dryRun {
                for letter in try await digest.letters() { Console.line(letter) }
            } else if let relay, let sender {
                let (sent, refused) = try await digest.send(smtp: relay, from: sender)
                Console.line("Sent \(sent) weekly email(s).")
                for refusal in refused { FileHandle.standardError.write(Data("refused: \(refusal)\n".utf8)) }
            }
        } catch {
            await store.close()
            FileHandle.standardError.write(Data("masterly digest: \(error)\n".utf8))
            throw ExitCode(1)
        }
        await store.close()
    }
}

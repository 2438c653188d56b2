import ArgumentParser
import Foundation
import MasteryCore
import MasteryServer
import MasteryStore

/// Reads one line from standard input: how passwords reach the command line (never argv, never a log).
enum PasswordInput {
    static func read(prompt: String) throws -> String {
        if isatty(STDIN_FILENO) != 0 { FileHandle.standardError.write(Data(prompt.utf8)) }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            FileHandle.standardError.write(Data("masterly: give the password on one line of standard input\n".utf8))
            throw ExitCode(1)
        }
        return line
    }
}

struct Setup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the district and its first administrator on a new database.",
        discussion: """
            Reads the administrator's password from one line of standard input, e.g.
              printf '%s\\n' "$PASSWORD" | masterly setup --database URL --username ada --name "Ada Lovelace"
            An existing username exits 1 and changes nothing.
            """)

    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?
    @Option(help: "The administrator's username.") var username: String
    @Option(help: "The administrator's full name.") var name: String
    @Option(help: "The district's name (when the database has no district yet).") var district: String?
    @Option(help: "The administrator's email (matches single sign-on identities).") var email: String?

    func run() async throws {
        let password = try PasswordInput.read(prompt: "Password for \(username): ")
        let (store, _) = try await Bootstrap.openStore(databaseFlag: database)
        do {
            let (organization, person) = try await Accounts(store: store).setUp(
                username: username, name: name, district: district, email: email, password: password)
            Console.line(
                "Created administrator \(person.username ?? "") (\(person.displayName)) for \(organization.name).")
            Console.line("Sign in at /login, then import your roster and frameworks at /admin/import.")
        } catch let failure as Accounts.Failure {
            await store.close()
            FileHandle.standardError.write(Data("masterly setup: \(failure)\n".utf8))
            throw ExitCode(1)
        }
        await store.close()
    }
}

struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Passwords and invitation links for people.", subcommands: [UsersPassword.self, UsersInvite.self])
}

struct UsersPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password", abstract: "Set a person's password, read from one line of standard input.")

    @Argument(help: "The username (or person id).") var username: String
    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?

    func run() async throws {
        let password = try PasswordInput.read(prompt: "New password for \(username): ")
        let (store, _) = try await Bootstrap.openStore(databaseFlag: database)
        let accounts = Accounts(store: store)
        do {
            let person = try await accounts.person(username)
            try await accounts.setPassword(password, for: person, by: Person.ID("system:cli"))
            Console.line("Password set for \(person.username ?? person.id.rawValue); their other sessions ended.")
        } catch let failure as Accounts.Failure {
            await store.close()
            FileHandle.standardError.write(Data("masterly users password: \(failure)\n".utf8))
            throw ExitCode(1)
        }
        await store.close()
    }
}

struct UsersInvite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Print a one-time link path (/invite/…) with which a person chooses their password (valid 14 days).")

    @Argument(help: "The username (or person id).") var username: String
    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?

    func run() async throws {
        let (store, _) = try await Bootstrap.openStore(databaseFlag: database)
        let accounts = Accounts(store: store)
        do {
            let person = try await accounts.person(username)
            Console.line(try await accounts.invite(person, by: Person.ID("system:cli")))
        } catch let failure as Accounts.Failure {
            await store.close()
            FileHandle.standardError.write(Data("masterly users invite: \(failure)\n".utf8))
            throw ExitCode(1)
        }
        await store.close()
    }
}

struct Courses: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Which frameworks a course assesses.", subcommands: [CoursesLink.self])
}

struct CoursesLink: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Add a framework to what a course assesses; its gradebooks show it at once.",
        discussion: "COURSE by id or OneRoster sourcedId; FRAMEWORK by id, code or CASE identifier.")

    @Argument var course: String
    @Argument var framework: String
    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).")
    var database: String?

    func run() async throws {
        let (store, _) = try await Bootstrap.openStore(databaseFlag: database)
        guard let found = try await store.course(identifiedBy: course) else {
            await store.close()
            FileHandle.standardError.write(Data("masterly courses link: no course \(course)\n".utf8))
            throw ExitCode(1)
        }
        guard let chosen = try await store.framework(identifiedBy: framework) else {
            await store.close()
            FileHandle.standardError.write(Data("masterly courses link: no framework \(framework)\n".utf8))
            throw ExitCode(1)
        }
        var frameworks = found.frameworkIDs
        if !frameworks.contains(chosen.id) { frameworks.append(chosen.id) }
        try await store.setFrameworks(frameworks, of: found.id, by: Person.ID("system:cli"), at: Date())
        let all = try await store.frameworks()
        let names = frameworks.compactMap { id in all.first { $0.id == id }.map { "\($0.code) (\($0.title))" } }
        Console.line("\(found.code) \(found.title) now assesses: \(names.joined(separator: ", ")).")
        await store.close()
    }
}

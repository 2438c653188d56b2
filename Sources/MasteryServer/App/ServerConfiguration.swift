import Foundation
import MasteryStore

/// Everything the server needs to start, read once at the edge (flags > `MASTERLY_*` environment > defaults).
public struct ServerConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var database: DatabaseLocation
    /// Marks cookies `Secure`; turn on when served over HTTPS (behind a proxy).
    public var secureCookies: Bool
    /// How long a login session lasts, in hours.
    public var sessionHours: Int
    public var logLevel: String
    /// `text` (one readable line per entry) or `json` (one JSON object per line, for a log collector).
    public var logFormat: String = "text"
    /// The longest one database call may take before its connection is closed and the request answered 503
    /// (PostgreSQL; SQLite waits on its own lock with a bounded busy timeout).
    public var databaseDeadlineSeconds: Int = 15
    /// Behind a reverse proxy (nginx): the client's address is the last one the proxy adds to
    /// `X-Forwarded-For`, not the proxy's own (sign-in throttling counts per address).
    public var trustProxy: Bool
    /// The address people reach Masterly at (`https://masterly.district.org`), for links that leave the
    /// server: single sign-on's redirect URI. Without it, the request's own Host is used.
    public var publicURL: String?
    /// A folder of language catalogues (`*.json`) beside the built-in English and Spanish.
    public var languagesFolder: String?
    /// A command that checks each handed-in file for viruses, given the file's path (exit 0 clean, 1 found):
    /// e.g. `clamdscan --fdpass --no-summary`. None by default.
    public var scanCommand: String?
    /// The single sign-on providers (none unless a configuration file is given).
    public var singleSignOn: SingleSignOnConfiguration = SingleSignOnConfiguration()

    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: DatabaseLocation = .sqlite(path: "masterly.sqlite"),
        secureCookies: Bool = false, sessionHours: Int = 12, logLevel: String = "info", trustProxy: Bool = false
    ) {
        self.trustProxy = trustProxy
        self.host = host
        self.port = port
        self.database = database
        self.secureCookies = secureCookies
        self.sessionHours = sessionHours
        self.logLevel = logLevel
    }

    /// The environment variables read, with what each sets (the README's configuration table).
    public static let environmentKeys: [(key: String, meaning: String, fallback: String)] = [
        ("MASTERLY_HOST", "address to listen on", "127.0.0.1"),
        ("MASTERLY_PORT", "port to listen on (1–65535)", "8080"),
        (
            "MASTERLY_DATABASE_URL", "SQLite file path / sqlite:PATH, or postgres://user:pass@host:port/db",
            "masterly.sqlite"
        ),
        ("MASTERLY_SECURE_COOKIES", "true when served over HTTPS (also sends Strict-Transport-Security)", "false"),
        ("MASTERLY_TRUST_PROXY", "true behind a reverse proxy that sets X-Forwarded-For", "false"),
        ("MASTERLY_SESSION_HOURS", "login session lifetime in hours (1–720)", "12"),
        ("MASTERLY_LOG_LEVEL", "trace, debug, info, notice, warning, error or critical", "info"),
        ("MASTERLY_LOG_FORMAT", "text, or json for one JSON object per line (with the request id)", "text"),
        ("MASTERLY_DATABASE_DEADLINE", "seconds one database call may take before it fails with 503 (1–300)", "15"),
        ("MASTERLY_PUBLIC_URL", "the address people use, e.g. https://masterly.district.org (for single sign-on)", "—"),
        ("MASTERLY_SSO_CONFIG", "a JSON file naming the OpenID Connect providers (docs/admin-guide.md)", "none"),
        ("MASTERLY_LANGUAGES_DIR", "a folder of language catalogues (*.json) beside English and Spanish", "none"),
        (
            "MASTERLY_SCAN_COMMAND",
            "a virus check run on each handed-in file, given its path (exit 0 clean, 1 found), e.g. clamdscan --fdpass",
            "none"
        ),
    ]

    /// Resolves the configuration from command-line values (nil when not given) over the environment over
    /// the defaults, checking every key.
    /// - Throws: `ConfigurationError` listing every bad key at once.
    public static func resolve(
        flags: [String: String], environment: [String: String], defaults: ServerConfiguration = ServerConfiguration()
    ) throws(ConfigurationError) -> ServerConfiguration {
        var problems: [String] = []
        var configuration = defaults
        func value(_ flag: String, _ key: String) -> (String, String)? {
            if let flagValue = flags[flag] { return (flagValue, "--\(flag)") }
            if let envValue = environment[key] { return (envValue, key) }
            return nil
        }
        if let (text, source) = value("host", "MASTERLY_HOST") {
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append("\(source): the host is empty")
            } else {
                configuration.host = text
            }
        }
        if let (text, source) = value("port", "MASTERLY_PORT") {
            if let port = Int(text), (1...65535).contains(port) {
                configuration.port = port
            } else {
                problems.append("\(source): '\(text)' is not a port number (1–65535)")
            }
        }
        if let (text, source) = value("database", "MASTERLY_DATABASE_URL") {
            do {
                configuration.database = try DatabaseLocation(parsing: text)
            } catch {
                problems.append("\(source): \(error)")
            }
        }
        if let (text, source) = value("secure-cookies", "MASTERLY_SECURE_COOKIES") {
            switch text.lowercased() {
            case "true", "1", "yes", "on": configuration.secureCookies = true
            case "false", "0", "no", "off": configuration.secureCookies = false
            default: problems.append("\(source): '\(text)' is not true or false")
            }
        }
        if let (text, source) = value("trust-proxy", "MASTERLY_TRUST_PROXY") {
            switch text.lowercased() {
            case "true", "1", "yes", "on": configuration.trustProxy = true
            case "false", "0", "no", "off": configuration.trustProxy = false
            default: problems.append("\(source): '\(text)' is not true or false")
            }
        }
        if let (text, source) = value("session-hours", "MASTERLY_SESSION_HOURS") {
            if let hours = Int(text), (1...720).contains(hours) {
                configuration.sessionHours = hours
            } else {
                problems.append("\(source): '\(text)' is not a number of hours (1–720)")
            }
        }
        if let (text, source) = value("log-level", "MASTERLY_LOG_LEVEL") {
            let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
            if levels.contains(text.lowercased()) {
                configuration.logLevel = text.lowercased()
            } else {
                problems.append("\(source): '\(text)' is not one of \(levels.joined(separator: ", "))")
            }
        }
        if let (text, source) = value("log-format", "MASTERLY_LOG_FORMAT") {
            if ["text", "json"].contains(text.lowercased()) {
                configuration.logFormat = text.lowercased()
            } else {
                problems.append("\(source): '\(text)' is not text or json")
            }
        }
        if let (text, source) = value("database-deadline", "MASTERLY_DATABASE_DEADLINE") {
            if let seconds = Int(text), (1...300).contains(seconds) {
                configuration.databaseDeadlineSeconds = seconds
            } else {
                problems.append("\(source): '\(text)' is not a number of seconds (1–300)")
            }
        }
        if let (text, source) = value("public-url", "MASTERLY_PUBLIC_URL") {
            let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
            if let url = URL(string: trimmed), ["http", "https"].contains(url.scheme ?? ""), url.host != nil,
                url.query == nil, url.fragment == nil
            {
                configuration.publicURL = trimmed
            } else {
                problems.append("\(source): '\(text)' is not an http(s) address such as https://masterly.district.org")
            }
        }
        if let (path, source) = value("languages", "MASTERLY_LANGUAGES_DIR") {
            do {
                _ = try Languages(folder: path)
                configuration.languagesFolder = path
            } catch {
                problems.append("\(source): \(error)")
            }
        }
        if let (text, source) = value("scan-command", "MASTERLY_SCAN_COMMAND") {
            let command = text.trimmingCharacters(in: .whitespaces)
            if command.isEmpty {
                problems.append("\(source): the virus-check command is empty")
            } else if let program = command.split(separator: " ").first, program.hasPrefix("/"),
                !FileManager.default.isExecutableFile(atPath: String(program))
            {
                problems.append("\(source): '\(program)' is not a program that can be run")
            } else {
                configuration.scanCommand = command
            }
        }
        if let (path, source) = value("sso-config", "MASTERLY_SSO_CONFIG") {
            switch SingleSignOnConfiguration.load(path: path) {
            case .success(let sso): configuration.singleSignOn = sso
            case .failure(let error): problems.append(contentsOf: error.problems.map { "\(source): \($0)" })
            }
        }
        for key in environment.keys where key.hasPrefix("MASTERLY_") && !key.hasPrefix("MASTERLY_TEST_") {
            if !environmentKeys.contains(where: { $0.key == key }) {
                problems.append(
                    "\(key): unknown setting (known: \(environmentKeys.map(\.key).joined(separator: ", ")))")
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(problems: problems.sorted()) }
        return configuration
    }
}

/// A configuration that cannot be used, with every problem found.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    public var problems: [String]
    public var description: String {
        "invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

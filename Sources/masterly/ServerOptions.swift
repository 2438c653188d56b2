import ArgumentParser
import Foundation
import Logging
import MasteryServer
import MasteryStore

/// Options shared by the commands that open a database and may serve it.
struct ServerOptions: ParsableArguments {
    @Option(help: "Port to listen on (env MASTERLY_PORT; default 8080).")
    var port: String?

    @Option(help: "Address to listen on (env MASTERLY_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "A SQLite file path, sqlite:PATH, or postgres://user:pass@host:port/db (env MASTERLY_DATABASE_URL).")
    var database: String?

    @Option(name: .customLong("secure-cookies"), help: "true when served over HTTPS (env MASTERLY_SECURE_COOKIES).")
    var secureCookies: String?

    @Option(
        name: .customLong("trust-proxy"),
        help: "true behind a reverse proxy that sets X-Forwarded-For (env MASTERLY_TRUST_PROXY).")
    var trustProxy: String?

    @Option(name: .customLong("log-level"), help: "trace … critical (env MASTERLY_LOG_LEVEL; default info).")
    var logLevel: String?

    @Option(
        name: .customLong("log-format"), help: "text, or json: one JSON object per line (env MASTERLY_LOG_FORMAT).")
    var logFormat: String?

    @Option(
        name: .customLong("database-deadline"),
        help:
            "Seconds one database call may take before the request fails with 503 (env MASTERLY_DATABASE_DEADLINE; default 15)."
    )
    var databaseDeadline: String?

    @Option(
        name: .customLong("languages"),
        help: "A folder of language catalogues (*.json) beside English and Spanish (env MASTERLY_LANGUAGES_DIR).")
    var languages: String?

    @Option(
        name: .customLong("scan-command"),
        help:
            "A virus check run on each handed-in file, given its path; exit 0 clean, 1 found (env MASTERLY_SCAN_COMMAND)."
    )
    var scanCommand: String?

    @Option(
        name: .customLong("public-url"),
        help: "The address people use, e.g. https://masterly.district.org (env MASTERLY_PUBLIC_URL).")
    var publicURL: String?

    @Option(
        name: .customLong("sso-config"),
        help: "A JSON file naming the OpenID Connect providers for single sign-on (env MASTERLY_SSO_CONFIG).")
    var ssoConfig: String?

    var flags: [String: String] {
        var flags: [String: String] = [:]
        flags["port"] = port
        flags["host"] = host
        flags["database"] = database
        flags["secure-cookies"] = secureCookies
        flags["log-level"] = logLevel
        flags["trust-proxy"] = trustProxy
        flags["log-format"] = logFormat
        flags["database-deadline"] = databaseDeadline
        flags["languages"] = languages
        flags["public-url"] = publicURL
        flags["sso-config"] = ssoConfig
        flags["scan-command"] = scanCommand
        return flags
    }

    /// The configuration, or exit 2 listing every bad key.
    func resolve(defaultDatabase: String) throws -> ServerConfiguration {
        let defaults = ServerConfiguration(database: .sqlite(path: defaultDatabase))
        do {
            let configuration = try ServerConfiguration.resolve(
                flags: flags, environment: ProcessInfo.processInfo.environment, defaults: defaults)
            Bootstrap.logging(configuration.logLevel, format: configuration.logFormat)
            return configuration
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

enum Bootstrap {
    nonisolated(unsafe) static var loggingDone = false

    static func logging(_ level: String, format: String) {
        guard !loggingDone else { return }
        loggingDone = true
        let parsed = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            if format == "json" {
                var handler = JSONLogHandler(label: label)
                handler.logLevel = parsed
                return handler
            }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = parsed
            return handler
        }
    }

    /// The store for a command whose only server option is `--database` (the environment and defaults apply).
    static func openStore(databaseFlag database: String?) async throws -> (Store, ServerConfiguration) {
        var options = try ServerOptions.parse([])
        options.database = database
        let configuration = try options.resolve(defaultDatabase: "masterly.sqlite")
        return (try await openStore(configuration.database), configuration)
    }

    /// Opens and migrates the database, or exits 1 with the reason. A server passes its per-call `deadline`.
    static func openStore(_ location: DatabaseLocation, deadline: Duration? = nil) async throws -> Store {
        do {
            let store = try Store.open(location, deadline: deadline)
            let applied = try await store.migrate()
            if !applied.isEmpty {
                FileHandle.standardError.write(Data("Applied \(applied.count) migration(s) to \(location).\n".utf8))
            }
            return store
        } catch {
            FileHandle.standardError.write(Data("masterly: cannot open the database \(location): \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

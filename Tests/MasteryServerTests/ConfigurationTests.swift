import MasteryServer
import MasteryStore
import Testing

@Suite("Configuration: flags > environment > defaults")
struct ConfigurationTests {
    @Test("Defaults, then the environment, then flags")
    func precedence() throws {
        let defaults = try ServerConfiguration.resolve(flags: [:], environment: [:])
        #expect(
            defaults.port == 8080 && defaults.host == "127.0.0.1"
                && defaults.database == .sqlite(path: "masterly.sqlite"))
        let environment = ["MASTERLY_PORT": "9000", "MASTERLY_DATABASE_URL": "postgres://u@h/db"]
        let fromEnvironment = try ServerConfiguration.resolve(flags: [:], environment: environment)
        #expect(fromEnvironment.port == 9000 && fromEnvironment.database == .postgres(url: "postgres://u@h/db"))
        let fromFlags = try ServerConfiguration.resolve(flags: ["port": "9100"], environment: environment)
        #expect(fromFlags.port == 9100)
        #expect(defaults.logFormat == "text" && defaults.databaseDeadlineSeconds == 15)
        let operations = try ServerConfiguration.resolve(
            flags: ["database-deadline": "4"], environment: ["MASTERLY_LOG_FORMAT": "JSON"])
        #expect(operations.logFormat == "json" && operations.databaseDeadlineSeconds == 4)
    }

    @Test("Every bad key is listed at once")
    func everyProblem() {
        do {
            _ = try ServerConfiguration.resolve(
                flags: ["port": "eighty"],
                environment: [
                    "MASTERLY_SESSION_HOURS": "0", "MASTERLY_DATABASE_URL": "mysql://x@y/z", "MASTERLY_COLOUR": "blue",
                    "MASTERLY_LOG_LEVEL": "loud", "MASTERLY_LOG_FORMAT": "xml", "MASTERLY_DATABASE_DEADLINE": "0",
                ])
            Issue.record("accepted a bad configuration")
        } catch {
            #expect(error.problems.count == 7)
            let text = error.description
            for key in [
                "--port", "MASTERLY_SESSION_HOURS", "MASTERLY_DATABASE_URL", "MASTERLY_COLOUR", "MASTERLY_LOG_LEVEL",
                "MASTERLY_LOG_FORMAT", "MASTERLY_DATABASE_DEADLINE",
            ] {
                #expect(text.contains(key), "\(key) not named")
            }
        }
    }
}

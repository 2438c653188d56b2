import Foundation
import MasteryStore

/// The weekly email from the command line: the letters as text (a dry run), or sent to an SMTP relay.
public struct DigestRun: Sendable {
    let services: AppServices
    let publicURL: String?

    public init(store: Store, configuration: ServerConfiguration, publicURL: String?) {
        services = AppServices(store: store, configuration: configuration)
        self.publicURL = publicURL
    }

    /// Each letter as it would be sent (To, Subject, a blank line, the text).
    public func letters() async throws -> [String] {
        try await WeeklyDigest(services: services, publicURL: publicURL).letters().map {
            "To: \($0.message.to)\nSubject: \($0.message.subject)\nContent-Language: \($0.message.language)\n\n\($0.message.body)\n"
        }
    }

    /// Sends every letter; how many the relay took, and the refusals.
    public func send(smtp: String, from: String) async throws -> (sent: Int, refused: [String]) {
        let letters = try await WeeklyDigest(services: services, publicURL: publicURL).letters()
        let client = try SMTPClient(url: smtp, from: from)
        return try await client.send(letters.map(\.message), now: services.clock())
    }
}

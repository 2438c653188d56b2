import Foundation

/// The OpenID Connect providers a school signs in with (Google Workspace, Microsoft Entra ID, Clever,
/// ClassLink, …), read once at start from a JSON file (`--sso-config` / `MASTERLY_SSO_CONFIG`):
///
///     { "providers": [ { "id": "google", "name": "Google", "issuer": "https://accounts.google.com",
///                        "clientId": "…", "clientSecret": "…", "match": ["email"],
///                        "emailDomains": ["district.org"] } ] }
public struct SingleSignOnConfiguration: Sendable, Equatable {
    public var providers: [Provider]

    public init(providers: [Provider] = []) { self.providers = providers }

    public func provider(_ id: String) -> Provider? { providers.first { $0.id == id } }

    /// How an identity the provider vouches for is matched to an existing Masterly account. Nobody is ever
    /// given a new account by signing in.
    public enum Match: String, Sendable, Equatable, Codable, CaseIterable {
        /// The `email` claim against people's email (not when the provider says the email is unverified).
        case email
        /// The `preferred_username` claim against people's username or their roster `sourcedId`: only for a
        /// provider whose usernames the school itself assigns (its own identity server, Clever, ClassLink).
        case username
    }

    public struct Provider: Sendable, Equatable, Codable {
        /// Short name in the sign-in address: `/sso/{id}` and the redirect URI `/sso/callback/{id}`.
        public var id: String
        /// What the sign-in button says: "Sign in with {name}".
        public var name: String
        /// The issuer; its discovery document is `{issuer}/.well-known/openid-configuration`.
        public var issuer: String
        public var clientId: String
        public var clientSecret: String
        public var scopes: [String]
        public var match: [Match]
        /// When set, only emails in these domains are matched.
        public var emailDomains: [String]

        public init(
            id: String, name: String, issuer: String, clientId: String, clientSecret: String,
            scopes: [String] = ["openid", "email", "profile"], match: [Match] = [.email], emailDomains: [String] = []
        ) {
            self.id = id
            self.name = name
            self.issuer = issuer
            self.clientId = clientId
            self.clientSecret = clientSecret
            self.scopes = scopes
            self.match = match
            self.emailDomains = emailDomains
        }

        enum CodingKeys: String, CodingKey {
            case id, name, issuer, clientId, clientSecret, scopes, match, emailDomains
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
                issuer: try c.decode(String.self, forKey: .issuer),
                clientId: try c.decode(String.self, forKey: .clientId),
                clientSecret: try c.decode(String.self, forKey: .clientSecret),
                scopes: try c.decodeIfPresent([String].self, forKey: .scopes) ?? ["openid", "email", "profile"],
                match: try c.decodeIfPresent([Match].self, forKey: .match) ?? [.email],
                emailDomains: try c.decodeIfPresent([String].self, forKey: .emailDomains) ?? [])
        }
    }

    private struct File: Decodable {
        var providers: [Provider]
    }

    /// Reads and checks the file; every problem names the file and the place in it.
    public static func load(path: String) -> Result<SingleSignOnConfiguration, ConfigurationError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ConfigurationError(problems: ["\(path): cannot be read"]))
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch let error as DecodingError {
            return .failure(ConfigurationError(problems: ["\(path): \(Self.describe(error))"]))
        } catch {
            return .failure(ConfigurationError(problems: ["\(path): \(error)"]))
        }
        var problems: [String] = []
        var seen: Set<String> = []
        for (index, provider) in file.providers.enumerated() {
            let place = "\(path): providers[\(index)]"
            if provider.id.isEmpty || provider.id.count > 40
                || !provider.id.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "-" })
                || !provider.id.unicodeScalars.allSatisfy(\.isASCII)
            {
                problems.append("\(place).id: '\(provider.id)' must be 1–40 letters, digits or '-'")
            }
            if !seen.insert(provider.id).inserted {
                problems.append("\(place).id: '\(provider.id)' is used twice")
            }
            if provider.name.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append("\(place).name: is empty")
            }
            if let url = URL(string: provider.issuer), let scheme = url.scheme, url.host != nil,
                scheme == "https" || (scheme == "http" && ["127.0.0.1", "localhost", "::1"].contains(url.host!))
            {
            } else {
                problems.append(
                    "\(place).issuer: '\(provider.issuer)' is not an https URL (http only on this machine, for tests)")
            }
            if provider.clientId.isEmpty { problems.append("\(place).clientId: is empty") }
            if provider.clientSecret.isEmpty { problems.append("\(place).clientSecret: is empty") }
            if !provider.scopes.contains("openid") { problems.append("\(place).scopes: must include \"openid\"") }
            if provider.match.isEmpty { problems.append("\(place).match: name at least one of email, username") }
        }
        guard problems.isEmpty else { return .failure(ConfigurationError(problems: problems)) }
        return .success(SingleSignOnConfiguration(providers: file.providers))
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            let place = path(context)
            return "\(place.isEmpty ? "" : place + ": ")\"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            let place = path(context)
            return "\(place.isEmpty ? "not valid JSON" : place): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

import AsyncHTTPClient
import Foundation
import JWTKit
import NIOCore
import NIOHTTP1

/// Talks to OpenID Connect providers: their discovery documents and keys (kept for an hour; keys are fetched
/// again at once when a token names one not seen yet, as providers rotate them) and the code exchange.
actor OpenIDProviderClient {
    /// The parts of a discovery document that sign-in uses.
    struct Discovery: Decodable, Sendable {
        var issuer: String
        var authorizationEndpoint: String
        var tokenEndpoint: String
        var jwksURI: String
        var tokenEndpointAuthMethodsSupported: [String]?

        enum CodingKeys: String, CodingKey {
            case issuer
            case authorizationEndpoint = "authorization_endpoint"
            case tokenEndpoint = "token_endpoint"
            case jwksURI = "jwks_uri"
            case tokenEndpointAuthMethodsSupported = "token_endpoint_auth_methods_supported"
        }
    }

    /// A provider that does not answer, or answers what is not OpenID Connect.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private struct Cached {
        var discovery: Discovery
        var keys: JWTKeyCollection
        var fetchedAt: Date
    }

    private var cache: [String: Cached] = [:]
    private let http: HTTPClient
    static let lifetime: TimeInterval = 3600
    static let timeout: TimeAmount = .seconds(10)
    static let maxBody = 1 << 20

    init(http: HTTPClient = .shared) { self.http = http }

    /// The provider's discovery document; its `issuer` must be exactly the configured one.
    func discovery(_ provider: SingleSignOnConfiguration.Provider, now: Date) async throws -> Discovery {
        try await cached(provider, now: now).discovery
    }

    func keys(
        _ provider: SingleSignOnConfiguration.Provider, now: Date, refresh: Bool = false
    ) async throws
        -> JWTKeyCollection
    {
        if refresh, let entry = cache[provider.id] {
            let keys = try await fetchKeys(entry.discovery.jwksURI)
            cache[provider.id]?.keys = keys
            return keys
        }
        return try await cached(provider, now: now).keys
    }

    private func cached(_ provider: SingleSignOnConfiguration.Provider, now: Date) async throws -> Cached {
        if let entry = cache[provider.id], now.timeIntervalSince(entry.fetchedAt) < Self.lifetime { return entry }
        let base = provider.issuer.hasSuffix("/") ? String(provider.issuer.dropLast()) : provider.issuer
        let data = try await get(base + "/.well-known/openid-configuration")
        let discovery: Discovery
        do {
            discovery = try JSONDecoder().decode(Discovery.self, from: data)
        } catch {
            throw Failure(description: "its discovery document is not OpenID Connect (\(error))")
        }
        guard discovery.issuer == provider.issuer else {
            throw Failure(description: "its discovery document names the issuer '\(discovery.issuer)'")
        }
        let entry = Cached(discovery: discovery, keys: try await fetchKeys(discovery.jwksURI), fetchedAt: now)
        cache[provider.id] = entry
        return entry
    }

    private func fetchKeys(_ uri: String) async throws -> JWTKeyCollection {
        let data = try await get(uri)
        let keys = JWTKeyCollection()
        // Keys of kinds jwt-kit does not know (or encryption keys) are left out, not fatal.
        guard let set = try? JSONDecoder().decode(JWKS.self, from: data) else {
            throw Failure(description: "its key set (\(uri)) is not a JWKS")
        }
        for key in set.keys where key.keyIdentifier != nil { _ = try? await keys.add(jwk: key) }
        return keys
    }

    /// Exchanges an authorization code for the ID token (client_secret_post, or client_secret_basic when the
    /// provider supports only that), sending the PKCE verifier.
    func exchange(
        code: String, verifier: String, redirectURI: String, provider: SingleSignOnConfiguration.Provider,
        discovery: Discovery
    ) async throws -> String {
        var form = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI),
            ("code_verifier", verifier), ("client_id", provider.clientId),
        ]
        var request = HTTPClientRequest(url: discovery.tokenEndpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        let methods = discovery.tokenEndpointAuthMethodsSupported ?? ["client_secret_basic"]
        if methods.contains("client_secret_post") {
            form.append(("client_secret", provider.clientSecret))
        } else {
            let pair = "\(Self.formEncode(provider.clientId)):\(Self.formEncode(provider.clientSecret))"
            request.headers.add(name: "Authorization", value: "Basic " + Data(pair.utf8).base64EncodedString())
        }
        request.body = .bytes(ByteBuffer(string: form.map { "\($0)=\(Self.formEncode($1))" }.joined(separator: "&")))
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: Self.timeout)
        } catch {
            throw Failure(description: "its token endpoint did not answer (\(error))")
        }
        let body = try await response.body.collect(upTo: Self.maxBody)
        struct Tokens: Decodable {
            var idToken: String?
            var error: String?
            var errorDescription: String?
            enum CodingKeys: String, CodingKey {
                case idToken = "id_token"
                case error
                case errorDescription = "error_description"
            }
        }
        let tokens = try? JSONDecoder().decode(Tokens.self, from: Data(body.readableBytesView))
        guard response.status == .ok, let idToken = tokens?.idToken else {
            let reason = [tokens?.error, tokens?.errorDescription].compactMap { $0 }.joined(separator: ": ")
            throw Failure(
                description:
                    "its token endpoint refused the code (\(response.status.code)\(reason.isEmpty ? "" : ", " + reason))"
            )
        }
        return idToken
    }

    private func get(_ url: String) async throws -> Data {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: Self.timeout)
        } catch {
            throw Failure(description: "\(url) did not answer (\(error))")
        }
        guard response.status == .ok else { throw Failure(description: "\(url) answered \(response.status.code)") }
        return Data(try await response.body.collect(upTo: Self.maxBody).readableBytesView)
    }

    /// `application/x-www-form-urlencoded` (RFC 6749 appendix B).
    static func formEncode(_ text: String) -> String {
        let allowed = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

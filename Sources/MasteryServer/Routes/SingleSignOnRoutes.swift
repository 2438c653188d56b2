import Crypto
import Foundation
import Hummingbird
import JWTKit
import Logging
import MasteryCore
import MasteryStore

/// Single sign-on with OpenID Connect (authorization code flow with PKCE): `/sso/{provider}` sends the
/// browser to the provider; `/sso/callback/{provider}` takes it back, exchanges the code, checks the ID token
/// and signs in the existing account it names. Every refusal is audited.
struct SingleSignOnRoutes {
    let services: AppServices
    var store: Store { services.store }

    /// The browser that started a sign-in must be the one that finishes it (no signing someone in as
    /// another person with a stolen callback address).
    static let cookie = "masterly_sso"
    static let attemptLifetime: TimeInterval = 600

    func register(on router: Router<AppRequestContext>) {
        router.get("/sso/{provider}") { request, context in try await start(request, context) }
        router.get("/sso/callback/{provider}") { request, context in try await finish(request, context) }
    }

    func provider(_ context: AppRequestContext) throws -> SingleSignOnConfiguration.Provider {
        let id = try context.parameters.require("provider")
        guard let provider = services.configuration.singleSignOn.provider(id) else {
            throw AppError.notFound("The sign-in provider")
        }
        return provider
    }

    /// Where the provider sends the browser back: the configured public address, else this request's host.
    func redirectURI(_ provider: SingleSignOnConfiguration.Provider, request: Request) -> String {
        services.publicBase(request) + "/sso/callback/" + provider.id
    }

    func start(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let provider = try provider(context)
        if context.user != nil { return HTMLResponse.redirect("/") }
        let now = services.clock()
        let discovery: OpenIDProviderClient.Discovery
        do {
            discovery = try await services.openID.discovery(provider, now: now)
        } catch {
            services.logger.warning("single sign-on: \(provider.id) \(error)")
            return problem(.unavailable(provider: provider.name), context, request, status: .serviceUnavailable)
        }
        let attempt = Store.SingleSignOnAttempt(
            provider: provider.id, nonce: Store.newSecret(), verifier: Store.newSecret())
        let state = try await store.beginSingleSignOn(
            attempt, at: now, expiresAt: now.addingTimeInterval(Self.attemptLifetime))
        let query: [(String, String)] = [
            ("response_type", "code"), ("client_id", provider.clientId),
            ("redirect_uri", redirectURI(provider, request: request)),
            ("scope", provider.scopes.joined(separator: " ")), ("state", state), ("nonce", attempt.nonce),
            ("code_challenge", Self.challenge(attempt.verifier)), ("code_challenge_method", "S256"),
        ]
        let separator = discovery.authorizationEndpoint.contains("?") ? "&" : "?"
        let location =
            discovery.authorizationEndpoint + separator
            + query.map { "\($0)=\(OpenIDProviderClient.formEncode($1))" }.joined(separator: "&")
        var response = HTMLResponse.redirect(location)
        response.setCookie(
            Cookie(
                name: Self.cookie, value: state, maxAge: Int(Self.attemptLifetime), path: "/sso/",
                secure: services.configuration.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    func finish(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let provider = try provider(context)
        let now = services.clock()
        let query = request.uri.queryParameters
        let state = query["state"].map(String.init) ?? ""
        // The attempt is used up whatever happens next.
        let attempt = state.isEmpty ? nil : try await store.takeSingleSignOn(state: state, at: now)
        if let error = query["error"] {
            try await audit(provider, "cancelled at the provider: \(String(error).prefix(100))")
            return problem(.cancelled(provider: provider.name), context, request, status: .unauthorized)
        }
        guard let attempt, attempt.provider == provider.id, request.cookies[Self.cookie]?.value == state,
            let code = query["code"].map(String.init), !code.isEmpty
        else {
            try await audit(provider, "unknown, expired or used state, or another browser")
            return problem(.expired, context, request, status: .badRequest)
        }
        let claims: IDTokenClaims
        do {
            let discovery = try await services.openID.discovery(provider, now: now)
            let token = try await services.openID.exchange(
                code: code, verifier: attempt.verifier, redirectURI: redirectURI(provider, request: request),
                provider: provider, discovery: discovery)
            claims = try await verify(token, provider: provider, discovery: discovery, nonce: attempt.nonce, now: now)
        } catch let problem as IDTokenProblem {
            try await audit(provider, "ID token refused: \(problem)")
            return self.problem(.refused(provider: provider.name), context, request, status: .unauthorized)
        } catch {
            services.logger.warning("single sign-on: \(provider.id) \(error)")
            try await audit(provider, "provider failed: \(String(describing: error).prefix(200))")
            return problem(.unavailable(provider: provider.name), context, request, status: .badGateway)
        }
        guard let person = try await match(claims, provider: provider) else {
            let identity = claims.email ?? claims.preferredUsername ?? claims.sub
            try await audit(provider, "no active account matches \(identity) (sub \(claims.sub))")
            return problem(
                .noAccount(provider: provider.name, identity: identity), context, request, status: .forbidden)
        }
        try await store.audit(
            at: now, actor: person.id, action: "sso.sign-in", student: nil, subject: "person \(person.id.rawValue)",
            detail: "signed in with \(provider.id) as \(claims.email ?? claims.preferredUsername ?? claims.sub)")
        var response = try await SessionStart(services: services).redirect(person)
        response.setCookie(
            Cookie(
                name: Self.cookie, value: "", maxAge: 0, path: "/sso/", secure: services.configuration.secureCookies,
                httpOnly: true, sameSite: .lax))
        return response
    }

    /// Checks the token against the provider's keys, fetching them again once when it names a key not seen
    /// yet (providers rotate keys).
    func verify(
        _ token: String, provider: SingleSignOnConfiguration.Provider, discovery: OpenIDProviderClient.Discovery,
        nonce: String, now: Date
    ) async throws -> IDTokenClaims {
        for refresh in [false, true] {
            let keys = try await services.openID.keys(provider, now: now, refresh: refresh)
            let outcome = await Self.check(
                token, keys: keys, issuer: discovery.issuer, clientID: provider.clientId, nonce: nonce, now: now)
            switch outcome {
            case .success(let claims): return claims
            case .failure(.signature) where !refresh: continue
            case .failure(let problem): throw problem
            }
        }
        throw IDTokenProblem.signature
    }

    static func check(
        _ token: String, keys: JWTKeyCollection, issuer: String, clientID: String, nonce: String, now: Date
    ) async -> Result<IDTokenClaims, IDTokenProblem> {
        do {
            return .success(
                try await IDTokenCheck.verify(
                    token, keys: keys, issuer: issuer, clientID: clientID, nonce: nonce, now: now))
        } catch {
            return .failure(error)
        }
    }

    /// The one active account the identity names, by the provider's match rules in order; nil when none, or
    /// when a rule finds more than one (never guess between people).
    func match(_ claims: IDTokenClaims, provider: SingleSignOnConfiguration.Provider) async throws -> Person? {
        for rule in provider.match {
            let found: [Person]
            switch rule {
            case .email:
                guard let email = claims.email, !email.isEmpty, claims.emailVerified != false else { continue }
                let domain = email.split(separator: "@").last.map { $0.lowercased() } ?? ""
                if !provider.emailDomains.isEmpty, !provider.emailDomains.map({ $0.lowercased() }).contains(domain) {
                    continue
                }
                found = try await store.people(email: email)
            case .username:
                guard let name = claims.preferredUsername, !name.isEmpty else { continue }
                found = try await store.people(usernameOrSourcedID: name)
            }
            if found.count == 1, let person = found.first { return person.isActive ? person : nil }
            if found.count > 1 { return nil }
        }
        return nil
    }

    func audit(_ provider: SingleSignOnConfiguration.Provider, _ detail: String) async throws {
        try await store.audit(
            at: services.clock(), actor: Person.ID("sso:\(provider.id)"), action: "sso.refused", student: nil,
            subject: "sign-in with \(provider.id)", detail: detail)
    }

    func problem(
        _ problem: SignOnProblemPage.Problem, _ context: AppRequestContext, _ request: Request,
        status: HTTPResponse.Status
    ) -> Response {
        HTMLResponse.render(
            SignOnProblemPage(problem: problem).render(PageContext(context, path: request.uri.path)), status: status)
    }

    /// PKCE S256: base64url(SHA-256(verifier)) without padding.
    static func challenge(_ verifier: String) -> String {
        Data(SHA256.hash(data: Data(verifier.utf8))).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

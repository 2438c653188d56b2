import Foundation
import HTTPTypes
import Hummingbird
import MasteryCore
import MasteryStore

/// Signing in and out with a password, and API tokens.
struct AuthRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get("/login") { request, context in
            if context.user != nil { return HTMLResponse.redirect("/") }
            let page = LoginPage(
                isDemo: services.isDemo, needsSetup: !(try await services.store.hasAdministrator()),
                providers: services.signOnProviders)
            return HTMLResponse.render(page.render(PageContext(context, path: "/login")))
        }
        router.post("/login") { request, context in try await login(request, context) }
        router.post("/logout") { request, context in
            if let secret = context.sessionSecret { try await services.store.revoke(secret, kind: .session) }
            var response = HTMLResponse.redirect("/login")
            response.setCookie(Cookies.clearedSession(secure: services.configuration.secureCookies))
            return response
        }
        router.post("/api/v1/sessions") { request, context in try await apiLogin(request, context) }
    }

    var gate: SignInGate { SignInGate(store: services.store, clock: services.clock) }

    /// The person for these credentials, or nil; takes about as long either way (an unknown username is
    /// checked against a hash of the same cost as the stored ones). The throttles are asked first and told
    /// the outcome. A password with NUL never matches: bcrypt would stop reading at it.
    func authenticate(
        username: String, password: String, request: Request, context: AppRequestContext
    ) async throws -> Person? {
        let attempt = SignInGate.Attempt(
            account: username,
            address: SignInGate.clientAddress(
                peer: context.peerAddress, forwardedFor: request.headers[.init("X-Forwarded-For")!],
                trustProxy: services.configuration.trustProxy))
        try await gate.admit(attempt)
        let found = try await services.store.credentials(username: username)
        let hash: String
        if let found {
            hash = found.passwordHash
        } else {
            hash = try await Passwords.decoy(likeCostOf: try await services.store.anyPasswordHash())
        }
        let matches = try await Passwords.verify(password, hash: hash) && !password.unicodeScalars.contains("\u{0}")
        guard let found, matches else {
            try await gate.failed(attempt)
            return nil
        }
        try await gate.succeeded(attempt)
        return found.person
    }

    func login(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let username = context.form.text("username") ?? ""
        let password = context.form["password"] ?? ""
        let page = PageContext(context, path: "/login")
        guard !username.isEmpty, !password.isEmpty else {
            return HTMLResponse.render(
                LoginPage(
                    username: username, error: "Enter your username and your password.", isDemo: services.isDemo,
                    providers: services.signOnProviders
                )
                .render(page),
                status: .unprocessableContent)
        }
        guard
            let person = try await authenticate(
                username: username, password: password, request: request, context: context)
        else {
            return HTMLResponse.render(
                LoginPage(
                    username: username, error: "That username and password do not match. Please try again.",
                    isDemo: services.isDemo, providers: services.signOnProviders
                )
                .render(page), status: .unauthorized)
        }
        return try await SessionStart(services: services).redirect(person)
    }

    struct Credentials: Decodable {
        var username: String
        var password: String
    }

    struct TokenResponse: Encodable {
        var token: String
        var user: UserSummary
        var expiresAt: Date
    }

    func apiLogin(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let credentials: Credentials
        do {
            credentials = try await request.decode(as: Credentials.self, context: context)
        } catch {
            throw AppError.invalid(message: "Send JSON with a username and a password.", field: "username")
        }
        try InputRules.check(credentials.username, field: "username")
        guard
            let person = try await authenticate(
                username: credentials.username, password: credentials.password, request: request, context: context)
        else {
            throw AppError.unauthorized("That username and password do not match.")
        }
        let now = services.clock()
        let expires = now.addingTimeInterval(30 * 86_400)
        try await services.store.pruneExpired(at: now)
        try await services.store.recordSignIn(person.id, at: now)
        let token = try await services.store.issue(.apiToken, for: person.id, at: now, expiresAt: expires)
        return APIResponse.json(
            TokenResponse(token: token, user: UserSummary(person), expiresAt: expires), status: .created)
    }
}

/// A person as the API shows them.
struct UserSummary: Codable, Equatable {
    var id: String
    var role: String
    var name: String

    init(_ person: Person) {
        id = person.id.rawValue
        role = person.role.rawValue
        name = person.displayName
    }
}

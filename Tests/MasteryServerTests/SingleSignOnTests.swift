import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

/// Single sign-on: ID-token checks, the provider file, matching identities to accounts, and the routes'
/// refusals. The whole flow against a real OpenID provider runs in the browser tests (Tests/e2e).
@Suite("Single sign-on (OpenID Connect)")
struct SingleSignOnTests {
    static let issuer = "https://id.example.org"
    static let now = Date(timeIntervalSince1970: 1_795_426_200)

    /// A provider key pair and its published key set, as a provider's JWKS would carry it.
    static func keys(kid: String) async throws -> (signer: JWTKeyCollection, published: JWTKeyCollection) {
        let key = ES256PrivateKey()
        let signer = JWTKeyCollection()
        await signer.add(ecdsa: key, kid: JWKIdentifier(string: kid))
        let parameters = try #require(key.parameters)
        let jwks = """
            {"keys":[{"kty":"EC","crv":"P-256","alg":"ES256","use":"sig","kid":"\(kid)",\
            "x":"\(parameters.x)","y":"\(parameters.y)"}]}
            """
        let published = JWTKeyCollection()
        try await published.add(jwksJSON: jwks)
        return (signer, published)
    }

    static func claims(
        iss: String = issuer, aud: [String] = ["masterly"], exp: Date = now.addingTimeInterval(600),
        iat: Date = now, nonce: String? = "n-1"
    ) -> IDTokenClaims {
        IDTokenClaims(
            iss: iss, sub: "42", aud: aud, exp: exp, iat: iat, nonce: nonce, email: "teacher@school-1.example.org",
            emailVerified: true, preferredUsername: "teacher")
    }

    static func check(_ token: String, keys: JWTKeyCollection) async -> Result<IDTokenClaims, IDTokenProblem> {
        await SingleSignOnRoutes.check(
            token, keys: keys, issuer: issuer, clientID: "masterly", nonce: "n-1", now: now)
    }

    @Test("A token signed by the provider's key, for this client, in time and with our nonce is accepted")
    func acceptsGoodToken() async throws {
        let (signer, published) = try await Self.keys(kid: "k1")
        let token = try await signer.sign(Self.claims(), kid: JWKIdentifier(string: "k1"))
        let claims = try await Self.check(token, keys: published).get()
        #expect(claims.email == "teacher@school-1.example.org")
        #expect(claims.preferredUsername == "teacher")
    }

    @Test("Wrong signature, issuer, audience, nonce, expired or future tokens are each refused for their reason")
    func refusesBadTokens() async throws {
        let (signer, published) = try await Self.keys(kid: "k1")
        let (stranger, _) = try await Self.keys(kid: "k1")
        func sign(_ claims: IDTokenClaims, with keys: JWTKeyCollection) async throws -> String {
            try await keys.sign(claims, kid: JWKIdentifier(string: "k1"))
        }
        let forged = try await sign(Self.claims(), with: stranger)
        #expect(await Self.check(forged, keys: published) == .failure(.signature))
        let tampered = try await sign(Self.claims(), with: signer).split(separator: ".")
        let otherPayload = try await sign(Self.claims(aud: ["other", "masterly"]), with: signer).split(separator: ".")
        #expect(
            await Self.check([tampered[0], otherPayload[1], tampered[2]].joined(separator: "."), keys: published)
                == .failure(.signature))
        #expect(
            await Self.check(try await sign(Self.claims(iss: "https://evil.example"), with: signer), keys: published)
                == .failure(.issuer("https://evil.example")))
        #expect(
            await Self.check(try await sign(Self.claims(aud: ["someone-else"]), with: signer), keys: published)
                == .failure(.audience))
        #expect(
            await Self.check(
                try await sign(Self.claims(exp: Self.now.addingTimeInterval(-600)), with: signer), keys: published)
                == .failure(.expired))
        #expect(
            await Self.check(
                try await sign(Self.claims(iat: Self.now.addingTimeInterval(3600)), with: signer), keys: published)
                == .failure(.issuedInFuture))
        #expect(
            await Self.check(try await sign(Self.claims(nonce: "replayed"), with: signer), keys: published)
                == .failure(.nonce))
        #expect(
            await Self.check(try await sign(Self.claims(nonce: nil), with: signer), keys: published)
                == .failure(.nonce))
        #expect(await Self.check("not.a.token", keys: published) == .failure(.signature))
        // An unsigned token ("alg": "none") is never accepted.
        let header = Data(#"{"alg":"none","kid":"k1"}"#.utf8).base64EncodedString()
        let body = tampered[1]
        #expect(await Self.check("\(header).\(body).", keys: published) == .failure(.signature))
    }

    @Test("The provider file: read once, every problem named with its place")
    func configurationFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sso-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let good = folder.appendingPathComponent("good.json")
        try Data(
            """
            {"providers": [{"id": "google", "name": "Google", "issuer": "https://accounts.google.com",
              "clientId": "c", "clientSecret": "s", "emailDomains": ["district.org"]}]}
            """.utf8
        ).write(to: good)
        let sso = try SingleSignOnConfiguration.load(path: good.path).get()
        #expect(sso.provider("google")?.match == [.email])
        #expect(sso.provider("google")?.scopes == ["openid", "email", "profile"])
        let bad = folder.appendingPathComponent("bad.json")
        try Data(
            """
            {"providers": [{"id": "a b", "name": "", "issuer": "http://id.example.org", "clientId": "",
              "clientSecret": "s", "scopes": ["email"], "match": []}]}
            """.utf8
        ).write(to: bad)
        guard case .failure(let error) = SingleSignOnConfiguration.load(path: bad.path) else {
            Issue.record("a bad file was accepted")
            return
        }
        let text = error.problems.joined(separator: "\n")
        for place in [
            "providers[0].id", "providers[0].name", "providers[0].issuer", "providers[0].clientId",
            "providers[0].scopes", "providers[0].match",
        ] {
            #expect(text.contains("bad.json: \(place)"), "\(place) not named in: \(text)")
        }
        let missing = folder.appendingPathComponent("missing.json")
        try Data(#"{"providers": [{"id": "x", "name": "X"}]}"#.utf8).write(to: missing)
        guard case .failure(let missingError) = SingleSignOnConfiguration.load(path: missing.path) else {
            Issue.record("a file without an issuer was accepted")
            return
        }
        #expect(missingError.problems.first?.contains("providers[0]: \"issuer\" is missing") == true)
        let resolved = try ServerConfiguration.resolve(
            flags: [:],
            environment: ["MASTERLY_SSO_CONFIG": good.path, "MASTERLY_PUBLIC_URL": "https://m.example.org/"])
        #expect(resolved.singleSignOn.providers.map(\.id) == ["google"])
        #expect(resolved.publicURL == "https://m.example.org")
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.resolve(flags: [:], environment: ["MASTERLY_SSO_CONFIG": bad.path])
        }
    }

    @Test(
        "Identities match one active account by verified email (in the allowed domains) or by username; never a guess")
    func matching() async throws {
        try await withOwnApp(adjust: { _ in }) { _, services in
            let store = services.store
            let teacher = try #require(try await store.person(username: "teacher"))
            let teacher2 = try #require(try await store.person(username: "teacher2"))
            try await store.update(teacher, email: "Teacher@School-1.example.org", by: "p-admin", at: TestSchool.now)
            let routes = SingleSignOnRoutes(services: services)
            let byEmail = SingleSignOnConfiguration.Provider(
                id: "p", name: "P", issuer: Self.issuer, clientId: "masterly", clientSecret: "s")
            var claims = Self.claims()
            #expect(try await routes.match(claims, provider: byEmail)?.id == teacher.id)
            claims.emailVerified = false
            #expect(try await routes.match(claims, provider: byEmail) == nil)
            claims.emailVerified = nil
            var domains = byEmail
            domains.emailDomains = ["district.org"]
            #expect(try await routes.match(claims, provider: domains) == nil)
            // The username rule only when the provider is set to use it.
            claims.email = "nobody@school-1.example.org"
            #expect(try await routes.match(claims, provider: byEmail) == nil)
            var byUsername = byEmail
            byUsername.match = [.email, .username]
            #expect(try await routes.match(claims, provider: byUsername)?.id == teacher.id)
            // Two people with one email: refused rather than guessed.
            try await store.update(teacher2, email: "teacher@school-1.example.org", by: "p-admin", at: TestSchool.now)
            claims.email = "teacher@school-1.example.org"
            #expect(try await routes.match(claims, provider: byEmail) == nil)
            // A deactivated account is never signed in.
            try await store.update(teacher2, email: nil, by: "p-admin", at: TestSchool.now)
            var inactive = teacher
            inactive.isActive = false
            try await store.update(inactive, email: "teacher@school-1.example.org", by: "p-admin", at: TestSchool.now)
            #expect(try await routes.match(claims, provider: byEmail) == nil)
        }
    }

    @Test(
        "An attempt is used once; a callback without the browser's cookie, or with a used state, is refused and audited"
    )
    func callbackRefusals() async throws {
        let sso = SingleSignOnConfiguration(providers: [
            .init(
                id: "school", name: "School ID", issuer: "http://127.0.0.1:9/openid", clientId: "masterly",
                clientSecret: "s")
        ])
        var configuration = ServerConfiguration()
        configuration.singleSignOn = sso
        try await withOwnApp(adjust: { _ in }, configuration: configuration) { client, services in
            let store = services.store
            let state = try await store.beginSingleSignOn(
                .init(provider: "school", nonce: "n", verifier: "v"), at: TestSchool.now,
                expiresAt: TestSchool.now.addingTimeInterval(600))
            // The sign-in page offers the provider.
            let login = try await client.execute(uri: "/login", method: .get)
            #expect(String(buffer: login.body).contains("Sign in with School ID"))
            #expect(try await client.execute(uri: "/sso/nowhere", method: .get).status == .notFound)
            // The provider does not answer (nothing listens on port 9): a page that says so, not a 500.
            let start = try await client.execute(uri: "/sso/school", method: .get)
            #expect(start.status == .serviceUnavailable)
            #expect(String(buffer: start.body).contains("School ID is not answering"))
            // Another browser (no cookie) with a real state: refused, and the state is used up.
            let stolen = try await client.execute(uri: "/sso/callback/school?code=c&state=\(state)", method: .get)
            #expect(stolen.status == .badRequest)
            #expect(String(buffer: stolen.body).contains("This sign-in has expired"))
            let again = try await client.execute(
                uri: "/sso/callback/school?code=c&state=\(state)", method: .get,
                headers: [.cookie: "\(SingleSignOnRoutes.cookie)=\(state)"])
            #expect(again.status == .badRequest)
            let cancelled = try await client.execute(
                uri: "/sso/callback/school?error=access_denied&state=x", method: .get)
            #expect(cancelled.status == .unauthorized)
            #expect(try await store.takeSingleSignOn(state: state, at: TestSchool.now) == nil)
            let refusals = try await store.auditLog(AuditQuery(actionPrefix: "sso.refused"))
            #expect(refusals.count == 3)
            #expect(refusals.contains { $0.detail.contains("another browser") })
            #expect(refusals.contains { $0.detail.contains("access_denied") })
        }
    }
}

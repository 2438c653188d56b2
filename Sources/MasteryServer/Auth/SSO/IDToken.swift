import Foundation
import JWTKit

/// The claims of an OpenID Connect ID token that Masterly reads.
struct IDTokenClaims: JWTPayload, Equatable {
    var iss: String
    var sub: String
    var aud: AudienceClaim
    var exp: Date
    var iat: Date?
    var nonce: String?
    var email: String?
    var emailVerified: Bool?
    var preferredUsername: String?
    var name: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, iat, nonce, email, name
        case emailVerified = "email_verified"
        case preferredUsername = "preferred_username"
    }

    init(
        iss: String, sub: String, aud: [String], exp: Date, iat: Date? = nil, nonce: String? = nil,
        email: String? = nil, emailVerified: Bool? = nil, preferredUsername: String? = nil, name: String? = nil
    ) {
        self.iss = iss
        self.sub = sub
        self.aud = AudienceClaim(value: aud)
        self.exp = exp
        self.iat = iat
        self.nonce = nonce
        self.email = email
        self.emailVerified = emailVerified
        self.preferredUsername = preferredUsername
        self.name = name
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        iss = try c.decode(String.self, forKey: .iss)
        sub = try c.decode(String.self, forKey: .sub)
        aud = try c.decode(AudienceClaim.self, forKey: .aud)
        exp = Date(timeIntervalSince1970: try c.decode(Double.self, forKey: .exp))
        iat = try c.decodeIfPresent(Double.self, forKey: .iat).map(Date.init(timeIntervalSince1970:))
        nonce = try c.decodeIfPresent(String.self, forKey: .nonce)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        preferredUsername = try c.decodeIfPresent(String.self, forKey: .preferredUsername)
        // Some providers send "true" as a string.
        if let flag = try? c.decodeIfPresent(Bool.self, forKey: .emailVerified) {
            emailVerified = flag
        } else if let text = try? c.decodeIfPresent(String.self, forKey: .emailVerified) {
            emailVerified = text.lowercased() == "true"
        } else {
            emailVerified = nil
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(iss, forKey: .iss)
        try c.encode(sub, forKey: .sub)
        try c.encode(aud, forKey: .aud)
        try c.encode(Int(exp.timeIntervalSince1970), forKey: .exp)
        try c.encodeIfPresent(iat.map { Int($0.timeIntervalSince1970) }, forKey: .iat)
        try c.encodeIfPresent(nonce, forKey: .nonce)
        try c.encodeIfPresent(email, forKey: .email)
        try c.encodeIfPresent(emailVerified, forKey: .emailVerified)
        try c.encodeIfPresent(preferredUsername, forKey: .preferredUsername)
        try c.encodeIfPresent(name, forKey: .name)
    }

    /// The claims are checked by `IDTokenCheck` against the request's clock, not here.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// Why an ID token was refused (each is audited).
enum IDTokenProblem: Error, Equatable, CustomStringConvertible {
    case signature
    case issuer(String)
    case audience
    case expired
    case issuedInFuture
    case nonce

    var description: String {
        switch self {
        case .signature: "the signature does not match the provider's keys"
        case .issuer(let issuer): "it was issued by '\(issuer)', not the configured issuer"
        case .audience: "it was not issued for this client"
        case .expired: "it has expired"
        case .issuedInFuture: "it was issued in the future"
        case .nonce: "its nonce is not the one this sign-in sent"
        }
    }
}

/// Checks an ID token as OpenID Connect Core §3.1.3.7 asks: the signature against the provider's published
/// keys (JWKS), then `iss`, `aud`, `exp`, `iat` and `nonce`.
enum IDTokenCheck {
    /// Clocks of two servers differ a little.
    static let leeway: TimeInterval = 120

    static func verify(
        _ token: String, keys: JWTKeyCollection, issuer: String, clientID: String, nonce: String, now: Date
    ) async throws(IDTokenProblem) -> IDTokenClaims {
        let claims: IDTokenClaims
        do {
            claims = try await keys.verify(token, as: IDTokenClaims.self)
        } catch {
            throw .signature
        }
        guard claims.iss == issuer else { throw .issuer(claims.iss) }
        guard claims.aud.value.contains(clientID) else { throw .audience }
        guard claims.exp.addingTimeInterval(leeway) > now else { throw .expired }
        if let iat = claims.iat, iat > now.addingTimeInterval(leeway) { throw .issuedInFuture }
        guard let sent = claims.nonce, sent == nonce else { throw .nonce }
        return claims
    }
}

import Crypto
import Foundation
import MasteryCore
import SQLKit

/// Login sessions and API tokens. The secret goes to the client; only its SHA-256 hash is stored, so a
/// leaked database cannot be used to sign in.
extension Store {
    public enum CredentialKind: String, Sendable {
        case session = "sessions"
        case apiToken = "api_tokens"
    }

    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A new random secret (256 bits, URL-safe).
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Stores a new session or token for `person`, valid until `expiresAt`; returns the secret to hand out.
    public func issue(
        _ kind: CredentialKind, for person: Person.ID, at now: Date, expiresAt: Date
    ) async throws -> String {
        let secret = Self.newSecret()
        try await driver.withConnection { db in
            try await db.raw(
                """
                INSERT INTO \(unsafeRaw: kind.rawValue) (token_hash, person_id, created_at, expires_at) VALUES \
                (\(bind: Self.hash(secret)), \(bind: person.rawValue), \(bind: now.timeIntervalSince1970), \
                \(bind: expiresAt.timeIntervalSince1970))
                """
            ).run()
            // A browser sign-in is a visit: the one before it is what "since your last visit" counts from.
            if kind == .session {
                try await db.raw(
                    """
                    UPDATE people SET previous_visit_at = last_visit_at, \
                    last_visit_at = \(bind: now.timeIntervalSince1970) WHERE id = \(bind: person.rawValue)
                    """
                ).run()
            }
        }
        return secret
    }

    /// The person a secret belongs to, if it exists and has not expired.
    public func person(holding secret: String, kind: CredentialKind, at now: Date) async throws -> Person? {
        try await signedIn(holding: secret, kind: kind, at: now)?.person
    }

    /// When the person signed in before their latest sign-in, if they had.
    public func previousVisit(of person: Person.ID) async throws -> Date? {
        try await driver.withConnection { db in
            try await db.raw("SELECT previous_visit_at FROM people WHERE id = \(bind: person.rawValue)").first()?
                .optionalDate("previous_visit_at")
        }
    }

    /// Who holds a secret, read together with the change version (`changeVersion()`) in one query: a request
    /// that finds its user also knows whether what it cached is still current. A request about one section
    /// (its gradebook) names it and gets the section's own version (`sectionVersion`) from the same query.
    public func signedIn(
        holding secret: String, kind: CredentialKind, at now: Date, section: Section.ID? = nil
    ) async throws -> SignedIn? {
        try await driver.withConnection { db in
            let sectionVersion: SQLQueryString =
                section.map { ", (SELECT version FROM sections WHERE id = \(bind: $0.rawValue)) AS section_version" }
                ?? ""
            guard
                let row = try await db.raw(
                    """
                    SELECT people.*, (SELECT version FROM change_counter WHERE id = 1) AS change_version\(sectionVersion) \
                    FROM people JOIN \(unsafeRaw: kind.rawValue) AS credential ON credential.person_id = people.id
                    WHERE credential.token_hash = \(bind: Self.hash(secret)) \
                    AND credential.expires_at > \(bind: now.timeIntervalSince1970) AND people.active = 1
                    """
                ).first()
            else { return nil }
            let version = try row.decode(column: "change_version", as: Int?.self) ?? 0
            var holder = SignedIn(person: try Rows.person(row), changeVersion: Int64(version))
            if section != nil {
                holder.sectionVersion = Int64(try row.decode(column: "section_version", as: Int?.self) ?? 0)
            }
            return holder
        }
    }

    /// A signed-in person and the change version at the moment they were looked up.
    public struct SignedIn: Sendable {
        public var person: Person
        public var changeVersion: Int64
        /// The version of the section the lookup named, from the same query.
        public var sectionVersion: Int64?
    }

    public func revoke(_ secret: String, kind: CredentialKind) async throws {
        try await driver.withConnection { db in
            try await db.raw("DELETE FROM \(unsafeRaw: kind.rawValue) WHERE token_hash = \(bind: Self.hash(secret))")
                .run()
        }
    }

    /// Removes expired sessions and tokens; returns how many.
    @discardableResult
    public func pruneExpired(at now: Date) async throws -> Int {
        try await driver.withConnection { db in
            var removed = 0
            for kind in [CredentialKind.session, .apiToken] {
                let count =
                    try await db.raw(
                        "SELECT COUNT(*) AS n FROM \(unsafeRaw: kind.rawValue) WHERE expires_at <= \(bind: now.timeIntervalSince1970)"
                    ).first()?.int("n") ?? 0
                try await db.raw(
                    "DELETE FROM \(unsafeRaw: kind.rawValue) WHERE expires_at <= \(bind: now.timeIntervalSince1970)"
                ).run()
                removed += count
            }
            return removed
        }
    }

    /// A person's API tokens, without their secrets: `id` is the start of the token's stored hash.
    public struct TokenSummary: Sendable, Equatable, Codable {
        public var id: String
        public var createdAt: Date
        public var expiresAt: Date
    }

    public func apiTokens(of person: Person.ID, at now: Date) async throws -> [TokenSummary] {
        try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT token_hash, created_at, expires_at FROM api_tokens WHERE person_id = \(bind: person.rawValue) \
                AND expires_at > \(bind: now.timeIntervalSince1970) ORDER BY created_at DESC
                """
            ).all().map { row in
                TokenSummary(
                    id: String(try row.string("token_hash").prefix(16)), createdAt: try row.date("created_at"),
                    expiresAt: try row.date("expires_at"))
            }
        }
    }

    /// Revokes `person`'s token whose id is `id` (nil: all of them); returns how many ended.
    @discardableResult
    public func revokeAPITokens(of person: Person.ID, id: String?) async throws -> Int {
        try await driver.withConnection { db in
            var condition: SQLQueryString = "person_id = \(bind: person.rawValue)"
            if let id {
                guard id.count == 16, id.allSatisfy(\.isHexDigit) else { return 0 }
                condition = "\(condition) AND substr(token_hash, 1, 16) = \(bind: id.lowercased())"
            }
            let count =
                try await db.raw("SELECT COUNT(*) AS n FROM api_tokens WHERE \(condition)").first()?.int("n") ?? 0
            try await db.raw("DELETE FROM api_tokens WHERE \(condition)").run()
            return count
        }
    }
}

import Foundation
import MasteryCore
import SQLKit

/// Single sign-on: the authorization requests in flight, and finding the account an identity belongs to.
extension Store {
    /// What a sign-in sent to the provider, needed again when the provider sends the person back.
    public struct SingleSignOnAttempt: Sendable, Equatable {
        public var provider: String
        public var nonce: String
        public var verifier: String

        public init(provider: String, nonce: String, verifier: String) {
            self.provider = provider
            self.nonce = nonce
            self.verifier = verifier
        }
    }

    /// Keeps an attempt under a new `state` secret (returned; only its hash is stored) until `expiresAt`, and
    /// forgets attempts that have expired.
    public func beginSingleSignOn(
        _ attempt: SingleSignOnAttempt, at now: Date, expiresAt: Date
    ) async throws
        -> String
    {
        let state = Self.newSecret()
        try await driver.withConnection { db in
            try await db.raw("DELETE FROM sso_attempts WHERE expires_at <= \(bind: now.timeIntervalSince1970)").run()
            try await db.insertRows(
                "sso_attempts", columns: ["state_hash", "provider", "nonce", "verifier", "created_at", "expires_at"],
                rows: [
                    [
                        Self.hash(state), attempt.provider, attempt.nonce, attempt.verifier,
                        now.timeIntervalSince1970, expiresAt.timeIntervalSince1970,
                    ]
                ])
        }
        return state
    }

    /// The attempt under `state`, once: it is deleted as it is read, so a second callback with the same state
    /// (even at the same moment) finds nothing. Nil when unknown or expired.
    public func takeSingleSignOn(state: String, at now: Date) async throws -> SingleSignOnAttempt? {
        try await driver.withConnection { db in
            guard
                let row = try await db.raw(
                    """
                    DELETE FROM sso_attempts WHERE state_hash = \(bind: Self.hash(state)) \
                    RETURNING provider, nonce, verifier, expires_at
                    """
                ).first(),
                try row.double("expires_at") > now.timeIntervalSince1970
            else { return nil }
            return SingleSignOnAttempt(
                provider: try row.string("provider"), nonce: try row.string("nonce"),
                verifier: try row.string("verifier"))
        }
    }

    /// The people whose email is `email` (compared without case), active or not.
    public func people(email: String) async throws -> [Person] {
        try await driver.withConnection { db in
            try await db.raw("SELECT * FROM people WHERE lower(email) = \(bind: email.lowercased()) ORDER BY id")
                .all().map(Rows.person)
        }
    }

    /// The people whose username or roster `sourcedId` is `name`.
    public func people(usernameOrSourcedID name: String) async throws -> [Person] {
        try await driver.withConnection { db in
            try await db.raw(
                "SELECT * FROM people WHERE username = \(bind: name) OR sourced_id = \(bind: name) ORDER BY id"
            ).all().map(Rows.person)
        }
    }
}

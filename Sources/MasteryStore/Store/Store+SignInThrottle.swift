import Foundation
import MasteryCore
import SQLKit

/// Failed sign-ins, counted per key ("account:NAME", "address:IP") in the database: every server sees the
/// same counts, and a restart forgets nothing.
extension Store {
    /// When the latest lock among `keys` ends, if one is still running at `now`.
    public func signInLockedUntil(_ keys: [String], at now: Date) async throws -> Date? {
        guard !keys.isEmpty else { return nil }
        return try await driver.withConnection { db in
            var latest: Double?
            for key in keys {
                if let row = try await db.raw(
                    "SELECT locked_until FROM sign_in_failures WHERE throttle_key = \(bind: key)"
                ).first() {
                    let until = try row.decode(column: "locked_until", as: Double.self)
                    if until > now.timeIntervalSince1970 { latest = max(latest ?? until, until) }
                }
            }
            return latest.map { Date(timeIntervalSince1970: $0) }
        }
    }

    /// Counts one more failure for `key` (starting again when the last one is older than the throttle
    /// forgets), locks it as `throttle` says, and returns the lock's end when this failure started one. A new
    /// lock is audited.
    @discardableResult
    public func recordSignInFailure(
        _ key: String, throttle: SignInThrottle, at now: Date
    ) async throws -> Date? {
        try await driver.withTransaction { db in
            let stamp = now.timeIntervalSince1970
            let forgotten = stamp - throttle.forgetAfter
            try await db.raw(
                """
                INSERT INTO sign_in_failures (throttle_key, failures, last_failure_at, locked_until) \
                VALUES (\(bind: key), 1, \(bind: stamp), 0) \
                ON CONFLICT (throttle_key) DO UPDATE SET \
                failures = CASE WHEN sign_in_failures.last_failure_at < \(bind: forgotten) THEN 1 \
                ELSE sign_in_failures.failures + 1 END, last_failure_at = \(bind: stamp)
                """
            ).run()
            let failures =
                try await db.raw("SELECT failures FROM sign_in_failures WHERE throttle_key = \(bind: key)").first()?
                .int("failures") ?? 1
            guard let seconds = throttle.lock(afterFailures: failures) else { return nil }
            let until = stamp + seconds
            try await db.raw(
                "UPDATE sign_in_failures SET locked_until = \(bind: until) WHERE throttle_key = \(bind: key)"
            ).run()
            try await Self.audit(
                db, at: now, actor: Person.ID("system"), action: "signin.lockout", student: nil, subject: key,
                detail: "\(failures) failed sign-ins in a row: locked for \(Int(seconds)) s", organization: nil)
            return Date(timeIntervalSince1970: until)
        }
    }

    /// Forgets the failures of `key` (after a successful sign-in).
    public func clearSignInFailures(_ key: String) async throws {
        try await driver.withConnection { db in
            try await db.raw("DELETE FROM sign_in_failures WHERE throttle_key = \(bind: key)").run()
        }
    }
}

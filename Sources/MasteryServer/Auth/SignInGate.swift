import Foundation
import MasteryCore
import MasteryStore

/// Checks a sign-in attempt against the throttles before any password is hashed, and counts the outcome:
/// per account (`SignInThrottle.account`) and per address (`SignInThrottle.address`), in the database so every
/// server agrees. A locked key answers 429 with the seconds to wait; unknown usernames count like known ones,
/// so the answer never tells which exist.
struct SignInGate: Sendable {
    let store: Store
    let clock: @Sendable () -> Date

    struct Attempt: Sendable {
        var account: String
        var address: String?
        var keys: [String] { ["account:\(account.lowercased())"] + (address.map { ["address:\($0)"] } ?? []) }
    }

    /// Throws `tooManyAttempts` while any key of the attempt is locked.
    func admit(_ attempt: Attempt) async throws {
        let now = clock()
        if let until = try await store.signInLockedUntil(attempt.keys, at: now) {
            throw AppError.tooManyAttempts(retryAfter: max(1, Int(until.timeIntervalSince(now).rounded(.up))))
        }
    }

    func failed(_ attempt: Attempt) async throws {
        let now = clock()
        try await store.recordSignInFailure("account:\(attempt.account.lowercased())", throttle: .account, at: now)
        if let address = attempt.address {
            try await store.recordSignInFailure("address:\(address)", throttle: .address, at: now)
        }
    }

    func succeeded(_ attempt: Attempt) async throws {
        try await store.clearSignInFailures("account:\(attempt.account.lowercased())")
    }

    /// The client's address: the connection's peer, or behind a trusted proxy the last `X-Forwarded-For` entry.
    static func clientAddress(peer: String?, forwardedFor: String?, trustProxy: Bool) -> String? {
        if trustProxy, let last = forwardedFor?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
            !last.isEmpty
        {
            return last
        }
        return peer
    }
}

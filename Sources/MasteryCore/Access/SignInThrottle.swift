import Foundation

/// How failed sign-ins slow an attacker down: the first `freeFailures` in a row cost nothing; each one after
/// locks the key (an account, or an address) for `baseDelay` doubled per further failure, at most `maxDelay`.
/// A success clears an account's count; failures older than `forgetAfter` no longer count.
public struct SignInThrottle: Sendable, Equatable {
    public var freeFailures: Int
    public var baseDelay: TimeInterval
    public var maxDelay: TimeInterval
    public var forgetAfter: TimeInterval

    public init(freeFailures: Int, baseDelay: TimeInterval, maxDelay: TimeInterval, forgetAfter: TimeInterval) {
        self.freeFailures = freeFailures
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.forgetAfter = forgetAfter
    }

    /// One account: five tries, then 30 s, 1 min, 2 min … up to 15 min.
    public static let account = SignInThrottle(freeFailures: 5, baseDelay: 30, maxDelay: 900, forgetAfter: 86_400)
    /// One address (a classroom shares one): thirty tries, then the same back-off.
    public static let address = SignInThrottle(freeFailures: 30, baseDelay: 30, maxDelay: 900, forgetAfter: 86_400)

    /// How long the key is locked after its `failures`-th failure in a row; nil while still free.
    public func lock(afterFailures failures: Int) -> TimeInterval? {
        guard failures >= freeFailures else { return nil }
        let doublings = min(failures - freeFailures, 30)
        return min(baseDelay * pow(2, Double(doublings)), maxDelay)
    }
}

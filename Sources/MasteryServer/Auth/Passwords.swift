import Foundation
import HummingbirdBcrypt
import NIOPosix
import Synchronization

/// bcrypt, run off the event loops (it is deliberately slow).
enum Passwords {
    static func hash(_ password: String, cost: UInt8 = 11) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// A hash of a random password at the cost of `sample` (a stored hash; 11 when there is none), made once
    /// per cost: checking an unknown username against it takes as long as checking a real one.
    static func decoy(likeCostOf sample: String?) async throws -> String {
        let cost = sample.flatMap(Self.cost(of:)) ?? 11
        if let known = decoys.withLock({ $0[cost] }) { return known }
        let made = try await hash(UUID().uuidString, cost: cost)
        decoys.withLock { $0[cost] = made }
        return made
    }

    /// The cost of a bcrypt hash (`$2b$10$…` → 10).
    static func cost(of hash: String) -> UInt8? {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: true)
        guard parts.count >= 3, parts[0].hasPrefix("2") else { return nil }
        return UInt8(parts[1])
    }

    private static let decoys = Mutex<[UInt8: String]>([:])
}

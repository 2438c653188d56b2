import Foundation

/// How a store's connection pool is used, for `/metrics`: connections held now, the most it opens, and running
/// totals of acquisitions, time spent waiting for a connection, and calls cut off by the deadline.
public struct PoolUse: Sendable, Hashable {
    public var inUse = 0
    public var capacity = 0
    public var acquired = 0
    public var waitSeconds = 0.0
    public var deadlinesExceeded = 0

    public init(capacity: Int = 0) { self.capacity = capacity }
}

/// The counters behind `PoolUse`, updated by a driver around each use of a connection.
final class PoolGauge: Sendable {
    private let state: Locked<PoolUse>

    init(capacity: Int) { state = Locked(PoolUse(capacity: capacity)) }

    var snapshot: PoolUse { state.withLock { $0 } }

    /// Runs `use` between an acquisition (after waiting `waited`) and a release.
    func acquired(after waited: Duration) {
        let seconds = Double(waited.components.seconds) + Double(waited.components.attoseconds) / 1e18
        state.withLock {
            $0.inUse += 1
            $0.acquired += 1
            $0.waitSeconds += seconds
        }
    }

    func released() { state.withLock { $0.inUse -= 1 } }

    func deadlineExceeded() { state.withLock { $0.deadlinesExceeded += 1 } }
}

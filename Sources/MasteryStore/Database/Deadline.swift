import Foundation

/// Runs `work` but answers by `deadline` whatever happens to it: past the deadline `onExpiry` runs (the driver
/// closes the connection) and the caller gets `DatabaseDeadlineExceeded` at once. `work` is then abandoned rather
/// than awaited — a query whose connection died under it can wait forever for an answer that never comes, and
/// nothing the caller holds may wait with it.
func answering<T: Sendable>(
    by deadline: Duration, onExpiry: @escaping @Sendable () async -> Void,
    _ work: @escaping @Sendable () async throws -> T
) async throws -> T {
    let outcome = Outcome<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            outcome.set(continuation)
            let running = Task {
                do {
                    outcome.finish(.success(try await work()))
                } catch {
                    outcome.finish(.failure(error))
                }
            }
            let timer = Task {
                try await Task.sleep(for: deadline)
                if outcome.finish(.failure(DatabaseDeadlineExceeded(deadline: deadline))) {
                    await onExpiry()
                    running.cancel()
                }
            }
            outcome.onFinish { timer.cancel() }
        }
    } onCancel: {
        outcome.finish(.failure(CancellationError()))
    }
}

/// A continuation resumed exactly once, by whichever finishes first.
private final class Outcome<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var early: Result<T, any Error>?
        var done = false
        var finished: (@Sendable () -> Void)?
    }
    private let state = Locked(State())

    func set(_ continuation: CheckedContinuation<T, any Error>) {
        let early: Result<T, any Error>? = state.withLock {
            if let early = $0.early { return early }
            $0.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func onFinish(_ action: @escaping @Sendable () -> Void) {
        let already = state.withLock {
            if $0.done { return true }
            $0.finished = action
            return false
        }
        if already { action() }
    }

    /// Resumes the caller with `result` unless it was already resumed; true when this call did it.
    @discardableResult
    func finish(_ result: Result<T, any Error>) -> Bool {
        let taken: Taken? = state.withLock { state in
            guard !state.done else { return nil }
            state.done = true
            if state.continuation == nil { state.early = result }
            let taken = Taken(continuation: state.continuation, action: state.finished)
            state.continuation = nil
            return taken
        }
        guard let taken else { return false }
        taken.continuation?.resume(with: result)
        taken.action?()
        return true
    }

    private struct Taken {
        var continuation: CheckedContinuation<T, any Error>?
        var action: (@Sendable () -> Void)?
    }
}

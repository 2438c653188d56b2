import Dispatch
import Foundation

/// Fits BKT by expectation–maximisation with seeded random restarts.
///
/// Every restart runs a few screening iterations; the best is then iterated until the log-likelihood stops
/// improving (a real tolerance on the full-precision value — pyBKT's C++ EM compares truncated integers and
/// stops early, so this reaches at least its likelihood). Skills are fitted in parallel on all cores; results
/// do not depend on scheduling.
public enum BKTFitter {
    /// Fits one skill.
    /// - Complexity: O(responses × iterations × restarts).
    public static func fit(_ data: BKTSkillData, options: BKTFitOptions) -> BKTFit {
        guard data.responseCount > 0 else {
            return BKTFit(
                skill: data.name, parameters: BKTParameters(prior: 0.5, learn: 0.1, guess: 0.2, slip: 0.1),
                logLikelihood: 0, iterations: 0, responses: 0)
        }
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 3 * max(data.longestSequence, 1))
        defer { scratch.deallocate() }
        var random = SeededGenerator(seed: options.seed ^ stableHash(data.name))
        var best: (parameters: BKTParameters, logLikelihood: Double, iterations: Int, expectation: BKTExpectation)?
        for _ in 0..<options.restarts {
            let start = BKTParameters.randomStart(forgets: options.forgets, using: &random)
            let run = iterate(data, from: start, options: options, limit: options.screeningIterations, scratch: scratch)
            if best == nil || run.logLikelihood > best!.logLikelihood { best = run }
        }
        var total = best!.iterations
        if best!.iterations >= options.screeningIterations {
            let more = iterate(
                data, from: best!.parameters, options: options,
                limit: max(0, options.maxIterations - options.screeningIterations), scratch: scratch,
                evaluated: best!.expectation)
            if more.logLikelihood >= best!.logLikelihood { best = more }
            total += more.iterations
        }
        return BKTFit(
            skill: data.name, parameters: best!.parameters, logLikelihood: best!.logLikelihood, iterations: total,
            responses: data.responseCount)
    }

    /// EM from `start` for at most `limit` iterations; returns the last parameters and their exact LL.
    static func iterate(
        _ data: BKTSkillData, from start: BKTParameters, options: BKTFitOptions, limit: Int,
        scratch: UnsafeMutablePointer<Double>, evaluated: BKTExpectation? = nil
    ) -> (parameters: BKTParameters, logLikelihood: Double, iterations: Int, expectation: BKTExpectation) {
        var parameters = start
        var expectation = evaluated ?? BKTExpectation.run(data, parameters, scratch: scratch)
        var iterations = 0
        while iterations < limit {
            let next = expectation.maximize(forgets: options.forgets, smoothing: options.smoothing)
            let nextExpectation = BKTExpectation.run(data, next, scratch: scratch)
            iterations += 1
            let gain = nextExpectation.logLikelihood - expectation.logLikelihood
            if gain < 0 && options.smoothing == 0 {
                // EM never decreases the likelihood except through rounding: keep the better point and stop.
                break
            }
            parameters = next
            expectation = nextExpectation
            let tolerance = max(options.tolerance, abs(expectation.logLikelihood) * options.relativeTolerance)
            if gain < tolerance { break }
        }
        return (parameters, expectation.logLikelihood, iterations, expectation)
    }

    /// Fits every skill, in parallel over all cores; results come back in the order of `skills`.
    public static func fit(_ skills: [BKTSkillData], options: BKTFitOptions) -> [BKTFit] {
        let order = skills.indices.sorted { skills[$0].responseCount > skills[$1].responseCount }
        let results = UnsafeMutableBufferPointer<BKTFit?>.allocate(capacity: skills.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let next = AtomicCounter()
        let workers = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), max(skills.count, 1))
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let claimed = next.increment()
                guard claimed < order.count else { return }
                let index = order[claimed]
                output[index] = fit(skills[index], options: options)
            }
        }
        return results.map { $0! }
    }

    /// The exact log-likelihood of `data` under `parameters` (natural log, summed over responses).
    public static func logLikelihood(_ data: BKTSkillData, _ parameters: BKTParameters) -> Double {
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 3 * max(data.longestSequence, 1))
        defer { scratch.deallocate() }
        return BKTExpectation.run(data, parameters, scratch: scratch).logLikelihood
    }

    /// FNV-1a of a skill name, for per-skill random streams.
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

/// A counter shared by worker threads.
final class AtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let current = value
        value += 1
        return current
    }
}

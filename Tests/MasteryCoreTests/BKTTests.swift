import Foundation
import MasteryCore
import Testing

@Suite("Bayesian Knowledge Tracing")
struct BKTTests {
    /// Simulates students under known parameters, deterministically.
    static func simulate(_ p: BKTParameters, students: Int, length: Int, seed: UInt64) -> BKTSkillData {
        var random = SeededGenerator(seed: seed)
        var data = BKTSkillData(name: "synthetic")
        for _ in 0..<students {
            var known = random.nextUnit() < p.prior
            var sequence: [UInt8] = []
            for _ in 0..<length {
                let correct = known ? random.nextUnit() >= p.slip : random.nextUnit() < p.guess
                sequence.append(correct ? 1 : 0)
                known = known ? random.nextUnit() >= p.forget : random.nextUnit() < p.learn
            }
            data.append(sequence)
        }
        return data
    }

    /// The exact log-likelihood by summing over every hidden path (for short sequences).
    static func bruteForceLogLikelihood(_ sequence: [UInt8], _ p: BKTParameters) -> Double {
        var total = 0.0
        for path in 0..<(1 << sequence.count) {
            var probability = 1.0
            for t in 0..<sequence.count {
                let known = (path >> t) & 1 == 1
                if t == 0 {
                    probability *= known ? p.prior : 1 - p.prior
                } else {
                    let wasKnown = (path >> (t - 1)) & 1 == 1
                    probability *= wasKnown ? (known ? 1 - p.forget : p.forget) : (known ? p.learn : 1 - p.learn)
                }
                let correct = sequence[t] == 1
                probability *= known ? (correct ? 1 - p.slip : p.slip) : (correct ? p.guess : 1 - p.guess)
            }
            total += probability
        }
        return log(total)
    }

    @Test("The E-step's log-likelihood equals the sum over every hidden path")
    func exactLikelihood() {
        let p = BKTParameters(prior: 0.3, learn: 0.2, guess: 0.25, slip: 0.1, forget: 0.05)
        var random = SeededGenerator(seed: 3)
        var data = BKTSkillData(name: "s")
        var expected = 0.0
        for length in 1...8 {
            let sequence = (0..<length).map { _ in UInt8(random.next() % 2) }
            data.append(sequence)
            expected += Self.bruteForceLogLikelihood(sequence, p)
        }
        #expect(data.responseCount == 36)
        #expect(abs(BKTFitter.logLikelihood(data, p) - expected) < 1e-9)
    }

    @Test("Parameters are recovered from synthetic data with known parameters")
    func recovery() {
        let truth = BKTParameters(prior: 0.35, learn: 0.15, guess: 0.2, slip: 0.08)
        let data = Self.simulate(truth, students: 3_000, length: 20, seed: 11)
        let fit = BKTFitter.fit(data, options: BKTFitOptions(restarts: 5, seed: 7))
        let p = fit.parameters
        let errors = [
            abs(p.prior - truth.prior), abs(p.learn - truth.learn), abs(p.guess - truth.guess),
            abs(p.slip - truth.slip),
        ]
        #expect(errors.allSatisfy { $0 < 0.03 }, "fitted \(p)")
        #expect(p.forget == 0)
        #expect(fit.logLikelihood >= BKTFitter.logLikelihood(data, truth) - 1e-6)
    }

    @Test("EM with forgets recovers a forget probability")
    func forgets() {
        let truth = BKTParameters(prior: 0.3, learn: 0.25, guess: 0.2, slip: 0.1, forget: 0.1)
        let data = Self.simulate(truth, students: 4_000, length: 25, seed: 5)
        let fit = BKTFitter.fit(data, options: BKTFitOptions(forgets: true, restarts: 5, seed: 3))
        #expect(abs(fit.parameters.forget - 0.1) < 0.04, "fitted \(fit.parameters)")
        let plain = BKTFitter.fit(data, options: BKTFitOptions(forgets: false, restarts: 5, seed: 3))
        #expect(fit.logLikelihood > plain.logLikelihood)
    }

    @Test("Fitting is deterministic for a seed, and a skill's fit does not depend on the others")
    func determinism() {
        let a = Self.simulate(
            BKTParameters(prior: 0.5, learn: 0.1, guess: 0.3, slip: 0.1), students: 300, length: 10, seed: 1)
        var b = Self.simulate(
            BKTParameters(prior: 0.2, learn: 0.3, guess: 0.1, slip: 0.2), students: 300, length: 10, seed: 2)
        b = BKTSkillData(
            name: "other", sequences: (0..<b.sequenceCount).map { Array(b.responses[b.starts[$0]..<b.starts[$0 + 1]]) })
        let options = BKTFitOptions(restarts: 3, seed: 9)
        let together = BKTFitter.fit([a, b], options: options)
        let alone = BKTFitter.fit([a], options: options)
        #expect(together[0] == alone[0])
        #expect(BKTFitter.fit([a, b], options: options) == together)
        #expect(together.map(\.skill) == ["synthetic", "other"])
    }

    @Test("Degenerate skills follow pyBKT's empty-count rules, or the weak prior when smoothing")
    func degenerate() {
        let single = BKTSkillData(name: "one", sequences: [[1], [0], [1]])
        let unsmoothed = BKTFitter.fit(single, options: BKTFitOptions(smoothing: 0))
        #expect(unsmoothed.parameters.learn == 1)
        #expect(unsmoothed.logLikelihood.isFinite)
        let smoothed = BKTFitter.fit(single, options: BKTFitOptions())
        #expect(smoothed.parameters.learn == BKTFitOptions.smoothingMeans.learn)
        #expect(smoothed.logLikelihood.isFinite)
        let empty = BKTFitter.fit(BKTSkillData(name: "none"), options: BKTFitOptions())
        #expect(empty.responses == 0)
    }

    @Test("The tracer updates P(known) after each response and predicts before it")
    func tracer() {
        let p = BKTParameters(prior: 0.4, learn: 0.2, guess: 0.2, slip: 0.1)
        var tracer = BKTTracer(parameters: p)
        #expect(abs(tracer.nextCorrectProbability - (0.4 * 0.9 + 0.6 * 0.2)) < 1e-12)
        let after = tracer.observe(correct: true)
        #expect(abs(after - 0.36 / 0.48) < 1e-12)
        #expect(abs(tracer.knownProbability - (0.75 + 0.25 * 0.2)) < 1e-12)
        let predictions = BKTTracer.predictions([1, 0, 1], parameters: p)
        #expect(predictions.count == 3 && abs(predictions[0] - 0.48) < 1e-12)
        var pooled: [Double] = []
        var outcomes: [UInt8] = []
        BKTTracer.predict(
            BKTSkillData(name: "s", sequences: [[1, 0, 1], [0]]), parameters: p, into: &pooled, outcomes: &outcomes)
        #expect(outcomes == [1, 0, 1, 0])
        #expect(zip(pooled.prefix(3), predictions).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs(pooled[3] - 0.48) < 1e-12)
        var rising = BKTTracer(parameters: p)
        for _ in 0..<20 { rising.observe(correct: true) }
        #expect(rising.knownProbability > 0.99)
    }

    @Test("AUC counts ties as one half; RMSE is the root mean squared error")
    func metrics() throws {
        #expect(ClassificationMetrics.auc(predictions: [0.1, 0.4, 0.35, 0.8], outcomes: [0, 0, 1, 1]) == 0.75)
        #expect(ClassificationMetrics.auc(predictions: [0.5, 0.5], outcomes: [0, 1]) == 0.5)
        #expect(ClassificationMetrics.auc(predictions: [0.5], outcomes: [1]) == nil)
        let rmse = try #require(ClassificationMetrics.rmse(predictions: [0.5, 1], outcomes: [1, 1]))
        #expect(abs(rmse - (0.125).squareRoot()) < 1e-12)
    }
}

@Suite("AUC on many predictions")
struct LargeAUCTests {
    @Test("The linear-time sort gives the same AUC as counting every pair")
    func matchesPairCounting() throws {
        var random = SeededGenerator(seed: 99)
        let predictions = (0..<400).map { _ in Double(random.next() % 50) / 50 }
        let outcomes = (0..<400).map { _ in UInt8(random.next() % 2) }
        var wins = 0.0
        var pairs = 0.0
        for i in predictions.indices where outcomes[i] == 1 {
            for j in predictions.indices where outcomes[j] == 0 {
                pairs += 1
                wins += predictions[i] > predictions[j] ? 1 : (predictions[i] == predictions[j] ? 0.5 : 0)
            }
        }
        let auc = try #require(ClassificationMetrics.auc(predictions: predictions, outcomes: outcomes))
        #expect(abs(auc - wins / pairs) < 1e-12)
    }
}

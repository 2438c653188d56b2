import Foundation

/// The E-step of EM for BKT: a scaled forward–backward pass over every sequence, accumulating expected counts
/// and the exact log-likelihood.
///
/// The forward state is kept as two normalised masses (not known, known) rather than one probability and its
/// complement: with a tiny slip, `1 − p` rounds to 0 after long runs of correct answers and every later error
/// would then cost log(slip).
struct BKTExpectation {
    var logLikelihood = 0.0
    var priorKnown = 0.0
    var learnNumerator = 0.0
    var learnDenominator = 0.0
    var forgetNumerator = 0.0
    var forgetDenominator = 0.0
    var guessNumerator = 0.0
    var guessDenominator = 0.0
    var slipNumerator = 0.0
    var slipDenominator = 0.0
    var sequences = 0

    /// Runs the E-step over `data` with `p`. `scratch` must hold at least 3 × the longest sequence.
    /// - Complexity: O(responses).
    static func run(_ data: BKTSkillData, _ p: BKTParameters, scratch: UnsafeMutablePointer<Double>) -> BKTExpectation {
        let learn = p.learn
        let forget = p.forget
        // Emission probabilities, kept off exactly 0 and 1 so that no response is impossible.
        let guess = min(max(p.guess, 1e-12), 1 - 1e-12)
        let slip = min(max(p.slip, 1e-12), 1 - 1e-12)
        let unknownCorrect = guess
        let unknownWrong = 1 - guess
        let knownCorrect = 1 - slip
        let knownWrong = slip
        // The accumulators live inside the closures, so the compiler keeps them in registers.
        return data.responses.withUnsafeBufferPointer { responses in
            data.starts.withUnsafeBufferPointer { starts in
                var e = BKTExpectation()
                let alpha = scratch
                for sequence in 0..<(starts.count - 1) {
                    let start = starts[sequence]
                    let n = starts[sequence + 1] - start
                    e.sequences += 1
                    // Forward: the normalised masses (not known, known) after each response, stored interleaved.
                    var logScale = 0.0
                    var product = 1.0
                    var a0 = 1 - p.prior
                    var a1 = p.prior
                    for t in 0..<n {
                        if t > 0 {
                            let next0 = a0 * (1 - learn) + a1 * forget
                            let next1 = a0 * learn + a1 * (1 - forget)
                            a0 = next0
                            a1 = next1
                        }
                        let correct = responses[start + t] != 0
                        a0 *= correct ? unknownCorrect : unknownWrong
                        a1 *= correct ? knownCorrect : knownWrong
                        // Rescale only every 8 steps, at the end of the sequence, or when the masses get small:
                        // any positive scale factors give the same gamma and xi as long as the backward pass
                        // applies the same ones and the last step is normalised. The division leaves the
                        // critical path of most steps.
                        var inverse = 1.0
                        let c = a0 + a1
                        if t == n - 1 || t & 7 == 7 || c < 1e-150 {
                            inverse = 1 / c
                            a0 *= inverse
                            a1 *= inverse
                            product *= c
                            if product < 1e-250 {
                                logScale += log(product)
                                product = 1
                            }
                        }
                        alpha[3 * t] = a0
                        alpha[3 * t + 1] = a1
                        alpha[3 * t + 2] = inverse
                    }
                    logScale += log(product)
                    e.logLikelihood += logScale
                    // Backward with the forward pass's scale factors: gamma and xi come out normalised, with no
                    // division per step.
                    var b0 = 1.0
                    var b1 = 1.0
                    var t = n - 1
                    while true {
                        let gamma0 = alpha[3 * t] * b0
                        let gamma1 = alpha[3 * t + 1] * b1
                        let correct = responses[start + t] != 0
                        e.guessDenominator += gamma0
                        e.slipDenominator += gamma1
                        if correct { e.guessNumerator += gamma0 } else { e.slipNumerator += gamma1 }
                        if t == 0 {
                            e.priorKnown += gamma1
                            break
                        }
                        // Transition t-1 → t.
                        let eb0 = (correct ? unknownCorrect : unknownWrong) * b0
                        let eb1 = (correct ? knownCorrect : knownWrong) * b1
                        let scale = alpha[3 * t + 2]
                        let p0 = alpha[3 * (t - 1)] * scale
                        let p1 = alpha[3 * (t - 1) + 1] * scale
                        let x00 = p0 * (1 - learn) * eb0
                        let x01 = p0 * learn * eb1
                        let x10 = p1 * forget * eb0
                        let x11 = p1 * (1 - forget) * eb1
                        e.learnNumerator += x01
                        e.learnDenominator += x00 + x01
                        e.forgetNumerator += x10
                        e.forgetDenominator += x10 + x11
                        b0 = ((1 - learn) * eb0 + learn * eb1) * scale
                        b1 = (forget * eb0 + (1 - forget) * eb1) * scale
                        t -= 1
                    }
                }
                return e
            }
        }
    }

    /// The M-step: new parameters from the expected counts. `smoothing` adds that many pseudo-observations at
    /// `BKTFitOptions.smoothingMeans` to every ratio (a weak Beta prior: MAP instead of maximum likelihood), which
    /// keeps skills with a handful of responses away from certainty while leaving large skills untouched. With
    /// no smoothing and empty counts, pyBKT's rules apply: no transitions out of "not known" gives learn = 1,
    /// none out of "known" gives forget = 0, a state never occupied gives 0.5. With `forgets` false, forget
    /// stays 0.
    func maximize(forgets: Bool, smoothing: Double = 0) -> BKTParameters {
        let m = BKTFitOptions.smoothingMeans
        func ratio(_ numerator: Double, _ denominator: Double, mean: Double, empty: Double) -> Double {
            let total = denominator + smoothing
            return total > 0 ? (numerator + smoothing * mean) / total : empty
        }
        return BKTParameters(
            prior: ratio(priorKnown, Double(sequences), mean: m.prior, empty: 0.5),
            learn: ratio(learnNumerator, learnDenominator, mean: m.learn, empty: 1),
            guess: ratio(guessNumerator, guessDenominator, mean: m.guess, empty: 0.5),
            slip: ratio(slipNumerator, slipDenominator, mean: m.slip, empty: 0.5),
            forget: forgets ? ratio(forgetNumerator, forgetDenominator, mean: m.forget, empty: 0) : 0)
    }
}

/// Traces one student's mastery through their responses: P(known) before and after each response, and the
/// prediction P(correct) for the next one.
public struct BKTTracer: Sendable {
    public let parameters: BKTParameters
    /// Normalised masses of (not known, known) before the next response.
    private var unknown: Double
    private var known: Double

    public init(parameters: BKTParameters) {
        self.parameters = parameters
        unknown = 1 - parameters.prior
        known = parameters.prior
    }

    /// P(known) now, before the next response.
    public var knownProbability: Double { known / (unknown + known) }

    /// P(the next response is correct).
    public var nextCorrectProbability: Double { parameters.correctProbability(known: knownProbability) }

    /// Observes a response; returns P(known) right after it (before any learning step).
    @discardableResult
    public mutating func observe(correct: Bool) -> Double {
        let p = parameters
        // The same guard as the E-step: no response is ever impossible.
        let guess = min(max(p.guess, 1e-12), 1 - 1e-12)
        let slip = min(max(p.slip, 1e-12), 1 - 1e-12)
        let emitUnknown = correct ? guess : 1 - guess
        let emitKnown = correct ? 1 - slip : slip
        var a0 = unknown * emitUnknown
        var a1 = known * emitKnown
        let total = a0 + a1
        if total > 0 {
            a0 /= total
            a1 /= total
        }
        let after = a1
        unknown = a0 * (1 - p.learn) + a1 * p.forget
        known = a0 * p.learn + a1 * (1 - p.forget)
        return after
    }

    /// For each response of `responses` (in order), P(correct) predicted before it was seen.
    public static func predictions(_ responses: some Sequence<UInt8>, parameters: BKTParameters) -> [Double] {
        var tracer = BKTTracer(parameters: parameters)
        var result: [Double] = []
        for response in responses {
            result.append(tracer.nextCorrectProbability)
            tracer.observe(correct: response != 0)
        }
        return result
    }

    /// P(correct) predicted before each response of every sequence of `data`, appended to `predictions` (and
    /// the responses to `outcomes`), without intermediate arrays.
    public static func predict(
        _ data: BKTSkillData, parameters p: BKTParameters, into predictions: inout [Double], outcomes: inout [UInt8]
    ) {
        let guess = min(max(p.guess, 1e-12), 1 - 1e-12)
        let slip = min(max(p.slip, 1e-12), 1 - 1e-12)
        predictions.reserveCapacity(predictions.count + data.responseCount)
        outcomes.append(contentsOf: data.responses)
        data.responses.withUnsafeBufferPointer { responses in
            for sequence in 0..<data.sequenceCount {
                var unknown = 1 - p.prior
                var known = p.prior
                for t in data.starts[sequence]..<data.starts[sequence + 1] {
                    let k = known / (unknown + known)
                    predictions.append(k * (1 - slip) + (1 - k) * guess)
                    let correct = responses[t] != 0
                    let a0 = unknown * (correct ? guess : 1 - guess)
                    let a1 = known * (correct ? 1 - slip : slip)
                    let total = a0 + a1
                    let n0 = a0 / total
                    let n1 = a1 / total
                    unknown = n0 * (1 - p.learn) + n1 * p.forget
                    known = n0 * p.learn + n1 * (1 - p.forget)
                }
            }
        }
    }
}

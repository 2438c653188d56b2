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
}

/// The parameters of a standard Bayesian Knowledge Tracing model for one skill: a two-state hidden Markov
/// model (not known / known) with binary responses.
public struct BKTParameters: Hashable, Codable, Sendable {
    /// P(known) before the first response.
    public var prior: Double
    /// P(not known → known) between two responses.
    public var learn: Double
    /// P(correct | not known).
    public var guess: Double
    /// P(wrong | known).
    public var slip: Double
    /// P(known → not known) between two responses; 0 in the standard model.
    public var forget: Double

    public init(prior: Double, learn: Double, guess: Double, slip: Double, forget: Double = 0) {
        self.prior = prior
        self.learn = learn
        self.guess = guess
        self.slip = slip
        self.forget = forget
    }

    /// Used for a competency until its parameters have been fitted from evidence.
    public static let untrained = BKTParameters(prior: 0.3, learn: 0.15, guess: 0.2, slip: 0.1)

    /// P(correct) when the probability of knowing is `known`.
    @inline(__always)
    public func correctProbability(known: Double) -> Double {
        known * (1 - slip) + (1 - known) * guess
    }

    /// A random start for EM, drawn as pyBKT 1.4.3 draws its restarts: prior ~ U(0,1), learn ~ U(0,0.4),
    /// guess ~ U(0,0.4), slip ~ U(0,0.3), forget = 0 (or ~ U(0,1) with forgetting).
    public static func randomStart(forgets: Bool, using random: inout SeededGenerator) -> BKTParameters {
        BKTParameters(
            prior: random.nextUnit(), learn: random.nextUnit() * 0.4, guess: random.nextUnit() * 0.4,
            slip: random.nextUnit() * 0.3, forget: forgets ? random.nextUnit() : 0)
    }
}

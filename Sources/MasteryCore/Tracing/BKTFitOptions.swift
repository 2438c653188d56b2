/// How BKT models are fitted.
public struct BKTFitOptions: Hashable, Sendable {
    /// Also fit a forget probability (BKT + forgets).
    public var forgets: Bool
    /// Random restarts of EM; the one with the highest log-likelihood is kept (pyBKT's default is 5).
    public var restarts: Int
    /// Seeds every restart; each skill draws from its own stream (seed and skill name), so a skill's fit never
    /// depends on which other skills are fitted with it.
    public var seed: UInt64
    /// Iterations every restart runs before only the best one is taken on to convergence.
    public var screeningIterations: Int
    /// Most EM iterations for the kept restart.
    public var maxIterations: Int
    /// Stop when an iteration improves the log-likelihood by less than this many nats…
    public var tolerance: Double
    /// …or by less than this fraction of |LL|, whichever is larger.
    public var relativeTolerance: Double

    /// Pseudo-observations of a weak Beta prior added to every M-step ratio (0 = pure maximum likelihood, as
    /// pyBKT). It matters only for skills with few responses; the default, 0.1, keeps the training likelihood
    /// above pyBKT's on every baseline file while raising held-out AUC on tiny skills (ct: 0.700 → 0.711).
    public var smoothing: Double

    /// Where the smoothing pulls each parameter.
    public static let smoothingMeans = BKTParameters(prior: 0.5, learn: 0.15, guess: 0.2, slip: 0.1, forget: 0.05)

    public init(
        forgets: Bool = false, restarts: Int = 5, seed: UInt64 = 1, screeningIterations: Int = 1,
        maxIterations: Int = 250, tolerance: Double = 1e-4, relativeTolerance: Double = 1e-7, smoothing: Double = 0.1
    ) {
        self.relativeTolerance = relativeTolerance
        self.smoothing = smoothing
        self.forgets = forgets
        self.restarts = max(1, restarts)
        self.seed = seed
        self.screeningIterations = screeningIterations
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }
}

/// A fitted skill.
public struct BKTFit: Hashable, Sendable {
    public var skill: String
    public var parameters: BKTParameters
    /// The exact training log-likelihood (natural log, summed over responses) at `parameters`.
    public var logLikelihood: Double
    public var iterations: Int
    public var responses: Int
}

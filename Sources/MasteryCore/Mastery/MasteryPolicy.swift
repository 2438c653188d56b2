/// How a competency's level is computed: the method with its parameter, and how much evidence must exist
/// before a level is shown at all.
public struct MasteryPolicy: Hashable, Codable, Sendable {
    public var method: CalculationMethod
    /// Scored evidence needed before a level is shown; below it the state is "not enough evidence yet".
    public var minimumEvidence: Int
    /// For knowledge tracing: the P(mastered) at which a student counts as mastered — ready to reassess.
    public var readiness: Double

    public init(method: CalculationMethod, minimumEvidence: Int = 1, readiness: Double = 0.95) throws(MasteryCoreError)
    {
        guard (1...50).contains(minimumEvidence) else {
            throw .invalidPolicy("minimum evidence must be between 1 and 50 (got \(minimumEvidence))")
        }
        guard readiness > 0.5, readiness < 1 else {
            throw .invalidPolicy("the readiness threshold must lie between 0.5 and 1 (got \(readiness))")
        }
        self.method = method
        self.minimumEvidence = minimumEvidence
        self.readiness = readiness
    }

    private init(uncheckedMethod method: CalculationMethod, minimumEvidence: Int) {
        self.method = method
        self.minimumEvidence = minimumEvidence
        readiness = 0.95
    }

    /// The policy with knowledge tracing's parameters for one competency filled in (other methods unchanged).
    public func tracing(_ parameters: BKTParameters?) -> MasteryPolicy {
        guard method.isProbability else { return self }
        var copy = self
        copy.method = .bkt(parameters ?? .untrained)
        return copy
    }

    /// The default for new frameworks: a decaying average at 65 % (Canvas and PowerSchool's default), shown
    /// from the first piece of evidence.
    public static let standard = MasteryPolicy(uncheckedMethod: .decayingAverage(percent: 65), minimumEvidence: 1)

    /// "decaying-average 65, from 1 piece of evidence".
    public var summary: String {
        "\(method.kind.displayName)\(method.parameter.map { " (\($0))" } ?? ""), shown after "
            + "\(minimumEvidence) piece\(minimumEvidence == 1 ? "" : "s") of evidence"
    }

    private enum CodingKeys: String, CodingKey { case method, parameter, minimumEvidence, readiness }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let method = try CalculationMethod(
            kind: container.decode(CalculationMethod.Kind.self, forKey: .method),
            parameter: container.decodeIfPresent(Int.self, forKey: .parameter))
        try self.init(
            method: method, minimumEvidence: container.decodeIfPresent(Int.self, forKey: .minimumEvidence) ?? 1,
            readiness: container.decodeIfPresent(Double.self, forKey: .readiness) ?? 0.95)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method.kind, forKey: .method)
        try container.encodeIfPresent(method.parameter, forKey: .parameter)
        try container.encode(minimumEvidence, forKey: .minimumEvidence)
        if method.isProbability { try container.encode(readiness, forKey: .readiness) }
    }

    /// Whether `value` counts as mastered: at or above the scale's threshold, or for knowledge tracing at or above
    /// the readiness threshold.
    public func isMastered(_ value: Double, scale: ProficiencyScale) -> Bool {
        method.isProbability ? value >= readiness : scale.isMastered(value)
    }
}

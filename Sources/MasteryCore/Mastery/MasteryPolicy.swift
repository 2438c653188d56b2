/// How a competency's level is computed: the method with its parameter, and how much evidence must exist
/// before a level is shown at all.
public struct MasteryPolicy: Hashable, Codable, Sendable {
    public var method: CalculationMethod
    /// Scored evidence needed before a level is shown; below it the state is "not enough evidence yet".
    public var minimumEvidence: Int

    public init(method: CalculationMethod, minimumEvidence: Int = 1) throws(MasteryCoreError) {
        guard (1...50).contains(minimumEvidence) else {
            throw .invalidPolicy("minimum evidence must be between 1 and 50 (got \(minimumEvidence))")
        }
        self.method = method
        self.minimumEvidence = minimumEvidence
    }

    private init(uncheckedMethod method: CalculationMethod, minimumEvidence: Int) {
        self.method = method
        self.minimumEvidence = minimumEvidence
    }

    /// The default for new frameworks: a decaying average at 65 % (Canvas and PowerSchool's default), shown
    /// from the first piece of evidence.
    public static let standard = MasteryPolicy(uncheckedMethod: .decayingAverage(percent: 65), minimumEvidence: 1)

    /// "decaying-average 65, from 1 piece of evidence".
    public var summary: String {
        "\(method.kind.displayName)\(method.parameter.map { " (\($0))" } ?? ""), shown after "
            + "\(minimumEvidence) piece\(minimumEvidence == 1 ? "" : "s") of evidence"
    }

    private enum CodingKeys: String, CodingKey { case method, parameter, minimumEvidence }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let method = try CalculationMethod(
            kind: container.decode(CalculationMethod.Kind.self, forKey: .method),
            parameter: container.decodeIfPresent(Int.self, forKey: .parameter))
        try self.init(
            method: method, minimumEvidence: container.decodeIfPresent(Int.self, forKey: .minimumEvidence) ?? 1)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method.kind, forKey: .method)
        try container.encodeIfPresent(method.parameter, forKey: .parameter)
        try container.encode(minimumEvidence, forKey: .minimumEvidence)
    }
}

/// A competency framework: a titled tree of strands and competencies, scored on one proficiency scale.
public struct Framework: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Framework>

    public var id: ID
    public var code: String
    public var title: String
    public var scaleID: ProficiencyScale.ID
    /// How a student's level on each competency is computed from evidence (a section may override it).
    public var policy: MasteryPolicy
    /// How parent competencies and strands roll up from their children.
    public var rollupRule: RollupRule
    /// The identifier the framework was imported with (CASE `identifier`), if any.
    public var sourceIdentifier: String?

    public init(
        id: ID, code: String, title: String, scaleID: ProficiencyScale.ID, policy: MasteryPolicy = .standard,
        rollupRule: RollupRule = .meanOfChildren, sourceIdentifier: String? = nil
    ) {
        self.id = id
        self.code = code
        self.title = title
        self.scaleID = scaleID
        self.policy = policy
        self.rollupRule = rollupRule
        self.sourceIdentifier = sourceIdentifier
    }
}

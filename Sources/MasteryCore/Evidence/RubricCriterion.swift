/// One row of a task's rubric, aligned to one competency, with a descriptor per level.
public struct RubricCriterion: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<RubricCriterion>

    public var id: ID
    public var title: String
    public var competencyID: Competency.ID
    public var position: Int
    /// Descriptors keyed by level value, as text ("Explains the steps with a model").
    public var descriptors: [Descriptor]

    public struct Descriptor: Hashable, Codable, Sendable {
        public var levelValue: Double
        public var text: String

        public init(levelValue: Double, text: String) {
            self.levelValue = levelValue
            self.text = text
        }
    }

    /// The criterion's identifier in the file it was imported from; nil when made here.
    public var sourceIdentifier: String?

    public init(
        id: ID, title: String, competencyID: Competency.ID, position: Int, descriptors: [Descriptor],
        sourceIdentifier: String? = nil
    ) {
        self.id = id
        self.sourceIdentifier = sourceIdentifier
        self.title = title
        self.competencyID = competencyID
        self.position = position
        self.descriptors = descriptors
    }
}

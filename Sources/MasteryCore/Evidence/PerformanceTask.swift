/// A performance task (project, quiz, lab…) whose rubric criteria are aligned to competencies: scoring one
/// task records evidence on several competencies at once.
public struct PerformanceTask: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<PerformanceTask>

    public var id: ID
    public var frameworkID: Framework.ID
    public var title: String
    public var details: String
    public var criteria: [RubricCriterion]
    /// The rubric's identifier in the file it was imported from (a CASE `CFRubric`); nil when made here.
    public var sourceIdentifier: String?

    public init(
        id: ID, frameworkID: Framework.ID, title: String, details: String, criteria: [RubricCriterion],
        sourceIdentifier: String? = nil
    ) {
        self.id = id
        self.sourceIdentifier = sourceIdentifier
        self.frameworkID = frameworkID
        self.title = title
        self.details = details
        self.criteria = criteria
    }
}

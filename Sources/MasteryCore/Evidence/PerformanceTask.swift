/// A performance task (project, quiz, lab…) whose rubric criteria are aligned to competencies: scoring one
/// task records evidence on several competencies at once.
public struct PerformanceTask: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<PerformanceTask>

    public var id: ID
    public var frameworkID: Framework.ID
    public var title: String
    public var details: String
    public var criteria: [RubricCriterion]

    public init(id: ID, frameworkID: Framework.ID, title: String, details: String, criteria: [RubricCriterion]) {
        self.id = id
        self.frameworkID = frameworkID
        self.title = title
        self.details = details
        self.criteria = criteria
    }
}

/// "`prerequisite` must be mastered before `competency`": one edge of a learning progression.
public struct CompetencyPrerequisite: Hashable, Codable, Sendable {
    public var prerequisite: Competency.ID
    public var competency: Competency.ID

    public init(prerequisite: Competency.ID, competency: Competency.ID) {
        self.prerequisite = prerequisite
        self.competency = competency
    }
}

extension PrerequisiteGraph where Node == Competency.ID {
    public init(_ edges: [CompetencyPrerequisite]) {
        self.init(edges: edges.map { (prerequisite: $0.prerequisite, competency: $0.competency) })
    }
}

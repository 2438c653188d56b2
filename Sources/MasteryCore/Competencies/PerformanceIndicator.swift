/// What a level of a competency looks like, in words a student understands ("I can …").
public struct PerformanceIndicator: Hashable, Codable, Sendable {
    public var competencyID: Competency.ID
    /// The `ProficiencyLevel.value` this statement describes.
    public var levelValue: Double
    public var text: String

    public init(competencyID: Competency.ID, levelValue: Double, text: String) {
        self.competencyID = competencyID
        self.levelValue = levelValue
        self.text = text
    }
}

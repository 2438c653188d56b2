/// The two numbers of a proficiency scale that calculations need.
public struct CalculationScale: Hashable, Codable, Sendable {
    /// A score at or above this counts as mastery (n-times counts these).
    public var masteryPoints: Double
    /// The top of the scale; power-law results are capped to it.
    public var pointsPossible: Double

    public init(masteryPoints: Double, pointsPossible: Double) {
        self.masteryPoints = masteryPoints
        self.pointsPossible = pointsPossible
    }

    /// The conformance scale of the gradebooks we match: 0–5 points, mastery at 3.
    public static let conformance = CalculationScale(masteryPoints: 3, pointsPossible: 5)
}

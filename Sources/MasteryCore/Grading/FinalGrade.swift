/// A student's grade for a course under a rule, with every number it came from.
public struct FinalGrade: Hashable, Codable, Sendable {
    /// Nil when nothing academic is assessed yet.
    public var grade: String?
    /// The (weighted) mean level of the counted competencies.
    public var mean: Double?
    /// The lowest counted level.
    public var lowest: Double?
    /// The share of counted competencies mastered (0–1).
    public var masteredShare: Double?
    /// Competencies that counted, and those with no level yet.
    public var counted: Int
    public var unassessed: Int
    /// Habits of work, reported apart: their mean level and how many are assessed.
    public var habitsMean: Double?
    public var habitsCounted: Int
    /// The working in one paragraph, in the order it was decided.
    public var explanation: String

    public init(
        grade: String?, mean: Double?, lowest: Double?, masteredShare: Double?, counted: Int, unassessed: Int,
        habitsMean: Double?, habitsCounted: Int, explanation: String
    ) {
        self.grade = grade
        self.mean = mean
        self.lowest = lowest
        self.masteredShare = masteredShare
        self.counted = counted
        self.unassessed = unassessed
        self.habitsMean = habitsMean
        self.habitsCounted = habitsCounted
        self.explanation = explanation
    }
}

import Foundation

/// How a student's competency levels become one grade for a course. A rule is an ordered list of tiers: the first
/// tier whose every condition holds gives the grade, otherwise the fallback does. The common conversions — a mean
/// level in bands, "all at Proficient and none below Developing", a share of competencies mastered — are tiers
/// with one or two conditions (`GradeRule.Preset`). Only academic competencies count; habits of work are reported
/// on their own line, never folded into the grade.
public struct GradeRule: Hashable, Codable, Sendable {
    /// One grade and what it takes.
    public struct Tier: Hashable, Codable, Sendable {
        public var grade: String
        /// The (weighted) mean level of the counted competencies is at least this.
        public var meanAtLeast: Double?
        /// No counted competency is below this level.
        public var noneBelow: Double?
        /// At least this share (0–1) of the counted competencies is mastered.
        public var masteredShareAtLeast: Double?

        public init(
            grade: String, meanAtLeast: Double? = nil, noneBelow: Double? = nil, masteredShareAtLeast: Double? = nil
        ) {
            self.grade = grade
            self.meanAtLeast = meanAtLeast
            self.noneBelow = noneBelow
            self.masteredShareAtLeast = masteredShareAtLeast
        }
    }

    /// What happens to a competency the student has no level on yet.
    public enum Unassessed: String, CaseIterable, Codable, Sendable {
        /// Left out: the grade is over what was assessed.
        case skip
        /// Counted at the scale's lowest level.
        case lowest
        /// Any unassessed competency makes the grade "I" (incomplete).
        case incomplete
    }

    public var name: String
    public var tiers: [Tier]
    /// The grade when no tier holds.
    public var fallback: String
    public var unassessed: Unassessed
    /// The weight of each strand in the mean level (by strand id; missing strands weigh 1).
    public var strandWeights: [String: Double]

    public init(
        name: String, tiers: [Tier], fallback: String, unassessed: Unassessed = .skip,
        strandWeights: [String: Double] = [:]
    ) {
        self.name = name
        self.tiers = tiers
        self.fallback = fallback
        self.unassessed = unassessed
        self.strandWeights = strandWeights
    }

    /// The grade an incomplete record gets under `.incomplete`.
    public static let incompleteGrade = "I"

    /// Checks a rule before it is saved, naming the tier and field of the first problem.
    public func validate() throws(MasteryCoreError) {
        func grade(_ text: String, _ place: String) throws(MasteryCoreError) {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.count <= 12 else {
                throw .invalidPolicy("\(place): a grade is 1–12 characters")
            }
        }
        guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .invalidPolicy("name: the rule needs a name")
        }
        guard !tiers.isEmpty, tiers.count <= 20 else { throw .invalidPolicy("tiers: a rule has 1–20 grades") }
        for (index, tier) in tiers.enumerated() {
            let place = "tiers[\(index)]"
            try grade(tier.grade, "\(place).grade")
            guard tier.meanAtLeast != nil || tier.noneBelow != nil || tier.masteredShareAtLeast != nil else {
                throw .invalidPolicy("\(place): grade '\(tier.grade)' needs at least one condition")
            }
            for (field, value) in [("meanAtLeast", tier.meanAtLeast), ("noneBelow", tier.noneBelow)] {
                if let value, !value.isFinite || value < 0 || value > 1_000 {
                    throw .invalidPolicy("\(place).\(field): \(value) is not a level")
                }
            }
            if let share = tier.masteredShareAtLeast, !(0...1).contains(share) {
                throw .invalidPolicy("\(place).masteredShareAtLeast: a share is 0–1 (\(share))")
            }
        }
        try grade(fallback, "fallback")
        for (strand, weight) in strandWeights where !weight.isFinite || weight < 0 || weight > 100 {
            throw .invalidPolicy("strandWeights.\(strand): a weight is 0–100 (\(weight))")
        }
    }
}

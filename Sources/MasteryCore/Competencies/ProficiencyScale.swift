/// An ordered set of proficiency levels with a mastery threshold.
public struct ProficiencyScale: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<ProficiencyScale>

    public var id: ID
    public var name: String
    /// Levels in ascending order of value.
    public private(set) var levels: [ProficiencyLevel]
    /// A value at or above this counts as mastered.
    public var masteryThreshold: Double

    /// - Throws: `MasteryCoreError.invalidScale` when there are no levels, two levels share a value, or the
    ///   threshold lies outside the scale.
    public init(id: ID, name: String, levels: [ProficiencyLevel], masteryThreshold: Double) throws(MasteryCoreError) {
        let sorted = levels.sorted { $0.value < $1.value }
        guard let lowest = sorted.first, let highest = sorted.last else {
            throw .invalidScale("a scale needs at least one level")
        }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.value == b.value {
            throw .invalidScale("two levels share the value \(DisplayRounding.text(a.value))")
        }
        guard masteryThreshold >= lowest.value, masteryThreshold <= highest.value else {
            throw .invalidScale(
                "the mastery threshold \(DisplayRounding.text(masteryThreshold)) lies outside the scale "
                    + "(\(DisplayRounding.text(lowest.value))–\(DisplayRounding.text(highest.value)))")
        }
        self.id = id
        self.name = name
        self.levels = sorted
        self.masteryThreshold = masteryThreshold
    }

    /// The highest value a score can take on this scale.
    public var pointsPossible: Double { levels.last?.value ?? 0 }
    public var lowestValue: Double { levels.first?.value ?? 0 }

    /// The scale as the calculation engine sees it.
    public var calculationScale: CalculationScale {
        CalculationScale(masteryPoints: masteryThreshold, pointsPossible: pointsPossible)
    }

    /// The level a value falls in: the highest level whose value is at or below it (no interpolation, so
    /// 2.99 on a 1–4 scale is level 2). A value below the lowest level maps to the lowest level.
    public func level(for value: Double) -> ProficiencyLevel {
        levels.last { $0.value <= value } ?? levels[0]
    }

    public func isMastered(_ value: Double) -> Bool { value >= masteryThreshold }

    /// Whether a score can be recorded on this scale (within its range).
    public func contains(_ score: Double) -> Bool {
        score.isFinite && score >= min(0, lowestValue) && score <= pointsPossible
    }

    /// The level just above `level`, if any.
    public func level(after level: ProficiencyLevel) -> ProficiencyLevel? {
        levels.first { $0.value > level.value }
    }
}

extension GradeRule {
    /// The rules a school can start from, drawn on the course's scale (so a 1–4 and a 0–100 scale both get sensible
    /// thresholds).
    public enum Preset: String, CaseIterable, Codable, Sendable {
        /// The mean level in A–F bands (on a 1–4 scale: A 3.5, B 2.5, C 2, D 1.5).
        case meanLevel = "mean-level"
        /// Letters by the lowest level: A all at mastery with a mean halfway to the top, B all at mastery, C none
        /// below the level under mastery, D a mean at that level.
        case allAtLeast = "all-at-least"
        /// The share of competencies mastered: A 90 %, B 80 %, C 70 %, D 60 %.
        case percentMastered = "percent-mastered"
        /// No letters: the scale's own level names by the mean level.
        case levelNames = "level-names"

        public var title: String {
            switch self {
            case .meanLevel: "Mean level, A–F"
            case .allAtLeast: "All at mastery, none far below"
            case .percentMastered: "Share of competencies mastered"
            case .levelNames: "Level names (no letters)"
            }
        }

        public func rule(on scale: ProficiencyScale) -> GradeRule {
            let low = scale.lowestValue
            let top = scale.pointsPossible
            let mastery = scale.masteryThreshold
            let under = scale.levels.last { $0.value < mastery }?.value ?? low
            func at(_ share: Double) -> Double { ((low + share * (top - low)) * 100).rounded() / 100 }
            switch self {
            case .meanLevel:
                return GradeRule(
                    name: title,
                    tiers: [
                        Tier(grade: "A", meanAtLeast: at(5 / 6)), Tier(grade: "B", meanAtLeast: at(0.5)),
                        Tier(grade: "C", meanAtLeast: at(1 / 3)), Tier(grade: "D", meanAtLeast: at(1 / 6)),
                    ], fallback: "F")
            case .allAtLeast:
                let halfway = ((mastery + top) / 2 * 100).rounded() / 100
                return GradeRule(
                    name: title,
                    tiers: [
                        Tier(grade: "A", meanAtLeast: halfway, noneBelow: mastery),
                        Tier(grade: "B", noneBelow: mastery),
                        Tier(grade: "C", noneBelow: under), Tier(grade: "D", meanAtLeast: under),
                    ], fallback: "F")
            case .percentMastered:
                return GradeRule(
                    name: title,
                    tiers: [
                        Tier(grade: "A", masteredShareAtLeast: 0.9), Tier(grade: "B", masteredShareAtLeast: 0.8),
                        Tier(grade: "C", masteredShareAtLeast: 0.7), Tier(grade: "D", masteredShareAtLeast: 0.6),
                    ], fallback: "F")
            case .levelNames:
                let levels = scale.levels.reversed()
                return GradeRule(
                    name: title,
                    tiers: levels.dropLast().map { Tier(grade: String($0.label.prefix(12)), meanAtLeast: $0.value) },
                    fallback: String((levels.last?.label ?? "—").prefix(12)))
            }
        }
    }

    /// The rule a course follows when nobody chose one: the mean level in bands, on the course's scale (a 1–4
    /// scale when the course has none yet).
    public static func standard(on scale: ProficiencyScale?) -> GradeRule {
        guard let scale else {
            return GradeRule(
                name: Preset.meanLevel.title,
                tiers: [
                    Tier(grade: "A", meanAtLeast: 3.5), Tier(grade: "B", meanAtLeast: 2.5),
                    Tier(grade: "C", meanAtLeast: 2), Tier(grade: "D", meanAtLeast: 1.5),
                ], fallback: "F")
        }
        return Preset.meanLevel.rule(on: scale)
    }
}

import Foundation

extension NextStepAdvisor {
    /// Why a student may not work on an activity now, as data: a page words it in the reader's language;
    /// `english` is the API's text.
    public enum Refusal: Hashable, Sendable {
        case notInCourses
        /// Released at a level of a competency: the scale's first level at or above the value (its label), or
        /// just the value when the scale has none that high.
        case opensAtLevel(item: String, level: String?, value: Double, competency: String)
        /// Released by a result on its checkpoint.
        case opensWithCheckpoint(item: String)
        /// Its competencies' prerequisites are mastered, but the pathway has not reached them yet.
        case notOpenOnPathway(item: String)
        /// Waiting for these competencies (codes, or titles in quotes) to be mastered.
        case lockedUntilMastered(item: String, names: [String])

        public var english: String {
            switch self {
            case .notInCourses: "That activity is not in your courses."
            case .opensAtLevel(let item, let level, let value, let competency):
                "“\(item)” opens when you reach \(Refusal.level(level, value)) on \(competency)."
            case .opensWithCheckpoint(let item): "“\(item)” is not open yet: it opens with a result on its checkpoint."
            case .notOpenOnPathway(let item): "“\(item)” is not open on your pathway yet."
            case .lockedUntilMastered(let item, let names):
                "“\(item)” is locked until you master \(Reason.list(names))."
            }
        }

        /// "Proficient (3)", or "2.5" when no level is named.
        public static func level(_ label: String?, _ value: Double) -> String {
            label.map { "\($0) (\(Reason.number(value)))" } ?? Reason.number(value)
        }
    }
}

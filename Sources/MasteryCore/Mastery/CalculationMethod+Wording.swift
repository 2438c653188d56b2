import Foundation

/// Each calculation method in a teacher's words: one sentence on what it does, what its setting means, and a
/// worked example computed by the calculator itself (never written by hand, so it cannot drift).
extension CalculationMethod.Kind {
    public var explanation: String {
        switch self {
        case .highest: "The best score so far counts."
        case .latest: "The most recent score counts."
        case .mean: "The average of every score."
        case .mode: "The score given most often; in a tie, the most recent of them."
        case .weightedAverage:
            "The most recent score counts for the set percentage; all the earlier ones share the rest equally."
        case .decayingAverage:
            "Each new score counts for the set percentage and everything before it for the rest, so older scores fade."
        case .nTimes:
            "Nothing shows until the student has reached mastery the set number of times; then the average of those scores."
        case .powerLaw: "A trend line through the scores over time: where the student is heading now."
        case .bkt: "The chance the student has mastered it, learnt from right and wrong answers (0 to 1, not a level)."
        }
    }

    /// What the setting is, for methods that have one.
    public var parameterMeaning: String? {
        switch self {
        case .weightedAverage, .decayingAverage: "the weight of the most recent score, in percent"
        case .nTimes: "how many times at mastery are needed"
        default: nil
        }
    }

    /// The scores of the worked example, oldest first.
    public static let exampleScores: [Double] = [1, 2, 4, 3]

    /// The example's scores as people write them: "1, 2, 4, 3".
    public static var exampleText: String { exampleScores.map { String(Int($0)) }.joined(separator: ", ") }

    /// "1, 2, 4, 3 → 3.06": the worked example on a 1–4 scale with mastery at 3, with the usual setting.
    public func workedExample() -> String? {
        guard let method = try? CalculationMethod(kind: self),
            let scale = try? ProficiencyScale(
                id: "example", name: "example",
                levels: [1, 2, 3, 4].map { ProficiencyLevel(value: $0, label: "\($0)", colour: "#ffffff") },
                masteryThreshold: 3)
        else { return nil }
        let value = MasteryCalculator.value(of: Self.exampleScores, method: method, scale: scale.calculationScale)
        return "\(Self.exampleText) → \(value.map(DisplayRounding.text) ?? "nothing shown yet")"
    }
}

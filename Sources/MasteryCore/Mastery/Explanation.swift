import Foundation

/// Why a mastery value is what it is: the evidence used in order, the method and its parameter, the
/// arithmetic step by step, the rounding and the level reached. Every number Masterly shows has one.
public struct Explanation: Hashable, Codable, Sendable {
    /// One piece of evidence as the calculation saw it.
    public struct Line: Hashable, Codable, Sendable {
        /// 1-based position among the counted scores (the `x` of the power law); `nil` when not counted.
        public var position: Int?
        public var evidenceID: String?
        public var observedAt: Date?
        public var score: Double?
        public var counted: Bool
        /// This score's share of the final value, for methods that combine scores linearly.
        public var weight: Double?
        public var note: String?
    }

    /// One step of the arithmetic, in words, with the number it produced.
    public struct Step: Hashable, Codable, Sendable {
        public var text: String
        public var value: Double?

        public init(_ text: String, _ value: Double? = nil) {
            self.text = text
            self.value = value
        }
    }

    public var method: CalculationMethod.Kind
    public var parameter: Int?
    public var evidence: [Line]
    public var steps: [Step]
    /// Full precision.
    public var value: Double?
    /// Rounded half away from zero to two decimals, as shown.
    public var displayValue: String?
    public var status: MasteryStatus
    public var level: ProficiencyLevel?
    public var mastered: Bool
    public var minimumEvidence: Int
    /// One sentence a teacher, student or parent can read.
    public var summary: String
}

extension Explanation {
    /// The explanation as plain text, one step per line (for the command line and for printing).
    public var text: String {
        var lines = ["method: \(method.rawValue)\(parameter.map { " \($0)" } ?? "")"]
        lines.append("evidence (oldest first):")
        for line in evidence {
            let score = line.score.map { DisplayRounding.text($0) } ?? "none"
            var entry = "  \(line.position.map { "\($0)." } ?? "-") \(score)"
            if let weight = line.weight { entry += "  weight \(DisplayRounding.text(weight * 100))%" }
            if let note = line.note { entry += "  (\(note))" }
            lines.append(entry)
        }
        lines.append("steps:")
        for step in steps {
            lines.append("  \(step.text)\(step.value.map { " = \(Self.precise($0))" } ?? "")")
        }
        lines.append("result: \(displayValue ?? "none")\(value.map { " (full precision \(Self.precise($0)))" } ?? "")")
        if let level { lines.append("level: \(DisplayRounding.text(level.value)) \(level.label)") }
        lines.append("mastered: \(mastered ? "yes" : "no")")
        lines.append(summary)
        return lines.joined(separator: "\n")
    }

    /// A value with up to six decimals, trailing zeros removed.
    static func precise(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

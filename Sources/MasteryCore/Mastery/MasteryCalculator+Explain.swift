import Foundation

extension MasteryCalculator {
    /// The value of `observations` (oldest first) under `method`, with the arithmetic written out.
    ///
    /// The value equals `value(of:method:scale:)` on the same scores, bit for bit.
    /// - Parameters:
    ///   - levels: maps the value to a level when given; otherwise only the mastered flag is decided.
    ///   - minimumEvidence: below this many scored pieces the status is "not enough evidence yet".
    public static func explain(
        _ observations: [ScoredObservation], method: CalculationMethod, scale: CalculationScale,
        levels: ProficiencyScale? = nil, minimumEvidence: Int = 1, readiness: Double = 0.95
    ) -> Explanation {
        var lines: [Explanation.Line] = []
        var scores: [Double] = []
        for observation in observations {
            if let score = observation.score {
                scores.append(score)
                lines.append(
                    .init(
                        position: scores.count, evidenceID: observation.evidenceID,
                        observedAt: observation.observedAt, score: score, counted: true))
            } else {
                lines.append(
                    .init(
                        evidenceID: observation.evidenceID, observedAt: observation.observedAt, score: nil,
                        counted: false, note: "no score: not counted"))
            }
        }
        let value = self.value(of: scores, method: method, scale: scale)
        var work = ExplanationWork(scores: scores, lines: lines, scale: scale)
        work.describe(method, value: value)

        let enough = scores.count >= minimumEvidence
        let shown = enough ? value : nil
        let status: MasteryStatus = shown == nil ? .notEnoughEvidence : .assessed
        let level = method.isProbability ? nil : shown.flatMap { levels?.level(for: $0) }
        let mastered = shown.map { $0 >= (method.isProbability ? readiness : scale.masteryPoints) } ?? false
        if method.isProbability, let shown {
            work.steps.append(
                .init(
                    shown >= readiness
                        ? "P(mastered) reached the readiness threshold \(Explanation.precise(readiness)): ready to reassess"
                        : "P(mastered) is below the readiness threshold \(Explanation.precise(readiness))"))
        }
        if let value, !enough {
            work.steps.append(
                .init(
                    "The policy shows a level only after \(minimumEvidence) scored pieces of evidence; "
                        + "there are \(scores.count), so the computed \(DisplayRounding.text(value)) is not shown yet"))
        }
        if let shown {
            work.steps.append(.init("Rounded half away from zero to two decimals: \(DisplayRounding.text(shown))"))
        }
        return Explanation(
            method: method.kind, parameter: method.parameter, evidence: work.lines, steps: work.steps,
            value: shown, displayValue: shown.map(DisplayRounding.text), status: status, level: level,
            mastered: mastered,
            minimumEvidence: minimumEvidence,
            summary: summary(shown: shown, level: level, mastered: mastered, scored: scores.count, method: method))
    }

    private static func summary(
        shown: Double?, level: ProficiencyLevel?, mastered: Bool, scored: Int, method: CalculationMethod
    ) -> String {
        guard let shown else {
            return scored == 0
                ? "Not enough evidence yet: no scored evidence."
                : "Not enough evidence yet (\(scored) scored piece\(scored == 1 ? "" : "s") so far)."
        }
        let levelText = level.map { " — level \(DisplayRounding.text($0.value)) \($0.label)" } ?? ""
        return "\(method.kind.displayName) of \(scored) score\(scored == 1 ? "" : "s"): "
            + "\(DisplayRounding.text(shown))\(levelText); \(mastered ? "mastered" : "not yet mastered")."
    }
}

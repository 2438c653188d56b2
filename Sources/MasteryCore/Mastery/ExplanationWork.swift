import Foundation

/// Writes out the arithmetic of one method over one list of scores, for `MasteryCalculator.explain`.
struct ExplanationWork {
    let scores: [Double]
    var lines: [Explanation.Line]
    let scale: CalculationScale
    var steps: [Explanation.Step] = []

    init(scores: [Double], lines: [Explanation.Line], scale: CalculationScale) {
        self.scores = scores
        self.lines = lines
        self.scale = scale
    }

    private func t(_ value: Double) -> String { Explanation.precise(value) }

    /// Sets the weight of the counted score at 1-based `position`.
    private mutating func weigh(_ position: Int, _ weight: Double, note: String? = nil) {
        guard let index = lines.firstIndex(where: { $0.position == position }) else { return }
        lines[index].weight = weight
        if let note { lines[index].note = note }
    }

    mutating func describe(_ method: CalculationMethod, value: Double?) {
        let n = scores.count
        guard n > 0 else {
            steps.append(.init("No scored evidence: the method has nothing to work on"))
            return
        }
        switch method {
        case .highest:
            let best = scores.max()!
            let at = scores.firstIndex(of: best)! + 1
            weigh(at, 1, note: "highest")
            steps.append(.init("Highest of \(n) scores", best))
        case .latest:
            weigh(n, 1, note: "most recent")
            steps.append(.init("Most recent of \(n) scores", scores[n - 1]))
        case .mean:
            let total = scores.reduce(0, +)
            for position in 1...n { weigh(position, 1 / Double(n)) }
            steps.append(.init("Sum of \(n) scores: \(scores.map(t).joined(separator: " + "))", total))
            steps.append(.init("Mean: \(t(total)) ÷ \(n)", value))
        case .mode:
            describeMode(value: value!)
        case .weightedAverage(let percent):
            describeWeighted(percent: percent, value: value!)
        case .decayingAverage(let percent):
            describeDecaying(percent: percent)
        case .nTimes(let times):
            describeNTimes(times: times, value: value)
        case .powerLaw:
            describePowerLaw()
        case .bkt(let parameters):
            describeTracing(parameters)
        }
    }

    private mutating func describeMode(value: Double) {
        var counts: [(score: Double, count: Int)] = []
        for score in scores {
            if let index = counts.firstIndex(where: { $0.score == score }) {
                counts[index].count += 1
            } else {
                counts.append((score, 1))
            }
        }
        let listing = counts.map { "\(t($0.score)) × \($0.count)" }.joined(separator: ", ")
        steps.append(.init("How often each score occurs: \(listing)"))
        let top = counts.map(\.count).max()!
        if counts.filter({ $0.count == top }).count > 1 {
            steps.append(.init("Several scores occur \(top) times; the tie goes to the most recently observed of them"))
        }
        for (index, score) in scores.enumerated() where score == value { weigh(index + 1, 1 / Double(top)) }
        steps.append(.init("Mode", value))
    }

    private mutating func describeWeighted(percent: Int, value: Double) {
        let n = scores.count
        let w = Double(percent) / 100
        guard n > 1 else {
            weigh(1, 1)
            steps.append(.init("Only one score: the weighted average is that score", value))
            return
        }
        let earlier = scores.dropLast()
        let earlierMean = earlier.reduce(0, +) / Double(n - 1)
        weigh(n, w, note: "most recent")
        for position in 1..<n { weigh(position, (1 - w) / Double(n - 1)) }
        steps.append(.init("Mean of the \(n - 1) earlier scores", earlierMean))
        steps.append(
            .init("\(t(w)) × \(t(scores[n - 1])) (most recent) + \(t(1 - w)) × \(t(earlierMean)) (earlier)", value))
    }

    private mutating func describeDecaying(percent: Int) {
        let n = scores.count
        let w = Double(percent) / 100
        var running = scores[0]
        steps.append(.init("Start with the first score", running))
        for index in scores.indices.dropFirst() {
            let previous = running
            running = (1 - w) * running + w * scores[index]
            steps.append(.init("\(t(1 - w)) × \(t(previous)) + \(t(w)) × \(t(scores[index]))", running))
        }
        // Closed form of the weights: s₁ gets (1−w)ⁿ⁻¹, sₖ gets w(1−w)ⁿ⁻ᵏ.
        for position in 1...n {
            let weight = position == 1 ? pow(1 - w, Double(n - 1)) : w * pow(1 - w, Double(n - position))
            weigh(position, weight)
        }
    }

    private mutating func describeNTimes(times: Int, value: Double?) {
        let n = scores.count
        let atMastery = scores.enumerated().filter { $0.element >= scale.masteryPoints }
        steps.append(.init("Scored results: \(n) (at least \(times) needed)"))
        steps.append(
            .init(
                "Scores at or above mastery (\(t(scale.masteryPoints))): \(atMastery.count) "
                    + "(at least \(times) needed)"))
        guard let value else {
            steps.append(.init("Not yet \(times) times at mastery: no value yet"))
            return
        }
        for (index, _) in atMastery { weigh(index + 1, 1 / Double(atMastery.count)) }
        let listing = atMastery.map { t($0.element) }.joined(separator: " + ")
        steps.append(.init("Mean of every score at mastery: (\(listing)) ÷ \(atMastery.count)", value))
    }

    private mutating func describePowerLaw() {
        let fit = PowerLawFit(scores: scores, scale: scale)
        let n = scores.count
        if fit.raisedCount > 0 {
            steps.append(
                .init(
                    "\(fit.raisedCount) score\(fit.raisedCount == 1 ? " is" : "s are") below the floor \(t(fit.floor)) "
                        + "(10% of the scale's top) and raised to it, since ln 0 does not exist"))
        }
        if scores.allSatisfy({ $0 == 0 }) {
            steps.append(.init("Every score is 0: the value is 0", 0))
            return
        }
        if n == 1 || scores.allSatisfy({ $0 == scores[0] }) {
            steps.append(
                .init(
                    n == 1 ? "One score: no trend can be fitted, the value is that score" : "A flat line: b = 0",
                    fit.uncapped))
        } else {
            steps.append(.init("Least-squares fit of ln(score) on ln(position) for positions 1…\(n)"))
            steps.append(.init("a = e^(intercept)", exp(fit.logIntercept)))
            steps.append(.init("b (growth exponent)", fit.exponent))
            steps.append(.init("Fitted score at the latest position: a × \(n)^b", fit.uncapped))
        }
        for position in 1...n {
            guard let index = lines.firstIndex(where: { $0.position == position }) else { continue }
            lines[index].note = "fitted \(t(fit.fitted(at: position)))"
        }
        if fit.value != fit.uncapped {
            steps.append(.init("Capped to the scale (0…\(t(scale.pointsPossible)))", fit.value))
        }
    }

    private mutating func describeTracing(_ p: BKTParameters) {
        steps.append(
            .init(
                "Parameters: prior \(t(p.prior)), learn \(t(p.learn)), guess \(t(p.guess)), slip \(t(p.slip))"
                    + (p.forget > 0 ? ", forget \(t(p.forget))" : "")))
        steps.append(.init("A score at or above \(t(scale.masteryPoints)) counts as correct"))
        var tracer = BKTTracer(parameters: p)
        for (index, score) in scores.enumerated() {
            let before = tracer.knownProbability
            let correct = score >= scale.masteryPoints
            let after = tracer.observe(correct: correct)
            steps.append(
                .init(
                    "Response \(index + 1) (\(correct ? "correct" : "not yet")): P(mastered) \(t(before)) → after it",
                    after))
            if let line = lines.firstIndex(where: { $0.position == index + 1 }) {
                lines[line].note = "P(mastered) \(t(before)) → \(t(after))"
            }
        }
    }
}

import Foundation
import MasteryCore
import Testing

@Suite("Explanations")
struct ExplanationTests {
    static let methods: [CalculationMethod] = [
        .highest, .latest, .mean, .mode, .weightedAverage(percent: 65), .decayingAverage(percent: 80),
        .nTimes(times: 2), .powerLaw,
    ]

    @Test("The explained value equals the fast value, bit for bit, on seeded random evidence", arguments: methods)
    func explainedEqualsFast(_ method: CalculationMethod) {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let count = Int(random.next() % 12)
            let observations = (0..<count).map { _ in
                ScoredObservation(score: random.next() % 7 == 0 ? nil : Double(random.next() % 21) / 4)
            }
            let scores = observations.compactMap(\.score)
            let fast = MasteryCalculator.value(of: scores, method: method, scale: .conformance)
            let explained = MasteryCalculator.explain(observations, method: method, scale: .conformance)
            #expect(explained.value == fast, "\(method.summary) \(scores)")
            #expect(explained.evidence.count == observations.count)
            #expect(explained.evidence.filter(\.counted).count == scores.count)
        }
    }

    @Test("Weights of linear methods add up to one and show who counted most")
    func weights() throws {
        let observations = [2.0, 3, 4].map { ScoredObservation(score: $0) }
        let explanation = MasteryCalculator.explain(
            observations, method: .decayingAverage(percent: 65), scale: .conformance)
        let weights = explanation.evidence.compactMap(\.weight)
        #expect(weights.count == 3)
        #expect(abs(weights.reduce(0, +) - 1) < 1e-12)
        #expect(abs(weights[0] - 0.1225) < 1e-12 && abs(weights[1] - 0.2275) < 1e-12 && abs(weights[2] - 0.65) < 1e-12)
        let value = try #require(explanation.value)
        let recombined = zip(weights, [2.0, 3, 4]).map(*).reduce(0, +)
        #expect(abs(recombined - value) < 1e-12)
    }

    @Test("A level is shown only from the policy's minimum evidence on")
    func minimumEvidence() throws {
        let scale = try DemoScale.fourLevels()
        let observations = [3.0, 4].map { ScoredObservation(score: $0) }
        let early = MasteryCalculator.explain(
            observations, method: .mean, scale: scale.calculationScale, levels: scale, minimumEvidence: 3)
        #expect(early.status == .notEnoughEvidence)
        #expect(early.value == nil && early.level == nil && !early.mastered)
        #expect(early.summary.hasPrefix("Not enough evidence yet"))
        let ready = MasteryCalculator.explain(
            observations, method: .mean, scale: scale.calculationScale, levels: scale, minimumEvidence: 2)
        #expect(ready.status == .assessed)
        #expect(ready.displayValue == "3.50")
        #expect(ready.level?.label == "Proficient")
        #expect(ready.mastered)
    }

    @Test("Results without a score are listed and not counted")
    func unscored() {
        let explanation = MasteryCalculator.explain(
            [ScoredObservation(score: 2), ScoredObservation(score: nil), ScoredObservation(score: 4)],
            method: .latest, scale: .conformance)
        #expect(explanation.evidence[1].counted == false)
        #expect(explanation.evidence[1].note == "no score: not counted")
        #expect(explanation.displayValue == "4.00")
        #expect(explanation.text.contains("result: 4.00"))
    }

    @Test("No evidence at all is not enough evidence, not a zero")
    func empty() {
        for method in Self.methods {
            let explanation = MasteryCalculator.explain([], method: method, scale: .conformance)
            #expect(explanation.value == nil)
            #expect(explanation.status == .notEnoughEvidence)
        }
    }
}

enum DemoScale {
    static func fourLevels() throws -> ProficiencyScale {
        try ProficiencyScale(
            id: "scale-4", name: "Four levels",
            levels: [
                ProficiencyLevel(value: 1, label: "Beginning", colour: "#fde2e1"),
                ProficiencyLevel(value: 2, label: "Developing", colour: "#fff1c2"),
                ProficiencyLevel(value: 3, label: "Proficient", colour: "#d7f0dc"),
                ProficiencyLevel(value: 4, label: "Advanced", colour: "#d6e6ff"),
            ], masteryThreshold: 3)
    }
}

import Foundation
import MasteryCore
import Testing

@Suite("Power law: the cases no gradebook documents")
struct PowerLawTests {
    let scale = CalculationScale.conformance

    func value(_ scores: [Double]) -> Double? {
        MasteryCalculator.value(of: scores, method: .powerLaw, scale: scale)
    }

    @Test("A single score is that score")
    func single() {
        #expect(value([2.5]) == 2.5)
        #expect(value([0]) == 0)
    }

    @Test("A flat line is its level, with no growth")
    func flat() {
        #expect(value([3, 3, 3, 3]) == 3)
        let fit = PowerLawFit(scores: [2, 2, 2], scale: scale)
        #expect(fit.exponent == 0)
    }

    @Test("Zeros are raised to the floor (10% of the top) before the fit; all zeros give 0")
    func zeros() throws {
        #expect(value([0, 0, 0]) == 0)
        let fit = PowerLawFit(scores: [0, 2, 3], scale: scale)
        #expect(fit.floor == 0.5)
        #expect(fit.raisedCount == 1)
        let same = PowerLawFit(scores: [0.5, 2, 3], scale: scale)
        #expect(fit.value == same.value)
        let v = try #require(value([0, 2, 3]))
        #expect(v > 3 && v <= 5)
    }

    @Test("A steep rise is capped at the scale's top")
    func capped() throws {
        let fit = PowerLawFit(scores: [0.5, 1, 4, 5], scale: scale)
        #expect(fit.uncapped > 5)
        #expect(fit.value == 5)
        let explanation = MasteryCalculator.explain(
            [0.5, 1, 4, 5].map { ScoredObservation(score: $0) }, method: .powerLaw, scale: scale)
        #expect(explanation.steps.contains { $0.text.hasPrefix("Capped to the scale") })
        #expect(explanation.displayValue == "5.00")
    }

    @Test("The fit is exact on a true power curve")
    func exactCurve() throws {
        // s = 1.5 · x^0.5
        let scores = (1...5).map { 1.5 * pow(Double($0), 0.5) }
        let fit = PowerLawFit(scores: scores, scale: scale)
        #expect(abs(fit.exponent - 0.5) < 1e-12)
        #expect(abs(exp(fit.logIntercept) - 1.5) < 1e-12)
        #expect(abs(fit.value - scores[4]) < 1e-12)
    }
}

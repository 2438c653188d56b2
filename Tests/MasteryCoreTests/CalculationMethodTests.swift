import Foundation
import MasteryCore
import Testing

@Suite("Calculation methods")
struct CalculationMethodTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let method: CalculationMethod
        let scores: [Double]
        let expected: String?
        var testDescription: String { "\(method.summary) \(scores) → \(expected ?? "none")" }
    }

    static let cases: [Case] = [
        Case(method: .highest, scores: [2, 4, 3], expected: "4.00"),
        Case(method: .highest, scores: [], expected: nil),
        Case(method: .latest, scores: [4, 2], expected: "2.00"),
        Case(method: .mean, scores: [1, 2, 2], expected: "1.67"),
        Case(method: .mean, scores: [4.125], expected: "4.13"),
        Case(method: .mode, scores: [3, 2, 3, 1], expected: "3.00"),
        // 2 and 3 both occur twice; 3 was seen last.
        Case(method: .mode, scores: [2, 3, 2, 3], expected: "3.00"),
        Case(method: .mode, scores: [3, 2, 3, 2], expected: "2.00"),
        Case(method: .mode, scores: [1, 2, 4], expected: "4.00"),
        Case(method: .weightedAverage(percent: 65), scores: [1, 3, 4], expected: "3.30"),
        Case(method: .weightedAverage(percent: 1), scores: [0, 5], expected: "0.05"),
        Case(method: .decayingAverage(percent: 75), scores: [1, 2, 4], expected: "3.44"),
        Case(method: .decayingAverage(percent: 50), scores: [4, 0], expected: "2.00"),
        Case(method: .nTimes(times: 2), scores: [3, 3, 1], expected: "3.00"),
        Case(method: .nTimes(times: 2), scores: [3, 1], expected: nil),
        Case(method: .nTimes(times: 10), scores: Array(repeating: 4, count: 9), expected: nil),
    ]

    @Test("Values", arguments: cases)
    func value(_ testCase: Case) {
        let value = MasteryCalculator.value(of: testCase.scores, method: testCase.method, scale: .conformance)
        #expect(value.map(DisplayRounding.text) == testCase.expected)
    }

    @Test("Defaults and ranges match the gradebooks'")
    func defaultsAndRanges() throws {
        #expect(try CalculationMethod(kind: .weightedAverage) == .weightedAverage(percent: 65))
        #expect(try CalculationMethod(kind: .decayingAverage) == .decayingAverage(percent: 65))
        #expect(try CalculationMethod(kind: .nTimes) == .nTimes(times: 5))
        #expect(CalculationMethod.Kind.weightedAverage.parameterRange == 1...99)
        #expect(CalculationMethod.Kind.decayingAverage.parameterRange == 50...99)
        #expect(CalculationMethod.Kind.nTimes.parameterRange == 1...10)
        #expect(try CalculationMethod(kind: .decayingAverage, parameter: 50) == .decayingAverage(percent: 50))
        #expect(try CalculationMethod(kind: .nTimes, parameter: 10) == .nTimes(times: 10))
    }

    @Test("Bad method names and parameters are refused with a message naming what is allowed")
    func refusals() {
        #expect(throws: MasteryCoreError.unknownMethod("median")) {
            try CalculationMethod(name: "median", parameterText: nil)
        }
        #expect(throws: MasteryCoreError.self) { try CalculationMethod(name: "mean", parameterText: "3") }
        #expect(throws: MasteryCoreError.self) { try CalculationMethod(name: "decaying-average", parameterText: "49") }
        #expect(throws: MasteryCoreError.self) {
            try CalculationMethod(name: "decaying-average", parameterText: "65.5")
        }
        do {
            _ = try CalculationMethod(name: "n-times", parameterText: "11")
            Issue.record("n-times 11 was accepted")
        } catch {
            #expect(error.description == "n-times: parameter 11 is out of range; allowed: 1…10")
        }
        #expect(MasteryCoreError.unknownMethod("x").description.contains("power-law"))
    }

    @Test("A method survives a JSON round trip with its parameter")
    func codable() throws {
        for method in [CalculationMethod.mode, .nTimes(times: 3), .decayingAverage(percent: 80)] {
            let data = try JSONEncoder().encode(method)
            #expect(try JSONDecoder().decode(CalculationMethod.self, from: data) == method)
        }
        let bad = Data(#"{"method":"decaying-average","parameter":20}"#.utf8)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(CalculationMethod.self, from: bad) }
    }
}

import Foundation
import MasteryCore
import Testing

/// Every case of `../shared/conformance/mastery-methods.json` (real gradebooks' numbers), when present.
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    let id: String
    let method: String
    let parameter: Int?
    let scores: [Double?]
    let expected: String?
    var testDescription: String { id }
}

enum ConformanceFile {
    static let url = SharedFolder.file("conformance/mastery-methods.json")

    struct Spec: Decodable {
        struct Scale: Decodable { let pointsPossible: Double, masteryPoints: Double }
        struct Case: Decodable {
            let id: String, method: String, parameter: Int?, scores: [Double?], expected: String?
        }
        struct Invalid: Decodable { let method: String, parameter: Int }
        let scale: Scale
        let cases: [Case]
        let invalidParameters: [Invalid]
    }

    static let spec: Spec? = url.flatMap { try? JSONDecoder().decode(Spec.self, from: Data(contentsOf: $0)) }

    static var cases: [ConformanceCase] {
        (spec?.cases ?? []).map {
            ConformanceCase(
                id: $0.id, method: $0.method, parameter: $0.parameter, scores: $0.scores, expected: $0.expected)
        }
    }
}

@Suite(
    "Conformance with real gradebooks (../shared/conformance)",
    .enabled(if: ConformanceFile.spec != nil, "../shared/conformance/mastery-methods.json not found: skipped"))
struct ConformanceTests {
    @Test("The conformance file is read completely")
    func fileIsRead() throws {
        let spec = try #require(ConformanceFile.spec)
        #expect(spec.cases.count >= 20)
        #expect(spec.scale.masteryPoints == CalculationScale.conformance.masteryPoints)
        #expect(spec.scale.pointsPossible == CalculationScale.conformance.pointsPossible)
    }

    @Test("Each case gives the gradebook's value", arguments: ConformanceFile.cases)
    func conformanceCase(_ testCase: ConformanceCase) throws {
        let method = try CalculationMethod(
            kind: #require(CalculationMethod.Kind(rawValue: testCase.method)), parameter: testCase.parameter)
        let scores = testCase.scores.compactMap { $0 }
        let value = MasteryCalculator.value(of: scores, method: method, scale: .conformance)
        #expect(value.map(DisplayRounding.text) == testCase.expected)
        let explanation = MasteryCalculator.explain(
            testCase.scores.map { ScoredObservation(score: $0) }, method: method, scale: .conformance)
        #expect(explanation.displayValue == testCase.expected)
    }

    @Test("Invalid parameters are refused with the allowed range")
    func invalidParameters() throws {
        let spec = try #require(ConformanceFile.spec)
        for invalid in spec.invalidParameters {
            let kind = try #require(CalculationMethod.Kind(rawValue: invalid.method))
            #expect(throws: MasteryCoreError.self) { try CalculationMethod(kind: kind, parameter: invalid.parameter) }
            do {
                _ = try CalculationMethod(kind: kind, parameter: invalid.parameter)
            } catch {
                let range = try #require(kind.parameterRange)
                #expect(error.description.contains("\(range.lowerBound)…\(range.upperBound)"))
            }
        }
    }
}

import Foundation
import MasteryCore
import Testing

/// The worked examples of `docs/calculations/*.md` are tests: each ```masterly-example block is computed by
/// the engine and must give the value the guide prints.
struct GuideExample: Sendable, CustomTestStringConvertible {
    let file: String
    let fields: [String: String]
    var testDescription: String { "\(file): \(fields["method"] ?? "?") \(fields["scores"] ?? "")" }

    static func all() -> [GuideExample] {
        let folder = SharedFolder.projectRoot.appendingPathComponent("docs/calculations")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.sorted().flatMap { name -> [GuideExample] in
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else {
                return []
            }
            return blocks(in: text).map { GuideExample(file: name, fields: $0) }
        }
    }

    static func blocks(in text: String) -> [[String: String]] {
        var result: [[String: String]] = []
        var current: [String: String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "```masterly-example" {
                current = [:]
            } else if trimmed == "```", let block = current {
                result.append(block)
                current = nil
            } else if current != nil, let colon = trimmed.firstIndex(of: ":") {
                let key = String(trimmed[..<colon])
                current![key] = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return result
    }
}

@Suite("Calculation guides (docs/calculations)")
struct CalculationGuideTests {
    static let examples = GuideExample.all()

    @Test("Every method has a guide with at least one worked example")
    func everyMethodHasAGuide() {
        for kind in CalculationMethod.Kind.allCases {
            #expect(Self.examples.contains { $0.file == "\(kind.rawValue).md" }, "no example in \(kind.rawValue).md")
        }
    }

    @Test("Each worked example gives the printed value", arguments: examples)
    func example(_ example: GuideExample) throws {
        let fields = example.fields
        let method = try CalculationMethod(name: #require(fields["method"]), parameterText: fields["parameter"])
        let scale = CalculationScale(
            masteryPoints: Double(fields["mastery-points"] ?? "3") ?? 3,
            pointsPossible: Double(fields["points-possible"] ?? "5") ?? 5)
        let observations = try #require(fields["scores"]).split(separator: " ").map { token in
            ScoredObservation(score: token == "none" ? nil : Double(token))
        }
        let explanation = MasteryCalculator.explain(observations, method: method, scale: scale)
        #expect((explanation.displayValue ?? "none") == fields["expected"])
    }
}

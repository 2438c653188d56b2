import Foundation
import MasteryCore
import MasteryInterop
import Testing

/// Our BKT against pyBKT 1.4.3's baseline on the real data in ../shared/data/kt (research/pybkt-baseline.md):
/// training log-likelihood at least pyBKT's, held-out AUC at least pyBKT's − 0.005.
@Suite(
    "BKT accuracy against pyBKT (../shared/data/kt)",
    .enabled(if: SharedFolder.hasKTData, "../shared/data/kt not found: skipped"))
struct BKTAccuracyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var forgets: Bool
        var pyBKTLogLikelihood: Double
        var splitSeed: Int
        /// pyBKT's held-out AUC on the 80/20 student split (or the external test file).
        var pyBKTTestAUC: Double
        var externalTest: String?
        var testDescription: String { "\(file)\(forgets ? " + forgets" : "")" }
    }

    static let cases: [Case] = [
        Case(
            file: "normalized/as_2020-06_2skills.norm.csv", forgets: false, pyBKTLogLikelihood: -5_755.20, splitSeed: 0,
            pyBKTTestAUC: 0.6472),
        Case(
            file: "normalized/as_2020-06_2skills.norm.csv", forgets: true, pyBKTLogLikelihood: -5_696.27, splitSeed: 0,
            pyBKTTestAUC: 0.6822),
        Case(
            file: "normalized/ct_2020-05.norm.csv", forgets: false, pyBKTLogLikelihood: -6_737.51, splitSeed: 1,
            pyBKTTestAUC: 0.7030),
        Case(
            file: "normalized/ct_2020-05.norm.csv", forgets: true, pyBKTLogLikelihood: -6_668.85, splitSeed: 1,
            pyBKTTestAUC: 0.7023),
        Case(
            file: "assist2009_builder_train.csv", forgets: false, pyBKTLogLikelihood: -205_888.07, splitSeed: 0,
            pyBKTTestAUC: 0.7572,
            externalTest: "assist2009_builder_test.csv"),
        Case(
            file: "assist2009_builder_train.csv", forgets: true, pyBKTLogLikelihood: -190_113.22, splitSeed: 0,
            pyBKTTestAUC: 0.8266,
            externalTest: "assist2009_builder_test.csv"),
    ]

    static func read(_ path: String) throws -> ResponseLog {
        let url = try #require(SharedFolder.file("data/kt/\(path)"))
        return try ResponseLogCSV.read(try Data(contentsOf: url), file: path)
    }

    static func auc(_ skills: [BKTSkillData], _ parameters: [String: BKTParameters]) -> Double? {
        var predictions: [Double] = []
        var outcomes: [UInt8] = []
        for skill in skills {
            guard let p = parameters[skill.name] else { continue }
            for sequence in 0..<skill.sequenceCount {
                let responses = skill.responses[skill.starts[sequence]..<skill.starts[sequence + 1]]
                predictions += BKTTracer.predictions(responses, parameters: p)
                outcomes += responses
            }
        }
        return ClassificationMetrics.auc(predictions: predictions, outcomes: outcomes)
    }

    @Test("Training log-likelihood ≥ pyBKT's and held-out AUC ≥ pyBKT's − 0.005", arguments: cases)
    func accuracy(_ testCase: Case) throws {
        let log = try Self.read(testCase.file)
        let options = BKTFitOptions(forgets: testCase.forgets, restarts: 5, seed: 42)
        let full = BKTFitter.fit(log.skillData(), options: options)
        let logLikelihood = full.map(\.logLikelihood).reduce(0, +)
        #expect(
            logLikelihood >= testCase.pyBKTLogLikelihood, "LL \(logLikelihood) vs pyBKT \(testCase.pyBKTLogLikelihood)")

        let auc: Double?
        if let external = testCase.externalTest {
            let parameters = Dictionary(uniqueKeysWithValues: full.map { ($0.skill, $0.parameters) })
            auc = Self.auc(try Self.read(external).skillData(), parameters)
        } else {
            let train = BKTFitter.fit(log.skillData { $0.split == .train }, options: options)
            let parameters = Dictionary(uniqueKeysWithValues: train.map { ($0.skill, $0.parameters) })
            auc = Self.auc(log.skillData { $0.split == .test }, parameters)
        }
        let value = try #require(auc)
        #expect(value >= testCase.pyBKTTestAUC - 0.005, "AUC \(value) vs pyBKT \(testCase.pyBKTTestAUC)")
    }
}

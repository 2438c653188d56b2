import ArgumentParser
import Foundation
import MasteryCore

struct MasteryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mastery", abstract: "Mastery calculations.", subcommands: [Compute.self])

    struct Compute: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What-if calculator: the rollup of scores S1…Sn (oldest first) under a method.",
            discussion: """
                Prints the value with two decimals, or 'none' when the method yields no value. 'none' as a score is \
                a result without score (ignored). Methods: \(CalculationMethod.Kind.allCases.map(\.rawValue).joined(separator: ", ")). \
                An invalid method, parameter or score exits with status 2 and a message naming what is allowed.
                """)

        @Option(help: "The calculation method.")
        var method: String

        @Option(help: "The method's parameter (weighted-average 1…99, decaying-average 50…99, n-times 1…10).")
        var parameter: String?

        @Option(name: .customLong("mastery-points"), help: "The mastery threshold (default 3).")
        var masteryPoints: Double = 3

        @Option(name: .customLong("points-possible"), help: "The top of the scale (default 5).")
        var pointsPossible: Double = 5

        @Flag(help: "Print the explanation after the value.")
        var explain = false

        @Argument(help: "Scores, oldest first; 'none' for a result without score.")
        var scores: [String] = []

        func run() throws {
            do {
                let method = try CalculationMethod(name: method, parameterText: parameter)
                guard pointsPossible > 0, masteryPoints >= 0, masteryPoints <= pointsPossible else {
                    throw CLIError("--mastery-points must lie between 0 and --points-possible (\(pointsPossible))")
                }
                let observations = try scores.enumerated().map { index, text -> ScoredObservation in
                    if text.lowercased() == "none" { return ScoredObservation(score: nil) }
                    guard let score = Double(text), score.isFinite else {
                        throw CLIError("score \(index + 1) '\(text)' is not a number or 'none'")
                    }
                    guard score >= 0, score <= pointsPossible else {
                        throw CLIError(
                            "score \(index + 1) (\(text)) is outside the scale 0…\(DisplayRounding.text(pointsPossible))"
                        )
                    }
                    return ScoredObservation(score: score)
                }
                let scale = CalculationScale(masteryPoints: masteryPoints, pointsPossible: pointsPossible)
                let explanation = MasteryCalculator.explain(observations, method: method, scale: scale)
                print(explanation.displayValue ?? "none")
                if explain { print(explanation.text) }
            } catch let error as MasteryCoreError {
                FileHandle.standardError.write(Data("masterly mastery compute: \(error)\n".utf8))
                throw ExitCode(2)
            } catch let error as CLIError {
                FileHandle.standardError.write(Data("masterly mastery compute: \(error.message)\n".utf8))
                throw ExitCode(2)
            }
        }
    }
}

struct CLIError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

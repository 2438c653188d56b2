import ArgumentParser
import Foundation
import MasteryCore
import MasteryStore

/// `masterly bench mastery`: rollup throughput in memory, and store recompute against a plain scan.
struct BenchMastery: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mastery",
        abstract: "Mastery rollup throughput and SQLite recompute time against a full scan of the evidence table.",
        discussion: "Build with -c release for meaningful numbers: swift run -c release masterly bench mastery")

    @Option(help: "Students in the generated school.") var students = 1_000
    @Option(help: "Competencies per student.") var competencies = 100
    @Option(help: "Evidence per student and competency.") var evidence = 10
    @Option(help: "Rounds of the in-memory benchmark (the best is reported).") var rounds = 5
    @Flag(name: .customLong("skip-store"), help: "Only the in-memory part.") var skipStore = false
    @Option(help: "Seed of the generated data.") var seed: UInt64 = 7

    func run() async throws {
        #if DEBUG
            print("note: this is a debug build; use `swift run -c release masterly bench mastery` for real figures")
        #endif
        let total = students * competencies * evidence
        print(
            "school: \(students) students × \(competencies) competencies × \(evidence) evidence = \(total) evidence rows"
        )
        let scores = BenchData.scores(count: total, seed: seed)
        InMemoryBench(scores: scores, groupSize: evidence, rounds: rounds).run()
        if !skipStore {
            try await StoreBench(students: students, competencies: competencies, evidence: evidence, scores: scores)
                .run()
        }
    }
}

enum BenchData {
    /// Scores 0…4 in quarter points, deterministic for a seed.
    static func scores(count: Int, seed: UInt64) -> [Double] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Double(random.next() % 17) / 4 }
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Rollups over evidence already grouped and time-ordered, one core.
struct InMemoryBench {
    let scores: [Double]
    let groupSize: Int
    let rounds: Int

    func run() {
        print("\n== in-memory rollup (one core, evidence grouped and ordered) ==")
        let reference = best { plainDecayingAverage() }
        print(
            "reference plain loop (decaying average): \(BenchData.format(Double(scores.count) / reference.seconds / 1e6)) M evidence/s  (checksum \(BenchData.format(reference.checksum)))"
        )
        let methods: [CalculationMethod] = [
            .decayingAverage(percent: 65), .weightedAverage(percent: 65), .mean, .highest, .latest, .nTimes(times: 3),
            .mode, .powerLaw,
        ]
        for method in methods {
            let result = best { engine(method) }
            let rate = Double(scores.count) / result.seconds / 1e6
            let ratio = result.seconds / reference.seconds
            print(
                "\(method.summary.padding(toLength: 20, withPad: " ", startingAt: 0)) \(BenchData.format(rate)) M evidence/s  (\(String(format: "%.2f", ratio))× the plain loop's time; checksum \(BenchData.format(result.checksum)))"
            )
        }
    }

    func best(_ body: () -> Double) -> (seconds: Double, checksum: Double) {
        var best = Double.infinity
        var checksum = 0.0
        for _ in 0..<max(rounds, 1) {
            var sum = 0.0
            let time = BenchData.seconds { sum = body() }
            best = min(best, time)
            checksum = sum
        }
        return (best, checksum)
    }

    func engine(_ method: CalculationMethod) -> Double {
        var checksum = 0.0
        scores.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                let group = UnsafeBufferPointer(rebasing: all[start..<min(start + groupSize, all.count)])
                checksum += MasteryCalculator.value(of: group, method: method, scale: .conformance) ?? 0
                start += groupSize
            }
        }
        return checksum
    }

    func plainDecayingAverage() -> Double {
        var checksum = 0.0
        scores.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                var running = all[start]
                var index = start + 1
                let end = min(start + groupSize, all.count)
                while index < end {
                    running = 0.35 * running + 0.65 * all[index]
                    index += 1
                }
                checksum += running
                start += groupSize
            }
        }
        return checksum
    }
}

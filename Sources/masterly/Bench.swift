import ArgumentParser

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Performance benchmarks that print numbers and ratios (never pass/fail).",
        subcommands: [BenchMastery.self, BenchNextSteps.self, BenchFlexDay.self, BenchSeedGradebook.self])
}

import ArgumentParser
import Foundation
import MasteryCore
import MasteryServer
import MasteryStore

/// `masterly bench seed-gradebook`: the large section `Benchmarks/gradebook/run.sh` drives with wrk.
struct BenchSeedGradebook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-gradebook",
        abstract: "Create a benchmark school: one section of N students × M competencies × E evidence each.",
        discussion:
            "The teacher signs in as bench-teacher; the section is sec-bench. Used by Benchmarks/gradebook/run.sh.")

    @Option(help: "A new SQLite file path, sqlite:PATH, or postgres://… (env MASTERLY_DATABASE_URL).") var database:
        String?
    @Option(help: "Students.") var students = 35
    @Option(help: "Competencies.") var competencies = 60
    @Option(help: "Evidence per student and competency.") var evidence = 20
    @Option(help: "The teacher's password.") var password = "masterly-bench"

    func run() async throws {
        let (store, _) = try await Bootstrap.openStore(databaseFlag: database)
        do {
            try await BenchSchool.seed(
                in: store, students: students, competencies: competencies, evidence: evidence, password: password)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        Console.line(
            "Seeded \(BenchSchool.sectionID.rawValue): \(students) students × \(competencies) competencies × \(evidence) evidence."
        )
    }
}

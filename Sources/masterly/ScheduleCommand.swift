import ArgumentParser
import Foundation
import MasteryCore

/// `masterly schedule`: solve a flex-mod day, or generate one.
struct Schedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Place students into flex-mod sessions optimally (or generate an instance).",
        discussion: """
            --input FILE.json solves an instance (format in CONTRACT.md) and prints the assignment with the \
            objective, a proven upper bound, the gap and the unmet needs. --generate prints a deterministic \
            instance. An invalid instance exits 2, naming each bad item.
            """)

    @Option(help: "The instance to solve (JSON).") var input: String?
    @Flag(help: "Print a generated instance instead of solving one.") var generate = false
    @Option(help: "Students to generate.") var students = 200
    @Option(help: "Sessions to generate, the one open-study session per mod included.") var sessions: Int?
    @Option(help: "Mods in the generated day.") var mods = 8
    @Option(help: "Seed of the generated instance.") var seed: UInt64 = 1
    @Option(name: .customLong("max-length"), help: "Longest generated session, in mods (1: single-mod).")
    var maxLength = 3
    @Option(name: .customLong("max-iterations"), help: "Most subgradient iterations of the solver.") var maxIterations =
        400

    func run() throws {
        if generate {
            let generator = InstanceGenerator(
                students: students, sessions: sessions ?? (students + 7) / 8 + mods, mods: mods, seed: seed,
                maxLength: maxLength)
            if let problem = generator.problem { throw ValidationError(problem) }
            print(try Self.json(generator.generate()))
            return
        }
        guard let input else { throw ValidationError("give --input FILE.json, or --generate") }
        guard let data = FileManager.default.contents(atPath: input) else {
            FileHandle.standardError.write(Data("masterly schedule: cannot read \(input)\n".utf8))
            throw ExitCode(2)
        }
        let instance: ScheduleInstance
        do {
            instance = try JSONDecoder().decode(ScheduleInstance.self, from: data)
        } catch {
            FileHandle.standardError.write(
                Data("masterly schedule: \(input) is not a valid instance: \(Self.describe(error))\n".utf8))
            throw ExitCode(2)
        }
        let started = DispatchTime.now().uptimeNanoseconds
        do {
            var solution = try FlexModScheduler.solve(instance, maxIterations: maxIterations)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            solution.method += String(format: " (%.3f s)", seconds)
            print(try Self.json(solution))
        } catch {
            FileHandle.standardError.write(
                Data("masterly schedule: \(input): the instance cannot be scheduled:\n\(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "missing \(key.stringValue) at \(path(context))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            "\(path(context)): \(context.debugDescription)"
        default: "\(error)"
        }
    }

    static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}

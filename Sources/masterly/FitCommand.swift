import ArgumentParser
import Foundation
import MasteryCore
import MasteryInterop
import MasteryServer
import MasteryStore

struct Fit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit learner models to response data.", subcommands: [FitBKT.self])
}

/// `masterly fit bkt`: Bayesian Knowledge Tracing per skill, printed as JSON.
struct FitBKT: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bkt",
        abstract:
            "Fit BKT per skill by EM with random restarts; prints parameters, log-likelihood, AUC and RMSE as JSON.",
        discussion: """
            The data is CSV or tab-separated text with pyBKT's default columns (order_id, user_id, skill_name, \
            correct) or Cognitive Tutor columns (Row, Anon Student Id, KC(Default), Correct First Attempt). With \
            --split the students are divided deterministically: a student is tested when \
            SHA-1("SPLIT-SEED:USER")[:8] < (1 - split) × 2^32 (the pyBKT baseline's rule); a `split` column \
            (train/test) in the file is used instead when present. Malformed rows are reported as \
            file:line: field: message and nothing is fitted (exit 1).
            """)

    @Option(help: "The response log (CSV or TSV).") var data: String?
    @Option(
        help: "Instead of --data: fit every competency from the evidence in this database and store the parameters.")
    var database: String?
    @Option(help: "Only these skills (comma-separated names).") var skills: String?
    @Flag(help: "Also fit a forget probability (BKT + forgets).") var forgets = false
    @Option(help: "Seed of the random restarts.") var seed: UInt64 = 42
    @Option(help: "Random restarts of EM per skill (the best log-likelihood is kept).") var restarts = 5
    @Option(help: "Fraction of students to train on, e.g. 0.8; the rest are the test set.") var split: Double?
    @Option(name: .customLong("split-seed"), help: "Seed of the student split (the baseline uses 0; 1 for ct).")
    var splitSeed = 0
    @Option(help: "A separate test file in the same format (scored with the fitted parameters).") var test: String?
    @Option(name: .customLong("max-iterations"), help: "Most EM iterations per skill.") var maxIterations = 250
    @Option(help: "Stop EM when an iteration gains fewer nats than this.") var tolerance = 1e-4
    @Option(help: "Pseudo-observations of a weak prior in each M-step (0 = maximum likelihood).") var smoothing = 0.1

    func run() async throws {
        if let database {
            guard data == nil else { throw ValidationError("give either --data or --database, not both") }
            try await fitDatabase(database)
            return
        }
        guard let data else { throw ValidationError("give --data FILE.csv (or --database URL)") }
        let started = DispatchTime.now().uptimeNanoseconds
        if let split, !(split > 0 && split < 1) {
            throw ValidationError("--split must lie strictly between 0 and 1 (got \(split))")
        }
        guard (1...100).contains(restarts) else { throw ValidationError("--restarts must be 1…100 (got \(restarts))") }
        let log = try Self.read(data)
        let afterRead = DispatchTime.now().uptimeNanoseconds
        let only = skills.map { Set($0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }) }
        if let only {
            let unknown = only.subtracting(log.skills)
            if !unknown.isEmpty {
                throw ValidationError("unknown skill(s) in --skills: \(unknown.sorted().joined(separator: ", "))")
            }
        }
        var isTest: [Bool] = Array(repeating: false, count: log.users.count)
        if let split {
            if log.hasSplitColumn {
                for row in log.rows where row.split == .test { isTest[Int(row.user)] = true }
            } else {
                for (index, user) in log.users.enumerated() {
                    isTest[index] = StudentSplit.isTest(user: user, testFraction: 1 - split, seed: splitSeed)
                }
            }
        }
        let training = log.skillData(only: only) { !isTest[Int($0.user)] }
        let options = BKTFitOptions(
            forgets: forgets, restarts: restarts, seed: seed, maxIterations: maxIterations, tolerance: tolerance,
            smoothing: smoothing)
        let afterGrouping = DispatchTime.now().uptimeNanoseconds
        let fits = BKTFitter.fit(training, options: options)
        let afterFit = DispatchTime.now().uptimeNanoseconds
        let parameters = Dictionary(uniqueKeysWithValues: fits.map { ($0.skill, $0.parameters) })
        var output = FitOutput(skills: [:], train: Self.score(training, parameters), test: nil, seconds: 0)
        for fit in fits {
            output.skills[fit.skill] = .init(
                prior: fit.parameters.prior, learn: fit.parameters.learn, guess: fit.parameters.guess,
                slip: fit.parameters.slip, forget: fit.parameters.forget, logLikelihood: fit.logLikelihood,
                iterations: fit.iterations, responses: fit.responses)
        }
        if split != nil {
            output.test = Self.score(log.skillData(only: only) { isTest[Int($0.user)] }, parameters)
        }
        if let test {
            output.test = Self.score(try Self.read(test).skillData(only: only), parameters)
        }
        let end = DispatchTime.now().uptimeNanoseconds
        output.seconds = Double(end - started) / 1e9
        output.phases = [
            "read": Double(afterRead - started) / 1e9, "group": Double(afterGrouping - afterRead) / 1e9,
            "fit": Double(afterFit - afterGrouping) / 1e9, "score": Double(end - afterFit) / 1e9,
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        print(String(decoding: try encoder.encode(output), as: UTF8.self))
    }

    /// Fits per-competency parameters from the school's evidence and stores them.
    func fitDatabase(_ url: String) async throws {
        let (store, _) = try await Bootstrap.openStore(databaseFlag: url)
        let fits = try await store.fitTracing(
            at: Date(), options: BKTFitOptions(forgets: forgets, restarts: restarts, seed: seed, smoothing: smoothing))
        await store.close()
        var output: [String: FitOutput.Skill] = [:]
        for fit in fits {
            output[fit.skill] = .init(
                prior: fit.parameters.prior, learn: fit.parameters.learn, guess: fit.parameters.guess,
                slip: fit.parameters.slip, forget: fit.parameters.forget, logLikelihood: fit.logLikelihood,
                iterations: fit.iterations, responses: fit.responses)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        print(String(decoding: try encoder.encode(["competencies": output]), as: UTF8.self))
    }

    static func read(_ path: String) throws -> ResponseLog {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("masterly fit bkt: cannot read \(path)\n".utf8))
            throw ExitCode(1)
        }
        do {
            return try ResponseLogCSV.read(bytes, file: path)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Pooled AUC and RMSE of the predictions (P(correct) before each response) over skills with parameters.
    static func score(_ skills: [BKTSkillData], _ parameters: [String: BKTParameters]) -> FitOutput.Score? {
        // Predictions per skill on all cores, then pooled in skill order.
        let parts = UnsafeMutableBufferPointer<(predictions: [Double], outcomes: [UInt8])>.allocate(
            capacity: skills.count)
        parts.initialize(repeating: ([], []))
        defer { parts.deallocate() }
        nonisolated(unsafe) let output = parts
        DispatchQueue.concurrentPerform(iterations: skills.count) { index in
            guard let p = parameters[skills[index].name] else { return }
            var predictions: [Double] = []
            var outcomes: [UInt8] = []
            BKTTracer.predict(skills[index], parameters: p, into: &predictions, outcomes: &outcomes)
            output[index] = (predictions, outcomes)
        }
        var predictions: [Double] = []
        var outcomes: [UInt8] = []
        for part in parts {
            predictions += part.predictions
            outcomes += part.outcomes
        }
        guard !predictions.isEmpty else { return nil }
        return .init(
            auc: ClassificationMetrics.auc(predictions: predictions, outcomes: outcomes),
            rmse: ClassificationMetrics.rmse(predictions: predictions, outcomes: outcomes), rows: predictions.count)
    }
}

struct FitOutput: Encodable {
    struct Skill: Encodable {
        var prior, learn, guess, slip, forget, logLikelihood: Double
        var iterations, responses: Int
    }

    struct Score: Encodable {
        var auc: Double?
        var rmse: Double?
        var rows: Int
    }

    var skills: [String: Skill]
    var train: Score?
    var test: Score?
    var seconds: Double
    /// Where the time went: reading the file, grouping sequences, EM, scoring.
    var phases: [String: Double] = [:]
}

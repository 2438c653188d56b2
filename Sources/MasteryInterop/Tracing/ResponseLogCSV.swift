import Foundation
import MasteryCore

/// Reads a response log from CSV or tab-separated text. Columns are found by name: pyBKT's defaults
/// (`order_id`, `user_id`, `skill_name`, `correct`) or the Cognitive Tutor ones (`Row`, `Anon Student Id`,
/// `KC(Default)`, `Correct First Attempt`); an optional `split` column (`train`/`test`) is kept.
/// Rows without a skill are skipped (pyBKT would fit them as a skill named "nan"), as are `correct = -1`
/// rows (no response). Anything else malformed is an error naming file, line and field; all are reported.
public enum ResponseLogCSV {
    static let columnNames: [(order: String, user: String, skill: String, correct: String)] = [
        ("order_id", "user_id", "skill_name", "correct"),
        ("Row", "Anon Student Id", "KC(Default)", "Correct First Attempt"),
    ]

    public static func read(_ data: Data, file: String, maxProblems: Int = 50) throws(ImportError) -> ResponseLog {
        let hasQuotes = data.withUnsafeBytes { raw in
            raw.count > 0 && memchr(raw.baseAddress!, Int32(UInt8(ascii: "\"")), raw.count) != nil
        }
        if !hasQuotes, let fast = ResponseLogFastReader.read(data) { return fast }
        let reader = CSVReader.detectingSeparator(in: data)
        var log = ResponseLog()
        var problems: [ImportProblem] = []
        var header: [String]?
        var columns: (order: Int, user: Int, skill: Int, correct: Int, split: Int?)?
        var userIndex: [String: Int32] = [:]
        var skillIndex: [String: Int32] = [:]
        func problem(_ line: Int, _ field: String?, _ message: String) {
            if problems.count < maxProblems {
                problems.append(ImportProblem(file: file, line: line, field: field, message: message))
            }
        }
        do {
            try reader.forEachRecord(data) { record throws(CSVError) in
                guard let known = columns else {
                    let names = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
                    header = names
                    for candidate in columnNames {
                        if let o = names.firstIndex(of: candidate.order), let u = names.firstIndex(of: candidate.user),
                            let s = names.firstIndex(of: candidate.skill),
                            let c = names.firstIndex(of: candidate.correct)
                        {
                            columns = (o, u, s, c, names.firstIndex(of: "split"))
                            break
                        }
                    }
                    if columns == nil {
                        problem(
                            record.line, nil,
                            "the header needs the columns order_id, user_id, skill_name and correct "
                                + "(or Row, Anon Student Id, KC(Default), Correct First Attempt)")
                    }
                    return
                }
                let fields = record.fields
                let needed = max(known.order, known.user, known.skill, known.correct, known.split ?? 0)
                guard fields.count > needed else {
                    problem(record.line, nil, "has \(fields.count) fields, the header has \(header?.count ?? 0)")
                    return
                }
                let skill = fields[known.skill]
                let correctText = fields[known.correct].trimmingCharacters(in: .whitespaces)
                if skill.isEmpty {
                    log.skipped["no skill", default: 0] += 1
                    return
                }
                guard let correct = Int(correctText), (-1...1).contains(correct) else {
                    problem(record.line, header?[known.correct], "'\(correctText)' is not 0, 1 or -1")
                    return
                }
                if correct == -1 {
                    log.skipped["no response (correct = -1)", default: 0] += 1
                    return
                }
                let orderText = fields[known.order].trimmingCharacters(in: .whitespaces)
                guard let order = Int(orderText) else {
                    problem(record.line, header?[known.order], "'\(orderText)' is not a whole number")
                    return
                }
                let user = fields[known.user]
                guard !user.isEmpty else {
                    problem(record.line, header?[known.user], "is empty")
                    return
                }
                var split: ResponseLog.Split?
                if let splitColumn = known.split {
                    split = ResponseLog.Split(rawValue: fields[splitColumn].trimmingCharacters(in: .whitespaces))
                    if split == nil {
                        problem(record.line, "split", "'\(fields[splitColumn])' is not train or test")
                        return
                    }
                }
                let userID =
                    userIndex[user]
                    ?? {
                        let id = Int32(log.users.count)
                        log.users.append(user)
                        userIndex[user] = id
                        return id
                    }()
                let skillID =
                    skillIndex[skill]
                    ?? {
                        let id = Int32(log.skills.count)
                        log.skills.append(skill)
                        skillIndex[skill] = id
                        return id
                    }()
                log.rows.append(
                    .init(
                        order: order, user: userID, skill: skillID, correct: UInt8(correct), split: split,
                        line: Int32(record.line)))
            }
        } catch {
            problems.append(ImportProblem(file: file, line: error.line, field: nil, message: error.message))
        }
        if columns == nil && problems.isEmpty {
            problems.append(ImportProblem(file: file, line: 1, field: nil, message: "the file is empty"))
        }
        guard problems.isEmpty else { throw ImportError(problems: problems) }
        return log
    }
}

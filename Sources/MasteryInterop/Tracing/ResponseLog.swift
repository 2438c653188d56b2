import Foundation
import MasteryCore

/// A log of students' right/wrong responses per skill, as knowledge-tracing tools exchange them
/// (pyBKT's default columns `order_id,user_id,skill_name,correct`, or Cognitive Tutor / DataShop exports).
public struct ResponseLog: Sendable {
    public struct Row: Sendable {
        public var order: Int
        public var user: Int32
        public var skill: Int32
        public var correct: UInt8
        /// From a `split` column (`train` / `test`), when the file has one.
        public var split: Split?
        public var line: Int32
    }

    public enum Split: String, Sendable { case train, test }

    public var users: [String] = []
    public var skills: [String] = []
    public var rows: [Row] = []
    /// Rows skipped on purpose (no skill, or no response), with why.
    public var skipped: [String: Int] = [:]

    public init() {}

    public var hasSplitColumn: Bool { rows.contains { $0.split != nil } }

    /// Per-skill sequences of the rows accepted by `include`, each student's responses ordered by `order_id`
    /// and then file position. Skills with no rows are left out; `only` keeps just those skill names.
    public func skillData(only: Set<String>? = nil, include: (Row) -> Bool = { _ in true }) -> [BKTSkillData] {
        // Exports are usually already in (student, order) order; sort only when they are not.
        let inOrder = zip(rows, rows.dropFirst()).allSatisfy { x, y in
            x.user < y.user || (x.user == y.user && x.order <= y.order)
        }
        let ordered: [Int] =
            inOrder
            ? Array(rows.indices)
            : rows.indices.sorted { a, b in
                let (x, y) = (rows[a], rows[b])
                if x.user != y.user { return x.user < y.user }
                if x.order != y.order { return x.order < y.order }
                return a < b
            }
        var sequences: [[UInt8]] = Array(repeating: [], count: skills.count)
        var result: [Int32: [[UInt8]]] = [:]
        var currentUser: Int32 = -1
        func flush() {
            for (skill, sequence) in sequences.enumerated() where !sequence.isEmpty {
                result[Int32(skill), default: []].append(sequence)
                sequences[skill].removeAll(keepingCapacity: false)
            }
        }
        for index in ordered {
            let row = rows[index]
            guard include(row) else { continue }
            if let only, !only.contains(skills[Int(row.skill)]) { continue }
            if row.user != currentUser {
                flush()
                currentUser = row.user
            }
            sequences[Int(row.skill)].append(row.correct)
        }
        flush()
        return result.keys.sorted { skills[Int($0)] < skills[Int($1)] }.map { skill in
            BKTSkillData(name: skills[Int(skill)], sequences: result[skill]!)
        }
    }
}

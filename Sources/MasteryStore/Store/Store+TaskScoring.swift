import Foundation
import MasteryCore
import SQLKit

/// What scoring a performance task's rubric needs beyond the evidence: the task's events for a class (with the
/// corrections aimed at them), and who was marked absent.
extension Store {
    /// The events of `task` for `students`: its records, and every supersede or exclude aimed at them.
    public func taskEvents(_ task: PerformanceTask.ID, students: [Person.ID]) async throws -> [EvidenceEvent] {
        guard !students.isEmpty else { return [] }
        return try await driver.withConnection { db in
            let records = try await db.raw(
                """
                SELECT * FROM evidence_events WHERE task_id = \(bind: task.rawValue) \
                AND student_id IN (\(binds: students.map(\.rawValue))) ORDER BY sequence
                """
            ).all().map(Rows.evidenceEvent)
            guard !records.isEmpty else { return [] }
            var corrections: [EvidenceEvent] = []
            let ids = records.map(\.id.rawValue)
            for start in stride(from: 0, to: ids.count, by: 500) {
                corrections += try await db.raw(
                    """
                    SELECT * FROM evidence_events \
                    WHERE target_id IN (\(binds: Array(ids[start..<min(start + 500, ids.count)]))) ORDER BY sequence
                    """
                ).all().map(Rows.evidenceEvent)
            }
            return (records + corrections).sorted { $0.sequence < $1.sequence }
        }
    }

    /// The students marked absent or skipped for `task` in `section`.
    public func taskMarks(task: PerformanceTask.ID, section: Section.ID) async throws -> [Person.ID: TaskScoring.Mark] {
        try await driver.withConnection { db in
            var marks: [Person.ID: TaskScoring.Mark] = [:]
            for row in try await db.raw(
                """
                SELECT student_id, mark FROM task_marks \
                WHERE task_id = \(bind: task.rawValue) AND section_id = \(bind: section.rawValue)
                """
            ).all() {
                marks[try row.id("student_id")] = TaskScoring.Mark(rawValue: try row.string("mark")) ?? .absent
            }
            return marks
        }
    }

    /// Marks a student absent or skipped for a task, or clears the mark (nil); audited.
    public func mark(
        _ mark: TaskScoring.Mark?, student: Person.ID, task: PerformanceTask.ID, section: Section.ID,
        by actor: Person.ID, at now: Date
    ) async throws {
        try await driver.withTransaction { db in
            try await db.raw(
                """
                DELETE FROM task_marks WHERE section_id = \(bind: section.rawValue) \
                AND task_id = \(bind: task.rawValue) AND student_id = \(bind: student.rawValue)
                """
            ).run()
            if let mark {
                try await db.insertRows(
                    "task_marks", columns: ["section_id", "task_id", "student_id", "mark", "marked_by", "marked_at"],
                    rows: [
                        [
                            section.rawValue, task.rawValue, student.rawValue, mark.rawValue, actor.rawValue,
                            now.timeIntervalSince1970,
                        ]
                    ])
            }
            try await Self.audit(
                db, at: now, actor: actor, action: mark.map { "task.\($0.rawValue)" } ?? "task.unmarked",
                student: student, subject: "task \(task.rawValue)", detail: "section \(section.rawValue)",
                organization: try await Self.school(ofSection: section, in: db))
        }
    }
}

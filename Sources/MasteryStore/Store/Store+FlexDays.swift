import Foundation
import MasteryCore
import SQLKit

/// Flex-mod days and their attendance.
extension Store {
    public func save(_ day: FlexDay, by actor: Person.ID, at now: Date, action: String) async throws {
        try await driver.withTransaction { db in
            // Updated in place: requests, choices and attendance refer to the day.
            try await db.raw(
                """
                INSERT INTO flex_days (id, school_id, day, status, day_json, updated_at) VALUES (\(bind: day.id.rawValue), \
                \(bind: day.schoolID.rawValue), \(bind: day.day), \(bind: day.status.rawValue), \(bind: try JSONText.encode(day)), \
                \(bind: now.timeIntervalSince1970)) ON CONFLICT (id) DO UPDATE SET school_id = excluded.school_id, \
                day = excluded.day, status = excluded.status, day_json = excluded.day_json, updated_at = excluded.updated_at
                """
            ).run()
            try await Self.audit(
                db, at: now, actor: actor, action: "flexday.\(action)", student: nil, subject: "flex day \(day.day)",
                detail: "\(day.sessions.count) sessions, \(day.status.rawValue)", organization: day.schoolID)
        }
    }

    public func flexDays(school: Organization.ID) async throws -> [FlexDay] {
        try await driver.withConnection { db in
            try await db.raw(
                "SELECT day_json FROM flex_days WHERE school_id = \(bind: school.rawValue) ORDER BY day DESC, id"
            ).all().map { try JSONText.decode(FlexDay.self, try $0.string("day_json")) }
        }
    }

    public func flexDay(_ id: FlexDay.ID) async throws -> FlexDay? {
        try await driver.withConnection { db in
            try await db.raw("SELECT day_json FROM flex_days WHERE id = \(bind: id.rawValue)").first()
                .map { try JSONText.decode(FlexDay.self, try $0.string("day_json")) }
        }
    }

    /// Who was present in a session (absent students are recorded too).
    public func attendance(day: FlexDay.ID, session: String) async throws -> [Person.ID: Bool] {
        try await driver.withConnection { db in
            var result: [Person.ID: Bool] = [:]
            for row in try await db.raw(
                "SELECT * FROM flex_attendance WHERE day_id = \(bind: day.rawValue) AND session_id = \(bind: session)"
            ).all() {
                result[try row.id("student_id")] = try row.bool("present")
            }
            return result
        }
    }

    /// Takes attendance for a session and records evidence for those present, in one transaction.
    public func takeAttendance(
        day: FlexDay.ID, session: String, present: [Person.ID: Bool], evidence: [EvidenceDraft], by actor: Person.ID,
        at now: Date
    ) async throws {
        try await driver.withTransaction { db in
            for (student, isPresent) in present.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                try await db.raw(
                    """
                    DELETE FROM flex_attendance WHERE day_id = \(bind: day.rawValue) AND session_id = \(bind: session) \
                    AND student_id = \(bind: student.rawValue)
                    """
                ).run()
                try await db.insertRows(
                    "flex_attendance",
                    columns: ["day_id", "session_id", "student_id", "present", "marked_by", "marked_at"],
                    rows: [
                        [
                            day.rawValue, session, student.rawValue, isPresent ? 1 : 0, actor.rawValue,
                            now.timeIntervalSince1970,
                        ]
                    ])
            }
            if !evidence.isEmpty { _ = try await Self.append(evidence, by: actor, at: now, in: db) }
        }
    }
}

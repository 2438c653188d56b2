import Foundation
import MasteryCore
import SQLKit

/// Teachers' requests and students' choices on flex days, and a day's whole attendance.
extension Store {
    public func add(_ request: FlexRequest, organization: Organization.ID) async throws {
        try await driver.withTransaction { db in
            try await db.insertRows(
                "flex_requests",
                columns: [
                    "id", "day_id", "session_id", "teacher_id", "student_ids", "required", "priority", "reason",
                    "created_at",
                ],
                rows: [
                    [
                        request.id.rawValue, request.dayID.rawValue, request.sessionID, request.teacherID.rawValue,
                        try JSONText.encode(request.studentIDs), request.required ? 1 : 0, request.priority.rawValue,
                        request.reason, request.createdAt.timeIntervalSince1970,
                    ]
                ])
            try await Self.audit(
                db, at: request.createdAt, actor: request.teacherID, action: "flexday.request", student: nil,
                subject: "flex request \(request.id.rawValue)",
                detail:
                    "\(request.required ? "required" : "requested") \(request.studentIDs.count) in \(request.sessionID): \(request.reason)",
                organization: organization)
        }
    }

    /// Withdraws a request (kept, marked withdrawn); false when there was none to withdraw.
    public func withdraw(
        _ request: FlexRequest.ID, by actor: Person.ID, at now: Date, organization: Organization.ID
    ) async throws -> Bool {
        try await driver.withTransaction { db in
            let changed = try await db.raw(
                """
                UPDATE flex_requests SET withdrawn_at = \(bind: now.timeIntervalSince1970) \
                WHERE id = \(bind: request.rawValue) AND withdrawn_at IS NULL RETURNING id
                """
            ).all()
            guard !changed.isEmpty else { return false }
            try await Self.audit(
                db, at: now, actor: actor, action: "flexday.withdraw", student: nil,
                subject: "flex request \(request.rawValue)", detail: "withdrawn", organization: organization)
            return true
        }
    }

    /// The day's requests still standing, oldest first.
    public func flexRequests(day: FlexDay.ID) async throws -> [FlexRequest] {
        try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT * FROM flex_requests WHERE day_id = \(bind: day.rawValue) AND withdrawn_at IS NULL \
                ORDER BY created_at, id
                """
            ).all().map { row in
                FlexRequest(
                    id: try row.id("id"), dayID: try row.id("day_id"), sessionID: try row.string("session_id"),
                    teacherID: try row.id("teacher_id"),
                    studentIDs: try JSONText.decode([Person.ID].self, try row.string("student_ids")),
                    required: try row.bool("required"),
                    priority: FlexRequest.Priority(rawValue: try row.decode(column: "priority", as: Int.self))
                        ?? .normal,
                    reason: try row.string("reason"),
                    createdAt: Date(timeIntervalSince1970: try row.double("created_at")))
            }
        }
    }

    /// Saves a student's ranked choices for a day (replacing their earlier ones).
    public func save(_ choice: FlexChoice, at now: Date, organization: Organization.ID) async throws {
        try await driver.withTransaction { db in
            try await db.raw(
                """
                DELETE FROM flex_choices WHERE day_id = \(bind: choice.dayID.rawValue) \
                AND student_id = \(bind: choice.studentID.rawValue)
                """
            ).run()
            try await db.insertRows(
                "flex_choices", columns: ["day_id", "student_id", "session_ids", "chosen_at"],
                rows: [
                    [
                        choice.dayID.rawValue, choice.studentID.rawValue, try JSONText.encode(choice.sessionIDs),
                        now.timeIntervalSince1970,
                    ]
                ])
            try await Self.audit(
                db, at: now, actor: choice.studentID, action: "flexday.choose", student: choice.studentID,
                subject: "flex day \(choice.dayID.rawValue)", detail: choice.sessionIDs.joined(separator: ", "),
                organization: organization)
        }
    }

    public func flexChoices(day: FlexDay.ID) async throws -> [FlexChoice] {
        try await driver.withConnection { db in
            try await db.raw(
                "SELECT * FROM flex_choices WHERE day_id = \(bind: day.rawValue) ORDER BY student_id"
            ).all().map { row in
                FlexChoice(
                    dayID: try row.id("day_id"), studentID: try row.id("student_id"),
                    sessionIDs: try JSONText.decode([String].self, try row.string("session_ids")))
            }
        }
    }

    /// Every attendance mark of a day: session → student → present.
    public func attendance(day: FlexDay.ID) async throws -> [String: [Person.ID: Bool]] {
        try await driver.withConnection { db in
            var result: [String: [Person.ID: Bool]] = [:]
            for row in try await db.raw("SELECT * FROM flex_attendance WHERE day_id = \(bind: day.rawValue)").all() {
                result[try row.string("session_id"), default: [:]][try row.id("student_id")] = try row.bool("present")
            }
            return result
        }
    }
}

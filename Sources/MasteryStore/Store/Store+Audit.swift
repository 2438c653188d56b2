import Foundation
import MasteryCore
import SQLKit

/// The audit log of changes to students' records, readable by administrators.
extension Store {
    static func audit(
        _ db: any SQLDatabase, at: Date, actor: Person.ID, action: String, student: Person.ID?, subject: String,
        detail: String, organization: Organization.ID?
    ) async throws {
        try await db.raw(
            """
            INSERT INTO audit_log (at, actor_id, action, student_id, subject, detail, organization_id) VALUES \
            (\(bind: at.timeIntervalSince1970), \(bind: actor.rawValue), \(bind: action), \(bind: student?.rawValue), \
            \(bind: subject), \(bind: detail), \(bind: organization?.rawValue))
            """
        ).run()
        try await bumpVersions(db, action: action, student: student)
    }

    /// Every write is audited, so the change versions move here, in the writing transaction: evidence moves the
    /// versions of its student's sections and the student's own; anything else the district-wide one. (On
    /// PostgreSQL each bump takes the row's lock, so a reader that sees version v has seen every write that
    /// produced v or less.)
    static func bumpVersions(_ db: any SQLDatabase, action: String, student: Person.ID?) async throws {
        if action.hasPrefix("evidence."), let student {
            try await db.raw(
                """
                UPDATE sections SET version = version + 1 WHERE id IN \
                (SELECT section_id FROM enrollments WHERE person_id = \(bind: student.rawValue))
                """
            ).run()
            try await db.raw("UPDATE people SET version = version + 1 WHERE id = \(bind: student.rawValue)").run()
        } else {
            try await db.raw("UPDATE change_counter SET version = version + 1 WHERE id = 1").run()
        }
    }

    /// A section's own change version (evidence on its students).
    public func sectionVersion(_ section: Section.ID) async throws -> Int64 {
        try await driver.withConnection { db in
            Int64(
                try await db.raw("SELECT version FROM sections WHERE id = \(bind: section.rawValue)").first()?
                    .decode(column: "version", as: Int.self) ?? 0)
        }
    }

    /// Appends an audit entry on its own (for changes made outside `append`).
    public func audit(
        at: Date, actor: Person.ID, action: String, student: Person.ID?, subject: String, detail: String
    ) async throws {
        try await driver.withConnection { db in
            try await Self.audit(
                db, at: at, actor: actor, action: action, student: student, subject: subject, detail: detail,
                organization: nil)
        }
    }

    /// Each student's own change version (evidence about them moves it), for the students asked about.
    public func studentVersions(_ students: [Person.ID]) async throws -> [Person.ID: Int64] {
        guard !students.isEmpty else { return [:] }
        let rows = try await driver.withConnection { db in
            try await db.plainRows(
                "SELECT id, version FROM people WHERE id IN (\(binds: students.map(\.rawValue)))",
                columns: [("id", .text), ("version", .integer)])
        }
        var versions: [Person.ID: Int64] = [:]
        for row in rows {
            if let id = row[0].string, let version = row[1].int { versions[Person.ID(id)] = Int64(version) }
        }
        return versions
    }

    /// A number that grows with every change Masterly records (every write is audited) except evidence, which
    /// moves the versions of its student's sections (`sectionVersion`): readers cache what they derived from
    /// the data under both, read before the data, and see a new number when anything they used changed.
    public func changeVersion() async throws -> Int64 {
        try await driver.withConnection { db in
            let row = try await db.raw("SELECT version FROM change_counter WHERE id = 1").first()
            return Int64(try row?.decode(column: "version", as: Int?.self) ?? 0)
        }
    }

    /// The newest entries first; only entries of `schools` when given (see `AuditQuery`).
    public func auditLog(schools: [Organization.ID]? = nil, limit: Int = 100) async throws -> [AuditEntry] {
        try await auditLog(AuditQuery(schools: schools, limit: limit))
    }

    /// The entries `query` selects, newest first.
    public func auditLog(_ query: AuditQuery) async throws -> [AuditEntry] {
        try await driver.withConnection { db in
            var conditions: [SQLQueryString] = []
            if let schools = query.schools {
                guard !schools.isEmpty else { return [] }
                // An entry belongs to a school when it names the school, or its student or its actor is there.
                conditions.append(
                    """
                    (audit_log.organization_id IN (\(binds: schools.map(\.rawValue))) \
                    OR student.organization_id IN (\(binds: schools.map(\.rawValue))) \
                    OR actor.organization_id IN (\(binds: schools.map(\.rawValue))))
                    """)
            }
            if let actor = query.actor { conditions.append("audit_log.actor_id = \(bind: actor.rawValue)") }
            if let student = query.student { conditions.append("audit_log.student_id = \(bind: student.rawValue)") }
            if let action = query.actionPrefix, !action.isEmpty {
                conditions.append("substr(audit_log.action, 1, \(literal: action.count)) = \(bind: action)")
            }
            if let from = query.from { conditions.append("audit_log.at >= \(bind: from.timeIntervalSince1970)") }
            if let to = query.to { conditions.append("audit_log.at < \(bind: to.timeIntervalSince1970)") }
            if let before = query.beforeSequence { conditions.append("audit_log.sequence < \(bind: Int(before))") }
            var sql: SQLQueryString = """
                SELECT audit_log.* FROM audit_log LEFT JOIN people AS student ON student.id = audit_log.student_id \
                LEFT JOIN people AS actor ON actor.id = audit_log.actor_id
                """
            for (index, condition) in conditions.enumerated() {
                sql = "\(sql) \(unsafeRaw: index == 0 ? "WHERE" : "AND") \(condition)"
            }
            sql = "\(sql) ORDER BY audit_log.sequence DESC LIMIT \(literal: max(1, min(query.limit, 10_000)))"
            return try await db.raw(sql).all().map { row in
                AuditEntry(
                    sequence: Int64(try row.int("sequence")), at: try row.date("at"), actorID: try row.id("actor_id"),
                    action: try row.string("action"), studentID: try row.optionalID("student_id"),
                    subject: try row.string("subject"), detail: try row.string("detail"))
            }
        }
    }
}

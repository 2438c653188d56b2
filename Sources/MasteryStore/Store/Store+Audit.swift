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

    /// A number that grows with every change Masterly records (every write is audited): readers cache what
    /// they derived from the data under it, and see a new number when anything changed.
    public func changeVersion() async throws -> Int64 {
        try await driver.withConnection { db in
            let row = try await db.raw("SELECT max(sequence) AS version FROM audit_log").first()
            return Int64(try row?.decode(column: "version", as: Int?.self) ?? 0)
        }
    }

    /// The newest entries first; only entries about students of `schools` when given.
    public func auditLog(schools: [Organization.ID]? = nil, limit: Int = 100) async throws -> [AuditEntry] {
        try await driver.withConnection { db in
            var query = SQLQueryString("SELECT audit_log.* FROM audit_log")
            if let schools {
                guard !schools.isEmpty else { return [] }
                query = """
                    SELECT audit_log.* FROM audit_log JOIN people ON people.id = audit_log.student_id \
                    WHERE people.organization_id IN (\(binds: schools.map(\.rawValue)))
                    """
            }
            query = "\(query) ORDER BY audit_log.sequence DESC LIMIT \(literal: max(1, min(limit, 1000)))"
            return try await db.raw(query).all().map { row in
                AuditEntry(
                    sequence: Int64(try row.int("sequence")), at: try row.date("at"), actorID: try row.id("actor_id"),
                    action: try row.string("action"), studentID: try row.optionalID("student_id"),
                    subject: try row.string("subject"), detail: try row.string("detail"))
            }
        }
    }
}

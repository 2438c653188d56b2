import Foundation
import MasteryCore
import SQLKit

/// Sign-in cards for young students: a printed QR code that signs one student in on a shared classroom device.
/// A student holds one card at a time; only the SHA-256 of its secret is kept, so a new sheet means new cards.
extension Store {
    /// New cards for `students` of `section` (their earlier cards stop working); returns each student's secret.
    public func issueSignInCards(
        _ students: [Person.ID], section: Section.ID, by actor: Person.ID, at now: Date
    ) async throws -> [Person.ID: String] {
        let secrets = Dictionary(students.map { ($0, Self.newSecret()) }, uniquingKeysWith: { first, _ in first })
        try await driver.withTransaction { db in
            try await Self.revokeCards(db, students, at: now)
            try await db.insertRows(
                "sign_in_cards", columns: ["token_hash", "person_id", "section_id", "created_by", "created_at"],
                rows: students.map { student in
                    [
                        Self.hash(secrets[student]!), student.rawValue, section.rawValue, actor.rawValue,
                        now.timeIntervalSince1970,
                    ]
                })
            try await Self.audit(
                db, at: now, actor: actor, action: "card.issue", student: nil, subject: "section \(section.rawValue)",
                detail: "sign-in cards for \(students.map(\.rawValue).joined(separator: ", "))", organization: nil)
        }
        return secrets
    }

    /// Stops the cards of `students` working; returns how many were revoked.
    @discardableResult
    public func revokeSignInCards(
        _ students: [Person.ID], section: Section.ID, by actor: Person.ID, at now: Date
    ) async throws -> Int {
        try await driver.withTransaction { db in
            let count = try await Self.revokeCards(db, students, at: now)
            try await Self.audit(
                db, at: now, actor: actor, action: "card.revoke", student: nil, subject: "section \(section.rawValue)",
                detail: "\(count) card(s) of \(students.map(\.rawValue).joined(separator: ", ")) revoked",
                organization: nil)
            return count
        }
    }

    @discardableResult
    static func revokeCards(_ db: any SQLDatabase, _ students: [Person.ID], at now: Date) async throws -> Int {
        guard !students.isEmpty else { return 0 }
        let active =
            try await db.raw(
                """
                SELECT count(*) AS n FROM sign_in_cards WHERE revoked_at IS NULL \
                AND person_id IN (\(binds: students.map(\.rawValue)))
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        try await db.raw(
            """
            UPDATE sign_in_cards SET revoked_at = \(bind: now.timeIntervalSince1970) \
            WHERE revoked_at IS NULL AND person_id IN (\(binds: students.map(\.rawValue)))
            """
        ).run()
        return active
    }

    /// When each student's working card was made, for the students of `section` who have one.
    public func signInCards(of students: [Person.ID]) async throws -> [Person.ID: Date] {
        guard !students.isEmpty else { return [:] }
        return try await driver.withConnection { db in
            var issued: [Person.ID: Date] = [:]
            for row in try await db.raw(
                """
                SELECT person_id, created_at FROM sign_in_cards WHERE revoked_at IS NULL \
                AND person_id IN (\(binds: students.map(\.rawValue)))
                """
            ).all() {
                issued[try row.id("person_id")] = Date(timeIntervalSince1970: try row.double("created_at"))
            }
            return issued
        }
    }

    /// The active student a working card signs in, or nil.
    public func person(holdingCard secret: String) async throws -> Person? {
        try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT people.* FROM sign_in_cards JOIN people ON people.id = sign_in_cards.person_id \
                WHERE sign_in_cards.token_hash = \(bind: Self.hash(secret)) AND sign_in_cards.revoked_at IS NULL \
                AND people.active = 1 AND people.role = 'student'
                """
            ).first().map(Rows.person)
        }
    }
}

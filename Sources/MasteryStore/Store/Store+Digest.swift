import Foundation
import MasteryCore
import SQLKit

/// Who gets the weekly email, and each person's choice to turn it off.
extension Store {
    /// Active guardians and students with an email who have not turned the weekly email off, by name.
    public func digestRecipients() async throws -> [(Person, String)] {
        try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT * FROM people WHERE role IN ('guardian', 'student') AND active = 1 AND email IS NOT NULL \
                AND email <> '' AND digest_off = \(bind: false) ORDER BY family_name, given_name, id
                """
            ).all().map { row in (try Rows.person(row), try row.string("email")) }
        }
    }

    /// Whether the person turned the weekly email off.
    public func digestOff(_ person: Person.ID) async throws -> Bool {
        try await driver.withConnection { db in
            try await db.raw("SELECT digest_off FROM people WHERE id = \(bind: person.rawValue)").first()?
                .bool("digest_off") ?? false
        }
    }

    /// Turns a person's weekly email off (or back on); audited.
    public func setDigest(off: Bool, for person: Person.ID, at now: Date) async throws {
        try await driver.withTransaction { db in
            try await db.raw("UPDATE people SET digest_off = \(bind: off) WHERE id = \(bind: person.rawValue)").run()
            try await Self.audit(
                db, at: now, actor: person, action: "person.digest", student: nil, subject: "person \(person.rawValue)",
                detail: off ? "weekly email off" : "weekly email on", organization: nil)
        }
    }
}

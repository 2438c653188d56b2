import Foundation
import MasteryCore
import SQLKit

/// A person's own settings.
extension Store {
    /// Saves the language of `person`'s pages (a catalogue code; nil to follow the browser again); audited.
    public func setLanguage(_ code: String?, for person: Person.ID, at now: Date) async throws {
        try await driver.withTransaction { db in
            try await db.raw(
                "UPDATE people SET language = \(bind: code) WHERE id = \(bind: person.rawValue)"
            ).run()
            try await Self.audit(
                db, at: now, actor: person, action: "person.language", student: nil,
                subject: "person \(person.rawValue)", detail: "language \(code ?? "from the browser")",
                organization: nil)
        }
    }
}

extension Store {
    /// When `person` last marked their "needs you" list as read (nil: never).
    public func notificationsSeen(by person: Person.ID) async throws -> Date? {
        try await driver.withConnection { db in
            try await db.raw("SELECT notifications_seen_at FROM people WHERE id = \(bind: person.rawValue)").first()?
                .optionalDate("notifications_seen_at")
        }
    }

    /// Marks everything on `person`'s "needs you" list as read, as of `now`; audited.
    public func markNotificationsSeen(by person: Person.ID, at now: Date) async throws {
        try await driver.withTransaction { db in
            try await db.raw(
                "UPDATE people SET notifications_seen_at = \(bind: now.timeIntervalSince1970) WHERE id = \(bind: person.rawValue)"
            ).run()
            try await Self.audit(
                db, at: now, actor: person, action: "person.notifications-read", student: nil,
                subject: "person \(person.rawValue)", detail: "needs-you list marked read", organization: nil)
        }
    }
}

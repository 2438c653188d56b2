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

import Foundation
import MasteryCore
import SQLKit

/// A school's or district's own text for families, per language (`FamilyResourcesPage`).
extension Store {
    /// The text an organization wrote for families in `language`, if any.
    public func familyResources(organization: Organization.ID, language: String) async throws -> String? {
        try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT body FROM family_resources WHERE organization_id = \(bind: organization.rawValue) \
                AND language = \(bind: language)
                """
            ).first()?.string("body")
        }
    }

    /// Saves (or, empty, removes — back to Masterly's text) an organization's text for families; audited.
    public func saveFamilyResources(
        _ body: String, organization: Organization.ID, language: String, by actor: Person.ID, at now: Date
    ) async throws {
        guard body.count <= 20_000 else { throw MasteryCoreError.invalidPolicy("body: at most 20,000 characters") }
        try await driver.withTransaction { db in
            try await db.raw(
                """
                DELETE FROM family_resources WHERE organization_id = \(bind: organization.rawValue) \
                AND language = \(bind: language)
                """
            ).run()
            if !body.isEmpty {
                try await db.insertRows(
                    "family_resources",
                    columns: ["organization_id", "language", "body", "updated_by", "updated_at"],
                    rows: [[organization.rawValue, language, body, actor.rawValue, now.timeIntervalSince1970]])
            }
            try await Self.audit(
                db, at: now, actor: actor, action: "resources.save", student: nil,
                subject: "organization \(organization.rawValue)",
                detail: body.isEmpty ? "\(language): back to Masterly's text" : "\(language): \(body.count) characters",
                organization: organization)
        }
    }
}

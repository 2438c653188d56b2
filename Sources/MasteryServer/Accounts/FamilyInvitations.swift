import Foundation
import MasteryCore
import MasteryStore

/// Families join with an invitation tied to their child: a teacher of the student (or an administrator) names
/// the family member; Masterly links the guardian with that email if there is one, else creates a guardian
/// account in the child's school, and makes a one-time link for them to choose a password. Every step is
/// audited (`person.create`, `guardian.link`, `person.invite`).
struct FamilyInvitations {
    let store: Store
    let clock: @Sendable () -> Date

    struct Invitation {
        var guardian: Person
        var path: String
        /// A new account (false: an existing guardian now linked to this child too).
        var created: Bool
    }

    func invite(
        givenName: String?, familyName: String?, email: String?, student: Person, by actor: Person
    ) async throws -> Invitation {
        guard let given = try PeopleAdmin.checkText(givenName, field: "givenName", limit: 100) else {
            throw AppError.invalid(message: "Give the family member's first name.", field: "givenName")
        }
        let family = try PeopleAdmin.checkText(familyName, field: "familyName", limit: 100) ?? ""
        let email = try PeopleAdmin.checkEmail(email)
        let now = clock()
        var guardian: Person
        var created = false
        var sameEmail: [Person] = []
        if let email { sameEmail = try await store.people(email: email) }
        if let existing = sameEmail.first {
            guard sameEmail.count == 1, existing.role == .guardian else {
                throw AppError.invalid(
                    message: "That email belongs to someone at school who is not a family member; use another.",
                    field: "email")
            }
            guard existing.isActive else {
                throw AppError.invalid(
                    message: "That family member's account is switched off; ask your Masterly administrator.",
                    field: "email")
            }
            guardian = existing
        } else {
            guardian = Person(
                id: .init("p-guardian-\(UUID().uuidString.lowercased().prefix(8))"), role: .guardian, givenName: given,
                familyName: family, username: try await freeUsername(email: email, given: given, family: family),
                organizationID: student.organizationID)
            try await store.create(guardian, email: email, by: actor.id, at: now)
            created = true
        }
        try await store.linkGuardian(guardian.id, to: student.id, by: actor.id, at: now)
        let path = try await Accounts(store: store, clock: clock).invite(guardian, by: actor.id)
        guardian = try await store.person(guardian.id) ?? guardian
        return Invitation(guardian: guardian, path: path, created: created)
    }

    /// A username nobody has: the email's name part, else first.last, in lowercase letters, digits, `.`, `-`
    /// and `_`, with a number added when taken.
    func freeUsername(email: String?, given: String, family: String) async throws -> String {
        let source = email.map { String($0.prefix { $0 != "@" }) } ?? "\(given).\(family)"
        let folded = source.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789.-_")
        var base = String(String.UnicodeScalarView(folded.unicodeScalars.filter { allowed.contains($0) }))
        base = base.trimmingCharacters(in: CharacterSet(charactersIn: ".-_"))
        if base.count < 3 { base = "family" + base }
        base = String(base.prefix(40))
        var candidate = base
        var number = 2
        while try await store.person(username: candidate) != nil {
            candidate = "\(base)\(number)"
            number += 1
        }
        return candidate
    }
}

import Foundation
import MasteryCore
import MasteryStore

/// What an administrator may do with people, for the People page and `/api/v1/users`: the schools they oversee
/// (a school administrator their school; a district administrator every school of the district and the district
/// itself), creating and changing people there, and the roles they may grant.
struct PeopleAdmin: Sendable {
    let store: Store
    let admin: Person
    /// The organizations the administrator oversees (their own first).
    let organizations: [Organization]

    static func load(_ admin: Person, store: Store) async throws -> PeopleAdmin {
        try await Authorizer(store: store).require(admin, .manageRoster, organization: admin.organizationID)
        guard let own = try await store.organization(admin.organizationID) else { throw AppError.forbidden }
        var organizations = [own]
        if own.kind == .district {
            organizations += try await store.organizations().filter { $0.parentID == own.id }
                .sorted { $0.name < $1.name }
        }
        return PeopleAdmin(store: store, admin: admin, organizations: organizations)
    }

    var schoolIDs: [Organization.ID] { organizations.map(\.id) }

    /// The roles this administrator may give in `organization`: a district administrator any role anywhere; a
    /// school administrator any role in their school. Administrators of the district itself are made only by a
    /// district administrator; students and guardians belong to schools.
    func grantableRoles(in organization: Organization) -> [Role] {
        switch organization.kind {
        case .district: [.admin, .coach]
        case .school: [.student, .guardian, .teacher, .coach, .admin]
        }
    }

    func organization(_ id: Organization.ID?) throws -> Organization {
        guard let id else { return organizations[0] }
        guard let found = organizations.first(where: { $0.id == id }) else {
            throw AppError.invalid(message: "Choose a school you manage.", field: "schoolId")
        }
        return found
    }

    /// The person, if the administrator oversees them (404 otherwise: who exists elsewhere is not theirs to see).
    func person(_ id: Person.ID) async throws -> Store.Account {
        guard let account = try await store.account(id), schoolIDs.contains(account.person.organizationID) else {
            throw AppError.notFound("The person")
        }
        return account
    }

    struct Draft: Sendable {
        var givenName: String?
        var familyName: String?
        var username: String?
        var email: String?
        var role: Role?
        var schoolID: Organization.ID?
        var gradeLevel: String?
        var active: Bool?
    }

    static func checkText(_ value: String?, field: String, limit: Int = 200) throws -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        try InputRules.check(value, field: field, limit: limit)
        return value
    }

    static func checkUsername(_ value: String?) throws -> String? {
        guard let value = try checkText(value, field: "username", limit: 100) else { return nil }
        guard !value.contains(where: \.isWhitespace) else {
            throw AppError.invalid(message: "A username is one word, without spaces.", field: "username")
        }
        return value
    }

    static func checkEmail(_ value: String?) throws -> String? {
        guard let value = try checkText(value, field: "email", limit: 254) else { return nil }
        let parts = value.split(separator: "@")
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !value.contains(where: \.isWhitespace)
        else { throw AppError.invalid(message: "'\(value)' is not an email address.", field: "email") }
        return value.lowercased()
    }

    func create(_ draft: Draft, at now: Date) async throws -> Store.Account {
        guard let given = try Self.checkText(draft.givenName, field: "givenName") else {
            throw AppError.invalid(message: "Give the person's first name.", field: "givenName")
        }
        let family = try Self.checkText(draft.familyName, field: "familyName") ?? ""
        guard let role = draft.role else { throw AppError.invalid(message: "Choose a role.", field: "role") }
        let organization = try organization(draft.schoolID)
        guard grantableRoles(in: organization).contains(role) else {
            throw AppError.invalid(
                message: "A \(role.displayName.lowercased()) cannot be added to \(organization.name).", field: "role")
        }
        let person = Person(
            id: .init("p-\(role.rawValue)-\(UUID().uuidString.lowercased().prefix(8))"), role: role, givenName: given,
            familyName: family, username: try Self.checkUsername(draft.username), organizationID: organization.id,
            gradeLevel: try Self.checkText(draft.gradeLevel, field: "gradeLevel", limit: 20))
        do {
            try await store.create(person, email: try Self.checkEmail(draft.email), by: admin.id, at: now)
        } catch StoreError.conflict(let message) {
            throw AppError.invalid(message: message, field: "username")
        }
        return try await self.person(person.id)
    }

    func update(_ id: Person.ID, _ draft: Draft, at now: Date) async throws -> Store.Account {
        let account = try await person(id)
        var person = account.person
        if let given = try Self.checkText(draft.givenName, field: "givenName") { person.givenName = given }
        if let family = draft.familyName { person.familyName = try Self.checkText(family, field: "familyName") ?? "" }
        if let username = draft.username { person.username = try Self.checkUsername(username) }
        let email = draft.email != nil ? try Self.checkEmail(draft.email) : account.email
        if let school = draft.schoolID { person.organizationID = try organization(school).id }
        if let role = draft.role { person.role = role }
        let organization = try organization(person.organizationID)
        if draft.role != nil || draft.schoolID != nil, !grantableRoles(in: organization).contains(person.role) {
            throw AppError.invalid(
                message: "A \(person.role.displayName.lowercased()) cannot be in \(organization.name).", field: "role")
        }
        if let active = draft.active {
            if !active, id == admin.id {
                throw AppError.invalid(message: "You cannot deactivate yourself.", field: "active")
            }
            person.isActive = active
        }
        if id == admin.id, person.role != .admin {
            throw AppError.invalid(message: "You cannot take away your own administrator role.", field: "role")
        }
        do {
            try await store.update(person, email: email, by: admin.id, at: now)
        } catch StoreError.conflict(let message) {
            throw AppError.invalid(message: message, field: "username")
        }
        return try await self.person(id)
    }
}

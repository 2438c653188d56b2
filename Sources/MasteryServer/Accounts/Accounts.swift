import Foundation
import MasteryCore
import MasteryStore

/// Setting up a school's own accounts, shared by the command line and the pages: the first administrator,
/// passwords (checked by `PasswordRules`, hashed with bcrypt) and one-time invitation links.
public struct Accounts: Sendable {
    public let store: Store
    public let clock: @Sendable () -> Date
    /// How long an invitation link stays valid.
    public static let invitationLifetime: TimeInterval = 14 * 86_400

    public init(store: Store, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case usernameTaken(String)
        case weakPassword(String)
        case invalid(String)
        case unknownPerson(String)

        public var description: String {
            switch self {
            case .usernameTaken(let name): "the username \(name) is taken"
            case .weakPassword(let why): why
            case .invalid(let why): why
            case .unknownPerson(let name): "nobody has the username or id \(name)"
            }
        }
    }

    /// Creates the district (if none) and the first administrator. Nothing changes on any refusal.
    public func setUp(
        username: String, name: String, district: String?, email: String?, password: String
    ) async throws -> (Organization, Person) {
        let username = username.trimmingCharacters(in: .whitespaces)
        guard !username.isEmpty, username.count <= 100, !username.contains(where: \.isWhitespace) else {
            throw Failure.invalid("the username must be one word of at most 100 characters")
        }
        let parts = name.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
        guard let given = parts.first, !given.isEmpty else {
            throw Failure.invalid("give the administrator's full name")
        }
        if let problem = PasswordRules.problem(with: password, username: username) {
            throw Failure.weakPassword(problem)
        }
        if try await store.person(username: username) != nil { throw Failure.usernameTaken(username) }
        let existing = try await store.district()
        let hash = try await Passwords.hash(password)
        let person = Person(
            id: .init("p-admin-\(UUID().uuidString.lowercased().prefix(8))"), role: .admin, givenName: given,
            familyName: parts.count > 1 ? parts[1] : "", username: username,
            organizationID: existing?.id ?? .init("pending"))
        do {
            let organization = try await store.setUp(
                district: district ?? existing?.name ?? "Our district", administrator: person, email: email,
                passwordHash: hash, at: clock())
            var saved = person
            saved.organizationID = organization.id
            return (organization, saved)
        } catch StoreError.conflict {
            throw Failure.usernameTaken(username)
        }
    }

    /// A person by username or id.
    public func person(_ text: String) async throws -> Person {
        if let found = try await store.person(username: text) { return found }
        if let found = try await store.person(Person.ID(text)) { return found }
        throw Failure.unknownPerson(text)
    }

    public func setPassword(_ password: String, for person: Person, by actor: Person.ID) async throws {
        if let problem = PasswordRules.problem(with: password, username: person.username) {
            throw Failure.weakPassword(problem)
        }
        try await store.setPassword(hash: try await Passwords.hash(password), for: person.id, by: actor, at: clock())
    }

    /// A one-time link path (`/invite/…`) for `person` to choose their password.
    public func invite(_ person: Person, by actor: Person.ID) async throws -> String {
        let now = clock()
        let secret = try await store.invite(
            person.id, by: actor, at: now, expiresAt: now.addingTimeInterval(Self.invitationLifetime))
        return "/invite/\(secret)"
    }
}

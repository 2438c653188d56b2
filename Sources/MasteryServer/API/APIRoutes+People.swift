import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// `/api/v1/users` and `/api/v1/courses`: an administrator's people and courses (their schools only).
extension APIRoutes {
    struct UserItem: Encodable {
        var id: String
        var username: String?
        var name: String
        var givenName: String
        var familyName: String
        var role: String
        var schoolId: String
        var email: String?
        var gradeLevel: String?
        var active: Bool
        var hasPassword: Bool
        var lastSignInAt: Date?

        init(_ account: Store.Account) {
            let person = account.person
            id = person.id.rawValue
            username = person.username
            name = person.displayName
            givenName = person.givenName
            familyName = person.familyName
            role = person.role.rawValue
            schoolId = person.organizationID.rawValue
            email = account.email
            gradeLevel = person.gradeLevel
            active = person.isActive
            hasPassword = account.hasPassword
            lastSignInAt = account.lastSignInAt
        }
    }

    struct UserBody: Decodable {
        var givenName: String?
        var familyName: String?
        var username: String?
        var email: String?
        var role: String?
        var schoolId: String?
        var gradeLevel: String?
        var active: Bool?

        func draft() throws -> PeopleAdmin.Draft {
            var role: Role?
            if let text = self.role {
                guard let parsed = Role(rawValue: text) else {
                    throw AppError.invalid(
                        message: "role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")).",
                        field: "role")
                }
                role = parsed
            }
            if let schoolId { try InputRules.checkIdentifier(schoolId, field: "schoolId") }
            return .init(
                givenName: givenName, familyName: familyName, username: username, email: email, role: role,
                schoolID: schoolId.map { Organization.ID($0) }, gradeLevel: gradeLevel, active: active)
        }
    }

    struct CourseItem: Encodable {
        var id: String
        var sourcedId: String?
        var code: String
        var title: String
        var schoolId: String
        var frameworkIds: [String]
    }

    struct FrameworksBody: Decodable {
        var frameworkIds: [String]
    }

    func decodeBody<T: Decodable>(_ type: T.Type, _ request: Request, limit: Int = 100_000) async throws -> T {
        var request = request
        let buffer = try await CSRFMiddleware.collect(&request, upTo: limit)
        do {
            return try Self.decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw AppError.invalid(
                message: "The JSON body could not be read: \(Self.describe(error))", field: Self.field(of: error))
        }
    }

    func registerPeople(on router: Router<AppRequestContext>) {
        router.get("/api/v1/users") { request, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            let parameters = request.uri.queryParameters
            let query = try PeopleAdmin.checkText(parameters["q"].map(String.init), field: "q")
            var role: Role?
            if let text = parameters["role"].map(String.init), !text.isEmpty {
                guard let parsed = Role(rawValue: text) else {
                    throw AppError.invalid(message: "role must be a role such as teacher.", field: "role")
                }
                role = parsed
            }
            var schools = admin.schoolIDs
            if let school = parameters["school"].map(String.init), !school.isEmpty {
                schools = [try admin.organization(Organization.ID(school)).id]
            }
            var active: Bool?
            if let text = parameters["active"].map(String.init), !text.isEmpty { active = text == "true" }
            let accounts = try await store.accounts(matching: query, role: role, schools: schools, active: active)
            return APIResponse.json(["users": accounts.map(UserItem.init)])
        }
        router.post("/api/v1/users") { request, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            let body = try await decodeBody(UserBody.self, request)
            let account = try await admin.create(try body.draft(), at: services.clock())
            return APIResponse.json(UserItem(account), status: .created)
        }
        router.patch("/api/v1/users/{id}") { request, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            let id = Person.ID(try context.parameters.require("id"))
            let body = try await decodeBody(UserBody.self, request)
            let account = try await admin.update(id, try body.draft(), at: services.clock())
            return APIResponse.json(UserItem(account))
        }
        router.post("/api/v1/users/{id}/invitations") { _, context in
            let user = try context.requireUser()
            let person = try await invitee(Person.ID(try context.parameters.require("id")), by: user)
            let path = try await Accounts(store: store, clock: services.clock).invite(person, by: user.id)
            return APIResponse.json(["path": path], status: .created)
        }
        router.get("/api/v1/courses") { _, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            let courses = try await store.courses(schools: admin.schoolIDs)
            return APIResponse.json(["courses": courses.map(Self.courseItem)])
        }
        router.put("/api/v1/courses/{id}/frameworks") { request, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            let id = Course.ID(try context.parameters.require("id"))
            guard let course = try await store.course(id), admin.schoolIDs.contains(course.schoolID) else {
                throw AppError.notFound("The course \(id.rawValue)")
            }
            let body = try await decodeBody(FrameworksBody.self, request)
            let frameworks = try await linkable(body.frameworkIds)
            try await store.setFrameworks(frameworks, of: course.id, by: admin.admin.id, at: services.clock())
            guard let saved = try await store.course(course.id) else { throw AppError.notFound("The course") }
            return APIResponse.json(Self.courseItem(saved))
        }
    }

    static func courseItem(_ course: Course) -> CourseItem {
        CourseItem(
            id: course.id.rawValue, sourcedId: course.sourcedID, code: course.code, title: course.title,
            schoolId: course.schoolID.rawValue, frameworkIds: course.frameworkIDs.map(\.rawValue))
    }

    /// Frameworks by id, code or CASE identifier, in order, each once; an unknown one is 404 naming it.
    func linkable(_ names: [String]) async throws -> [Framework.ID] {
        var ids: [Framework.ID] = []
        for name in names {
            try InputRules.check(name, field: "frameworkIds", limit: 200)
            guard let framework = try await store.framework(identifiedBy: name) else {
                throw AppError.notFound("The framework \(name)")
            }
            if !ids.contains(framework.id) { ids.append(framework.id) }
        }
        return ids
    }

    /// Who may get a one-time link: an administrator for anyone of their schools, a teacher for their own
    /// students (`issueSignInLink`); anyone else 403.
    func invitee(_ id: Person.ID, by user: Person) async throws -> Person {
        if user.role == .admin {
            return try await PeopleAdmin.load(user, store: store).person(id).person
        }
        try await authorizer.require(user, .issueSignInLink, student: id)
        guard let person = try await store.person(id), person.role == .student else {
            throw AppError.notFound("The student")
        }
        return person
    }
}

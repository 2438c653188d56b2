import Foundation
import HTTPTypes
import Hummingbird
import MasteryCore
import MasteryStore

/// The administrator's People and Courses pages (`PeopleAdmin` decides what they may do; every change audited).
struct PeopleRoutes {
    let services: AppServices
    var store: Store { services.store }

    func register(on router: Router<AppRequestContext>) {
        router.get("/admin/people") { request, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            let parameters = request.uri.queryParameters
            func value(_ name: String) -> String? {
                parameters[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            }
            let filters = PeoplePage.Filters(
                q: try PeopleAdmin.checkText(value("q"), field: "q"), role: value("role").flatMap(Role.init(rawValue:)),
                school: value("school").map { Organization.ID($0) }, status: value("status"))
            let schools = try filters.school.map { [try admin.organization($0).id] } ?? admin.schoolIDs
            let accounts = try await store.accounts(
                matching: filters.q, role: filters.role, schools: schools,
                active: filters.status.map { $0 == "active" })
            let page = PeoplePage(
                accounts: accounts, organizations: admin.organizations, filters: filters,
                message: value("saved").map { _ in "Saved." })
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.get("/admin/people/new") { request, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            return HTMLResponse.render(
                try await personPage(admin, nil).render(PageContext(context, path: request.uri.path)))
        }
        router.post("/admin/people") { request, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            do {
                let account = try await admin.create(draft(context.form), at: services.clock())
                return HTMLResponse.redirect("/admin/people/\(account.person.id.rawValue)?saved=1")
            } catch AppError.invalid(let message, let field, _) {
                var page = try await personPage(admin, nil)
                page.problem = (field ?? "", message)
                return HTMLResponse.render(
                    page.render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
            }
        }
        router.get("/admin/people/{person}") { request, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            let account = try await admin.person(Person.ID(try context.parameters.require("person")))
            var page = try await personPage(admin, account)
            page.message = request.uri.queryParameters["saved"].map { _ in "Saved." }
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/admin/people/{person}") { request, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            let id = Person.ID(try context.parameters.require("person"))
            do {
                _ = try await admin.update(id, draft(context.form), at: services.clock())
                return HTMLResponse.redirect("/admin/people/\(id.rawValue)?saved=1")
            } catch AppError.invalid(let message, let field, _) {
                var page = try await personPage(admin, try await admin.person(id))
                page.problem = (field ?? "", message)
                return HTMLResponse.render(
                    page.render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
            }
        }
        router.post("/admin/people/{person}/status") { _, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            let id = Person.ID(try context.parameters.require("person"))
            let active = context.form["active"] == "true"
            _ = try await admin.update(id, .init(active: active), at: services.clock())
            return HTMLResponse.redirect("/admin/people/\(id.rawValue)?saved=1")
        }
        router.post("/admin/people/{person}/invite") { request, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            let account = try await admin.person(Person.ID(try context.parameters.require("person")))
            let path = try await Accounts(store: store, clock: services.clock).invite(
                account.person, by: admin.admin.id)
            var page = try await personPage(admin, account)
            page.invitation = Self.absolute(path, request)
            return HTMLResponse.render(
                page.render(PageContext(context, path: "/admin/people/\(account.person.id.rawValue)")))
        }
        router.post("/admin/people/{person}/links") { _, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            let account = try await admin.person(Person.ID(try context.parameters.require("person")))
            guard let text = context.form.text("other") else {
                throw AppError.invalid(message: "Give the username or id to link.", field: "other")
            }
            guard let other = try? await Accounts(store: store).person(text) else {
                throw AppError.invalid(message: "Nobody has the username or id '\(text)'.", field: "other")
            }
            _ = try await admin.person(other.id)
            let (guardian, student) =
                account.person.role == .student ? (other, account.person) : (account.person, other)
            guard guardian.role == .guardian, student.role == .student else {
                throw AppError.invalid(message: "Link a guardian to a student.", field: "other")
            }
            try await store.linkGuardian(guardian.id, to: student.id, by: admin.admin.id, at: services.clock())
            return HTMLResponse.redirect("/admin/people/\(account.person.id.rawValue)?saved=1")
        }
        router.get("/admin/courses") { request, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            let courses = try await store.courses(schools: admin.schoolIDs)
            var sections: [Course.ID: [Section]] = [:]
            for course in courses { sections[course.id] = try await store.sections(ofCourse: course.id) }
            let page = CoursesPage(
                courses: courses, frameworks: try await store.frameworks(), organizations: admin.organizations,
                message: request.uri.queryParameters["saved"].map { _ in "Saved." }, sections: sections,
                strands: try await ClassRoutes.strandsByFramework(store))
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/admin/courses/{course}/frameworks") { _, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            let id = Course.ID(try context.parameters.require("course"))
            guard let course = try await store.course(id), admin.schoolIDs.contains(course.schoolID) else {
                throw AppError.notFound("The course")
            }
            let (chosen, strands) = try await ClassRoutes.choice(context.form, store: store)
            try await store.setFrameworks(
                chosen, strands: strands, of: course.id, by: admin.admin.id, at: services.clock())
            return HTMLResponse.redirect("/admin/courses?saved=1#course-\(course.id.rawValue)")
        }
    }

    func draft(_ form: FormData) throws -> PeopleAdmin.Draft {
        .init(
            givenName: form["givenName"], familyName: form["familyName"] ?? "", username: form["username"] ?? "",
            email: form["email"] ?? "", role: form.text("role").flatMap(Role.init(rawValue:)),
            schoolID: try form.identifier("school").map { Organization.ID($0) }, gradeLevel: form["gradeLevel"])
    }

    func personPage(_ admin: PeopleAdmin, _ account: Store.Account?) async throws -> PersonPage {
        var linked: [Person] = []
        if let person = account?.person {
            linked =
                person.role == .student
                ? try await store.guardians(ofStudent: person.id) : try await store.children(ofGuardian: person.id)
        }
        return PersonPage(
            account: account, organizations: admin.organizations,
            grantable: Dictionary(
                admin.organizations.map { ($0.id, admin.grantableRoles(in: $0)) }, uniquingKeysWith: { a, _ in a }),
            linked: linked, problem: nil, message: nil, invitation: nil)
    }

    /// The link as a person types it: with the host the administrator is using.
    static func absolute(_ path: String, _ request: Request) -> String {
        guard let host = request.head.authority else { return path }
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!] ?? "http"
        return "\(scheme)://\(host)\(path)"
    }
}

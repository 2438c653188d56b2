import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// Courses, sections and enrolments by hand (schools without a student information system): an
/// administrator of the school (`manageRoster`, through `PeopleAdmin`) adds courses and sections and enrols
/// teachers and students. Imported rosters stay the source of what they list.
struct ClassRoutes {
    let services: AppServices
    var store: Store { services.store }

    func register(on router: Router<AppRequestContext>) {
        router.post("/admin/courses") { _, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            let form = context.form
            guard let code = try PeopleAdmin.checkText(form.text("code"), field: "code", limit: 40),
                let title = try PeopleAdmin.checkText(form.text("title"), field: "title", limit: 200)
            else { throw AppError.invalid(message: "Give the course a code and a title.", field: "code") }
            let school = try admin.organization(try form.identifier("school").map { Organization.ID($0) })
            guard school.kind == .school else {
                throw AppError.invalid(message: "Courses belong to a school; choose one.", field: "school")
            }
            do {
                let id = try await store.createCourse(
                    code: code, title: title, school: school.id, by: admin.admin.id, at: services.clock())
                return HTMLResponse.redirect("/admin/courses?saved=1#course-\(id.rawValue)")
            } catch StoreError.conflict(let message) {
                throw AppError.invalid(message: message, field: "code")
            }
        }
        router.post("/admin/schools/{school}/settings") { _, context in
            let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
            let school = try admin.organization(Organization.ID(try context.parameters.require("school")))
            guard school.kind == .school else { throw AppError.notFound("The school") }
            try await store.setTeachersChooseFrameworks(
                context.form.text("teachersChooseFrameworks") == "on", school: school.id, by: admin.admin.id,
                at: services.clock())
            return HTMLResponse.redirect("/admin/courses?saved=1")
        }
        router.post("/sections/{id}/frameworks") { _, context in
            let user = try context.requireUser()
            let id = Section.ID(try context.parameters.require("id"))
            try await Authorizer(store: store, today: services.clock).require(
                user, .chooseCourseFrameworks, section: id)
            guard let section = try await store.section(id) else { throw AppError.notFound("The section") }
            let (chosen, strands) = try await Self.choice(context.form, store: store)
            try await store.setFrameworks(
                chosen, strands: strands, of: section.courseID, by: user.id, at: services.clock())
            return HTMLResponse.redirect("/sections/\(id.rawValue)/settings?saved=1")
        }
        router.post("/admin/courses/{course}/sections") { _, context in
            let (admin, course) = try await loadCourse(context)
            guard let name = try PeopleAdmin.checkText(context.form.text("name"), field: "name", limit: 100) else {
                throw AppError.invalid(message: "Give the section a name.", field: "name")
            }
            let term = try PeopleAdmin.checkText(context.form.text("term"), field: "term", limit: 100) ?? ""
            var endsOn: String?
            if let text = context.form.text("endsOn"), !text.isEmpty {
                guard RFC3339.date(text + "T00:00:00Z") != nil else {
                    throw AppError.invalid(
                        message: "The term's last day is a date such as 2027-06-30.", field: "endsOn")
                }
                endsOn = text
            }
            let id = try await store.createSection(
                course: course.id, name: name, term: term, endsOn: endsOn, by: admin.admin.id, at: services.clock())
            return HTMLResponse.redirect("/admin/sections/\(id.rawValue)")
        }
        router.get("/admin/sections/{section}") { request, context in
            let (_, section, course) = try await loadSection(context)
            return HTMLResponse.render(
                try await page(section, course, notice: request.uri.queryParameters["saved"].map { _ in "Saved." })
                    .render(PageContext(context, path: request.uri.path)))
        }
        router.post("/admin/sections/{section}/members") { request, context in
            let (admin, section, course) = try await loadSection(context)
            let role: Enrollment.Role = context.form.text("role") == "teacher" ? .teacher : .student
            let names = (context.form.text("usernames") ?? "")
                .split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == ";" || $0 == "\r" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var people: [Person] = []
            var problems: [String] = []
            for name in names {
                try InputRules.check(name, field: "usernames", limit: 100)
                guard let person = try await store.person(username: name), person.organizationID == section.schoolID
                else {
                    problems.append("\(name): nobody of this school has that username")
                    continue
                }
                let fits =
                    role == .student ? person.role == .student : [.teacher, .coach, .admin].contains(person.role)
                if !fits {
                    problems.append("\(name) is a \(person.role.displayName.lowercased()), not a \(role.rawValue)")
                } else {
                    people.append(person)
                }
            }
            if names.isEmpty { problems.append("List at least one username.") }
            guard problems.isEmpty else {
                return HTMLResponse.render(
                    try await page(section, course, problems: problems).render(
                        PageContext(context, path: request.uri.path)), status: .unprocessableContent)
            }
            for person in people {
                try await store.enrol(person.id, in: section.id, as: role, by: admin.admin.id, at: services.clock())
            }
            return HTMLResponse.redirect("/admin/sections/\(section.id.rawValue)?saved=1")
        }
        router.post("/admin/sections/{section}/members/{person}/remove") { _, context in
            let (admin, section, _) = try await loadSection(context)
            let person = Person.ID(try context.parameters.require("person"))
            try await store.unenrol(person, from: section.id, by: admin.admin.id, at: services.clock())
            return HTMLResponse.redirect("/admin/sections/\(section.id.rawValue)?saved=1")
        }
    }

    /// Every framework's strands, in order (for `CourseChoiceForm`).
    static func strandsByFramework(_ store: Store) async throws -> [Framework.ID: [Strand]] {
        Dictionary(grouping: try await store.curriculum().strands, by: \.frameworkID)
    }

    /// The frameworks and strands a `CourseChoiceForm` chose: an unknown framework is 404 naming it; strands
    /// count only under a chosen framework.
    static func choice(_ form: FormData, store: Store) async throws -> ([Framework.ID], [Strand.ID]) {
        let curriculum = try await store.curriculum()
        let known = Set(curriculum.frameworks.map(\.id))
        let chosen = form.all("framework").map { Framework.ID($0) }
        if let unknown = chosen.first(where: { !known.contains($0) }) {
            throw AppError.notFound("The framework \(unknown.rawValue)")
        }
        let strands = form.all("strand").compactMap { id in curriculum.strand(Strand.ID(id)) }
            .filter { chosen.contains($0.frameworkID) }.map(\.id)
        return (chosen, strands)
    }

    func loadCourse(_ context: AppRequestContext) async throws -> (PeopleAdmin, Course) {
        let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
        let id = Course.ID(try context.parameters.require("course"))
        guard let course = try await store.course(id), admin.schoolIDs.contains(course.schoolID) else {
            throw AppError.notFound("The course")
        }
        return (admin, course)
    }

    func loadSection(_ context: AppRequestContext) async throws -> (PeopleAdmin, Section, Course) {
        let admin = try await PeopleAdmin.load(try context.requireUser(), store: store)
        let id = Section.ID(try context.parameters.require("section"))
        guard let section = try await store.section(id), admin.schoolIDs.contains(section.schoolID),
            let course = try await store.course(section.courseID)
        else { throw AppError.notFound("The section") }
        return (admin, section, course)
    }

    func page(
        _ section: Section, _ course: Course, notice: String? = nil, problems: [String] = []
    ) async throws
        -> SectionMembersPage
    {
        SectionMembersPage(
            section: section, course: course, teachers: try await store.members(of: section.id, as: .teacher),
            students: try await store.members(of: section.id, as: .student), notice: notice, problems: problems)
    }
}

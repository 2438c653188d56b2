import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// A course's pathway, written by the teachers of its sections: ordered steps (a step of several competencies
/// is a branch: any one completes it), paced by dates or by the teacher, who opens the next step when the class
/// is ready. Every change is decided by the policy on the section and audited.
struct PathwayRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    static let stepActions: Set<String> = ["up", "down", "remove"]

    func register(on router: Router<AppRequestContext>) {
        router.get("/sections/{id}/pathway/edit") { request, context in
            let (_, section, curriculum, pathway) = try await load(context)
            let page = PathwayEditorPage(
                section: section, pathway: pathway,
                competencies: curriculum.leafCompetencies.filter { $0.kind == .academic },
                lastOpen: pathway?.lastOpenStep(at: services.clock()),
                message: request.uri.queryParameters["saved"].map { _ in "Saved." })
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/sections/{id}/pathway/edit/{action}") { _, context in
            let (user, section, curriculum, found) = try await load(context)
            let action = try context.parameters.require("action")
            let now = services.clock()
            var pathway: Pathway
            switch (action, found) {
            case ("create", nil):
                pathway = Pathway(
                    id: .init("pw-\(PlaylistAuthoring.shortID())"), courseID: section.courseID,
                    title: try PlaylistAuthoring.checkTitle(context.form.text("title") ?? "", field: "title"),
                    pacing: try pacing(context.form), steps: [])
            case ("settings", let existing?):
                pathway = existing
                pathway.title = try PlaylistAuthoring.checkTitle(context.form.text("title") ?? "", field: "title")
                pathway.pacing = try pacing(context.form)
            case ("step", let existing?):
                pathway = existing
                pathway.steps.append(try step(context.form, curriculum: curriculum, pathway: existing))
            case ("open", let existing?):
                // One more step open than now (a teacher-paced pathway without dates moves with the class).
                pathway = existing
                pathway.openedSteps = min(existing.steps.count, existing.lastOpenStep(at: now) + 2)
            case (_, nil): throw AppError.conflict("This course has no pathway yet: create it first.")
            default: throw AppError.notFound("That action")
            }
            try await store.save(pathway, by: user.id, at: now, action: action)
            return HTMLResponse.redirect("/sections/\(section.id.rawValue)/pathway/edit?saved=1")
        }
        router.post("/sections/{id}/pathway/edit/steps/{index}/{action}") { _, context in
            let (user, section, _, found) = try await load(context)
            let action = try context.parameters.require("action")
            guard Self.stepActions.contains(action), var pathway = found,
                let index = Int(try context.parameters.require("index")), pathway.steps.indices.contains(index)
            else { throw AppError.notFound("That step") }
            switch action {
            case "up" where index > 0: pathway.steps.swapAt(index, index - 1)
            case "down" where index < pathway.steps.count - 1: pathway.steps.swapAt(index, index + 1)
            case "remove": pathway.steps.remove(at: index)
            default: break
            }
            pathway.openedSteps = min(pathway.openedSteps, pathway.steps.count)
            try await store.save(pathway, by: user.id, at: services.clock(), action: "step-\(action)")
            return HTMLResponse.redirect("/sections/\(section.id.rawValue)/pathway/edit?saved=1")
        }
    }

    /// The section (for someone who manages it), its course's curriculum and pathway.
    func load(_ context: AppRequestContext) async throws -> (Person, Section, Curriculum, Pathway?) {
        let user = try context.requireUser()
        let id = Section.ID(try context.parameters.require("id"))
        try await authorizer.require(user, .manageSection, section: id)
        guard let section = try await store.section(id) else { throw AppError.notFound("The section") }
        let curriculum = try await store.curriculum(course: section.courseID)
        return (user, section, curriculum, try await store.pathways(courses: [section.courseID]).first)
    }

    func pacing(_ form: FormData) throws -> Pathway.Pacing {
        guard let pacing = form.text("pacing").flatMap(Pathway.Pacing.init(rawValue:)) else {
            throw AppError.invalid(message: "Choose who sets the pace.", field: "pacing")
        }
        return pacing
    }

    /// A new step from the page's form.
    func step(_ form: FormData, curriculum: Curriculum, pathway: Pathway) throws -> Pathway.Step {
        let chosen = form.all("competency").map { Competency.ID($0) }
        guard !chosen.isEmpty else {
            throw AppError.invalid(message: "Choose the competency (or several, for a branch).", field: "competency")
        }
        return try Self.step(
            chosen, date: form.text("date"), curriculum: curriculum,
            taken: Set(pathway.steps.flatMap(\.competencyIDs)), fields: ("competency", "date"))
    }

    /// A step, for the page and the API alike: competencies of the course, none already on the pathway
    /// (`taken`), and an optional date as a day; refusals name `fields` (competencies, date).
    static func step(
        _ chosen: [Competency.ID], date text: String?, curriculum: Curriculum, taken: Set<Competency.ID>,
        fields: (competencies: String, date: String)
    ) throws -> Pathway.Step {
        for id in chosen {
            guard let competency = curriculum.competency(id) else {
                throw AppError.invalid(
                    message: "\(id.rawValue) is not one of this course's.", field: fields.competencies)
            }
            if taken.contains(id) || chosen.filter({ $0 == id }).count > 1 {
                throw AppError.invalid(
                    message: "\(competency.code) is already a step of the pathway.", field: fields.competencies)
            }
        }
        var date: Date?
        if let text {
            guard let parsed = FormDates.parse(text) else {
                throw AppError.invalid(message: "The date is a day such as 2027-01-15.", field: fields.date)
            }
            date = parsed
        }
        return .init(competencyIDs: chosen, targetDate: date)
    }
}

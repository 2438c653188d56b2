import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// Quick check: one competency, the whole class, one level per student on one screen.
struct QuickCheckRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/sections/{id}/quick-check") { request, context in
            let (_, data) = try await load(context)
            let chosen = request.uri.queryParameters["competency"].map { Competency.ID(String($0)) }
            let page = QuickCheckPage(
                data: data, competency: chosen.flatMap { data.curriculum.competency($0) }, saved: nil, problem: nil)
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/sections/{id}/quick-check") { request, context in
            let (user, data) = try await load(context)
            let form = context.form
            guard let competencyID = form.text("competency").map({ Competency.ID($0) }),
                let competency = data.curriculum.leafCompetencies.first(where: { $0.id == competencyID })
            else { throw AppError.invalid(message: "Choose a competency of this section.", field: "competency") }
            let scale = data.curriculum.scale(for: competency)
            var observed = services.clock()
            if let text = form.text("observed") {
                guard let date = FormDates.parse(text), date <= services.clock().addingTimeInterval(86_400) else {
                    let page = QuickCheckPage(
                        data: data, competency: competency, saved: nil,
                        problem: "The date '\(text)' is not a date on or before today.")
                    return HTMLResponse.render(
                        page.render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
                }
                observed = date
            }
            var drafts: [EvidenceDraft] = []
            for student in data.students {
                guard let text = form.text("score-\(student.id.rawValue)"), text != "skip" else { continue }
                guard let score = Double(text), scale?.contains(score) ?? false else {
                    throw AppError.invalid(
                        message: "'\(text)' is not a level of the scale.", field: "score-\(student.id.rawValue)")
                }
                drafts.append(
                    .record(
                        student: student.id, competency: competency.id, score: score, observedAt: observed,
                        source: .quickCheck, section: data.section.id, comment: form.text("comment")))
            }
            try await store.append(drafts, by: user.id, at: services.clock())
            let fresh = try await SectionData.load(data.section.id, store: store)
            let page = QuickCheckPage(data: fresh, competency: competency, saved: drafts.count, problem: nil)
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
    }

    /// The section, when the user teaches it (only a student's teachers record evidence).
    func load(_ context: AppRequestContext) async throws -> (Person, SectionData) {
        let user = try context.requireUser()
        let id = Section.ID(try context.parameters.require("id"))
        try await authorizer.require(user, .recordEvidence, section: id)
        return (user, try await SectionData.load(id, store: store))
    }
}

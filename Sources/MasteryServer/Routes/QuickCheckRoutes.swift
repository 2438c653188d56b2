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
            let saved = request.uri.queryParameters["saved"].flatMap { Int(String($0)) }
            let page = QuickCheckPage(
                data: data, competency: chosen.flatMap { data.curriculum.competency($0) }, saved: saved, problem: nil)
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/sections/{id}/quick-check") { request, context in
            let (user, data) = try await load(context)
            let form = context.form
            guard let competencyID = form.text("competency").map({ Competency.ID($0) }),
                let competency = data.curriculum.leafCompetencies.first(where: { $0.id == competencyID })
            else { throw AppError.invalid(message: "Choose a competency of this section.", field: "competency") }
            let scale = data.curriculum.scale(for: competency)
            /// The form again with the problem, nothing saved.
            func refuse(_ problem: String) -> Response {
                let page = QuickCheckPage(data: data, competency: competency, saved: nil, problem: problem)
                return HTMLResponse.render(
                    page.render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
            }
            var observed = services.clock()
            if let text = form.text("observed") {
                guard let date = FormDates.parse(text), date <= services.clock().addingTimeInterval(86_400) else {
                    return refuse("The date '\(text)' is not a date on or before today.")
                }
                observed = date
            }
            var drafts: [EvidenceDraft] = []
            for student in data.students {
                guard let text = form.text("score-\(student.id.rawValue)"), text != "skip" else { continue }
                guard let score = Double(text), scale?.contains(score) ?? false else {
                    return refuse("'\(text)' for \(student.displayName) is not a level of the scale.")
                }
                drafts.append(
                    .record(
                        student: student.id, competency: competency.id, score: score, observedAt: observed,
                        source: .quickCheck, section: data.section.id, comment: form.text("comment")))
            }
            guard !drafts.isEmpty else { return refuse("Choose a level for at least one student; nothing was saved.") }
            try await store.append(drafts, by: user.id, at: services.clock())
            // Back to the form by GET, so reloading the page cannot record the same levels twice.
            return HTMLResponse.redirect(
                "/sections/\(data.section.id.rawValue)/quick-check?competency=\(competency.id.rawValue)"
                    + "&saved=\(drafts.count)#quick-check-form")
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

import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// A student's reflection journal: what went well and what to try next, attached to feedback or a goal,
/// private to the student and their teachers or shared with the family.
struct ReflectionRoutes {
    let services: AppServices
    var store: Store { services.store }

    func register(on router: Router<AppRequestContext>) {
        router.get("/students/{id}/reflections") { request, context in
            let scope = try await StudentScope.load(context, .viewStudentRecord, store: store)
            let page = try await reflectionsPage(
                scope, evidence: request.uri.queryParameters["evidence"].map { EvidenceEvent.ID(String($0)) },
                message: request.uri.queryParameters["saved"].map { _ in "Saved to your journal." })
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/students/{id}/reflections") { request, context in
            let scope = try await StudentScope.load(context, .writeStudentVoice, store: store)
            let form = context.form
            let wentWell = form.text("wentWell") ?? ""
            let tryNext = form.text("tryNext") ?? ""
            guard !wentWell.isEmpty || !tryNext.isEmpty else {
                var page = try await reflectionsPage(scope, evidence: nil, message: nil)
                page.formError = "Write what went well or what you will try next."
                return HTMLResponse.render(
                    page.render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
            }
            let evidence = try await store.evidence(student: scope.student.id).values.joined()
            let evidenceID = form.text("evidence").map { EvidenceEvent.ID($0) }.flatMap { id in
                evidence.first { $0.id == id }?.id
            }
            let goals = try await store.goals(student: scope.student.id)
            let goalID = form.text("goal").map { Goal.ID($0) }.flatMap { id in goals.first { $0.id == id }?.id }
            let reflection = Reflection(
                id: .init(UUID().uuidString.lowercased()), studentID: scope.student.id, wentWell: wentWell,
                tryNext: tryNext, evidenceID: evidenceID, goalID: goalID,
                competencyID: evidenceID.flatMap { id in evidence.first { $0.id == id }?.competencyID },
                visibility: Reflection.Visibility(rawValue: form.text("visibility") ?? "") ?? .teacherAndMe,
                at: services.clock())
            try await store.save(reflection, by: scope.user.id)
            return HTMLResponse.redirect("\(scope.base)/reflections?saved=1")
        }
    }

    /// Reflections the viewer may read: all for the student and their teachers ("only my teachers and me");
    /// shared ones for everyone else allowed on the page (family, coaches, administrators).
    static func visible(_ reflections: [Reflection], in scope: StudentScope) -> [Reflection] {
        scope.allows(.readPrivateReflections) ? reflections : reflections.filter { $0.visibility == .shared }
    }

    func reflectionsPage(
        _ scope: StudentScope, evidence selected: EvidenceEvent.ID?, message: String?
    ) async throws
        -> ReflectionsPage
    {
        let (_, curriculum) = try await StudentCompetencies.load(scope.student.id, store: store)
        let evidence = try await store.evidence(student: scope.student.id).values.joined()
            .sorted { $0.observedAt > $1.observedAt }
        let reflections = Self.visible(try await store.reflections(student: scope.student.id), in: scope)
        let reflected = Set(reflections.compactMap(\.evidenceID))
        let feedback = evidence.filter { $0.comment != nil && !reflected.contains($0.id) }.prefix(5)
        return ReflectionsPage(
            student: scope.student, isOwn: scope.isOwn, reflections: reflections, feedback: Array(feedback),
            evidence: Array(evidence.prefix(30)), goals: try await store.goals(student: scope.student.id),
            curriculum: curriculum, selected: selected, message: message)
    }
}

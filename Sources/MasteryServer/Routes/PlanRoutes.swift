import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// The personalized learning plan: drafted by the student with their teachers, sent for review, acknowledged
/// by the student, an advisor and a guardian, active, then complete with a frozen copy of the mastery.
struct PlanRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/students/{id}/plan") { request, context in
            let scope = try await StudentScope.load(context, .viewStudentRecord, store: store)
            let page = try await planPage(scope, message: request.uri.queryParameters["saved"].map { _ in "Saved." })
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/students/{id}/plan") { request, context in
            let scope = try await StudentScope.load(context, .workOnLearning, store: store)
            let form = context.form
            let now = services.clock()
            let existing = try await store.plans(student: scope.student.id)
            var plan =
                form.text("plan").flatMap { id in existing.first { $0.id.rawValue == id } }
                ?? LearningPlan(
                    id: .init(UUID().uuidString.lowercased()), studentID: scope.student.id, title: "", updatedAt: now)
            guard plan.isEditable else {
                throw AppError.invalid(message: "A \(plan.status.label.lowercased()) plan can no longer be edited.")
            }
            plan.title = form.text("title") ?? "My learning plan"
            plan.pace = form.text("pace") ?? ""
            plan.path = form.text("path") ?? ""
            plan.goals = LearningPlan.Arena.allCases.compactMap { arena in
                guard let text = form.text("goal-\(arena.rawValue)") else { return nil }
                let steps = (form.text("steps-\(arena.rawValue)") ?? "").split(whereSeparator: \.isNewline)
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                return LearningPlan.PlanGoal(arena: arena, text: text, actionSteps: steps)
            }
            if plan.status == .inReview { try plan.move(to: .draft, at: now) }  // an edit needs a new review
            plan.updatedAt = now
            try await store.save(plan, by: scope.user.id, at: now, action: "edit")
            return HTMLResponse.redirect("\(scope.base)/plan?saved=1#plan-\(plan.id.rawValue)")
        }
        router.post("/students/{id}/plan/{plan}/{action}") { request, context in
            let action = try context.parameters.require("action")
            let scope = try await StudentScope.load(
                context, action == "acknowledge" ? .acknowledgePlan : .workOnLearning, store: store)
            let planID = LearningPlan.ID(try context.parameters.require("plan"))
            guard var plan = try await store.plans(student: scope.student.id).first(where: { $0.id == planID }) else {
                throw AppError.notFound("The plan")
            }
            let now = services.clock()
            do {
                switch action {
                case "submit": try plan.move(to: .inReview, at: now)
                case "reopen": try plan.move(to: .draft, at: now)
                case "activate": try plan.move(to: .active, at: now)
                case "complete":
                    guard scope.user.role == .teacher else { throw AppError.forbidden }
                    try plan.move(to: .complete, at: now, mastery: try await frozenMastery(scope.student.id))
                case "acknowledge":
                    guard plan.status == .inReview else {
                        throw MasteryCoreError.notAllowed("Only a plan in review is acknowledged.")
                    }
                    let signer: LearningPlan.Signer =
                        switch scope.user.role {
                        case .student: .student
                        case .guardian: .guardian
                        default: .advisor
                        }
                    // Acknowledged already: a second click (or a second tab) changes nothing and writes nothing.
                    if plan.acknowledged(by: signer) != nil {
                        return HTMLResponse.redirect("\(scope.base)/plan#plan-\(plan.id.rawValue)")
                    }
                    plan.acknowledgements.append(.init(signer: signer, personID: scope.user.id, at: now))
                    plan.updatedAt = now
                default: throw AppError.notFound("That action")
                }
            } catch let error as MasteryCoreError {
                var page = try await planPage(scope, message: nil)
                page.problem = error.description
                return HTMLResponse.render(
                    page.render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
            }
            try await store.save(plan, by: scope.user.id, at: now, action: action)
            return HTMLResponse.redirect("\(scope.base)/plan?saved=1#plan-\(plan.id.rawValue)")
        }
    }

    func frozenMastery(_ student: Person.ID) async throws -> [LearningPlan.FrozenMastery] {
        let (competencies, curriculum) = try await StudentCompetencies.load(student, store: store)
        let records = try await store.records(student: student)
        return competencies.map { competency in
            let record = records[competency.id]
            let level = record?.levelValue.flatMap { value in
                curriculum.scale(for: competency)?.levels.first { $0.value == value }
            }
            return LearningPlan.FrozenMastery(
                competencyID: competency.id, code: competency.code, title: competency.title, value: record?.value,
                level: level?.label ?? "not enough evidence", mastered: record?.mastered ?? false)
        }
    }

    func planPage(_ scope: StudentScope, message: String?) async throws -> PlanPage {
        let plans = try await store.plans(student: scope.student.id)
        let names = Dictionary(
            try await store.people(Array(Set(plans.flatMap { $0.acknowledgements.map(\.personID) }))).map {
                ($0.id, $0.displayName)
            }, uniquingKeysWith: { a, _ in a })
        return PlanPage(
            student: scope.student, viewer: scope.user, plans: plans, names: names,
            canEdit: try await authorizer.allows(scope.user, .workOnLearning, student: scope.student.id),
            canAcknowledge: try await authorizer.allows(scope.user, .acknowledgePlan, student: scope.student.id),
            message: message)
    }
}

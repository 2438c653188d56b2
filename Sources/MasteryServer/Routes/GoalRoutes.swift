import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// A student's goals: set one (with SMART prompts), check in, comment (teachers), withdraw.
struct GoalRoutes {
    let services: AppServices
    var store: Store { services.store }

    func register(on router: Router<AppRequestContext>) {
        router.get("/students/{id}/goals") { request, context in
            let scope = try await StudentScope.load(context, .viewStudentRecord, store: store)
            let page = try await goalsPage(scope, message: request.uri.queryParameters["saved"].map { _ in "Saved." })
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/students/{id}/goals") { request, context in
            let scope = try await StudentScope.load(context, .workOnLearning, store: store)
            let form = context.form
            let (competencies, curriculum) = try await StudentCompetencies.load(scope.student.id, store: store)
            let chosen = form.all("competency").map { Competency.ID($0) }.filter { id in
                competencies.contains { $0.id == id }
            }
            var problem: (String, String)?
            let title = form.text("title") ?? ""
            // Not a finite number is the same as no choice: the form asks for a level again.
            let level = (try? form.double("target", in: -1_000_000...1_000_000)) ?? nil
            let date = form.text("date").map { FormDates.parse($0) }
            if title.isEmpty {
                problem = ("title", "Write what you want to achieve.")
            } else if chosen.isEmpty {
                problem = ("competency", "Choose at least one competency the goal is about.")
            } else if level == nil {
                problem = ("target", "Choose the level you aim for.")
            } else if let level,
                let outside = chosen.compactMap({ curriculum.competency($0) }).first(where: {
                    guard let scale = curriculum.scale(for: $0) else { return false }
                    return level < scale.lowestValue || level > scale.pointsPossible
                }), let scale = curriculum.scale(for: outside)
            {
                problem = (
                    "target",
                    "\(DisplayRounding.short(level)) is not on the scale of \(outside.code) "
                        + "(\(DisplayRounding.short(scale.lowestValue))–\(DisplayRounding.short(scale.pointsPossible)))."
                )
            } else if let date, date == nil {
                problem = ("date", "The date is not a date (use the date picker).")
            }
            if let (field, message) = problem {
                var page = try await goalsPage(scope, message: nil)
                page.formError = (field, message)
                return HTMLResponse.render(
                    page.render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
            }
            let goal = Goal(
                id: .init(UUID().uuidString.lowercased()), studentID: scope.student.id, title: title,
                why: form.text("why") ?? "", plan: form.text("plan") ?? "", competencyIDs: chosen,
                targetLevel: level!, targetDate: date ?? nil, createdAt: services.clock(), createdBy: scope.user.id)
            try await store.save(goal, by: scope.user.id, at: services.clock())
            return HTMLResponse.redirect("\(scope.base)/goals?saved=1#goal-\(goal.id.rawValue)")
        }
        router.post("/students/{id}/goals/{goal}/{action}") { _, context in
            let action = try context.parameters.require("action")
            let scope = try await StudentScope.load(context, .workOnLearning, store: store)
            let goalID = Goal.ID(try context.parameters.require("goal"))
            guard var goal = try await store.goals(student: scope.student.id).first(where: { $0.id == goalID }) else {
                throw AppError.notFound("The goal")
            }
            let now = services.clock()
            switch action {
            case "check-in", "comment":
                guard let text = context.form.text("text") else {
                    throw AppError.invalid(message: "Write the note first.", field: "text")
                }
                let kind: GoalNote.Kind = action == "check-in" && scope.isOwn ? .checkIn : .comment
                try await store.add(
                    GoalNote(goalID: goal.id, kind: kind, text: text, authorID: scope.user.id, at: now),
                    student: scope.student.id)
            case "withdraw", "restore":
                // Withdrawing is undone by restoring; asking for the state the goal is already in changes nothing.
                let withdrawn = action == "withdraw"
                if goal.withdrawn != withdrawn {
                    goal.withdrawn = withdrawn
                    try await store.save(goal, by: scope.user.id, at: now)
                }
            default:
                throw AppError.notFound("That action")
            }
            return HTMLResponse.redirect("\(scope.base)/goals?saved=1#goal-\(goal.id.rawValue)")
        }
    }

    func goalsPage(_ scope: StudentScope, message: String?) async throws -> GoalsPage {
        let goals = try await store.goals(student: scope.student.id)
        let (competencies, curriculum) = try await StudentCompetencies.load(scope.student.id, store: store)
        let people = Dictionary(
            try await store.people(Array(Set(goals.map(\.createdBy)))).map { ($0.id, $0.displayName) },
            uniquingKeysWith: { a, _ in a })
        var notes = try await store.notes(goals: goals.map(\.id))
        let authors = Set(notes.values.joined().map(\.authorID))
        let names = people.merging(
            Dictionary(
                try await store.people(Array(authors)).map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a }),
            uniquingKeysWith: { a, _ in a })
        for key in notes.keys { notes[key]?.sort { $0.at < $1.at } }
        return GoalsPage(
            student: scope.student, isOwn: scope.isOwn,
            canEdit: try await Authorizer(store: store).allows(scope.user, .workOnLearning, student: scope.student.id),
            goals: goals, notes: notes, names: names, records: try await store.records(student: scope.student.id),
            competencies: competencies, curriculum: curriculum, now: services.clock(), message: message)
    }
}

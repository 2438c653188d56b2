import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// Scoring a performance task's rubric for one student after another: every criterion on one screen, number
/// keys pick levels, feedback per criterion, "Save and next student" flows through the class.
struct ScoringRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    static let script = """
        // Number keys pick a level in the criterion being answered (Tab and Enter work as usual).
        document.addEventListener("keydown", function (event) {
          var target = event.target;
          if (!target || !target.closest || target.tagName === "TEXTAREA" || target.tagName === "INPUT" && target.type === "text") return;
          var fieldset = target.closest("fieldset.criterion");
          if (!fieldset || !/^[0-9]$/.test(event.key)) return;
          var radio = fieldset.querySelector('input[type=radio][data-key="' + event.key + '"]');
          if (radio) { radio.checked = true; radio.focus(); event.preventDefault(); }
        });
        """

    func register(on router: Router<AppRequestContext>) {
        router.get("/assets/scoring.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Self.script)))
        }
        router.get("/sections/{id}/tasks") { request, context in
            let (_, data, tasks) = try await load(context)
            return HTMLResponse.render(
                TaskListPage(data: data, tasks: tasks).render(PageContext(context, path: request.uri.path)))
        }
        router.get("/sections/{id}/tasks/{task}/score") { request, context in
            let (_, data, tasks) = try await load(context)
            let task = try task(tasks, context)
            let studentID = request.uri.queryParameters["student"].map { Person.ID(String($0)) }
            guard let student = data.students.first(where: { $0.id == studentID }) ?? data.students.first else {
                throw AppError.notFound("A student in this section")
            }
            let previous = request.uri.queryParameters["saved"].map { Person.ID(String($0)) }
                .flatMap { id in data.students.first { $0.id == id } }
            let page = ScoringPage(data: data, task: task, student: student, saved: previous)
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/sections/{id}/tasks/{task}/score") { request, context in
            let (user, data, tasks) = try await load(context)
            let task = try task(tasks, context)
            guard let studentValue = context.form.text("student"),
                let index = data.students.firstIndex(where: { $0.id.rawValue == studentValue })
            else { throw AppError.invalid(message: "Choose a student of this section.", field: "student") }
            let student = data.students[index]
            /// The same student's rubric again, with what was entered and the problem; nothing saved.
            func refuse(_ problem: String) -> Response {
                let page = ScoringPage(
                    data: data, task: task, student: student, saved: nil, problem: problem, entered: context.form)
                return HTMLResponse.render(
                    page.render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
            }
            var drafts: [EvidenceDraft] = []
            for criterion in task.criteria {
                guard let text = context.form.text("level-\(criterion.id.rawValue)") else { continue }
                guard let score = Double(text), criterion.descriptors.contains(where: { $0.levelValue == score }) else {
                    return refuse("'\(text)' is not a level of “\(criterion.title)”; nothing was saved.")
                }
                drafts.append(
                    .record(
                        student: student.id, competency: criterion.competencyID, score: score,
                        observedAt: services.clock(), source: .rubric, section: data.section.id, task: task.id,
                        criterion: criterion.id, comment: context.form.text("feedback-\(criterion.id.rawValue)")))
            }
            guard !drafts.isEmpty else {
                return refuse("Pick a level for at least one criterion; nothing was saved for \(student.displayName).")
            }
            try await store.append(drafts, by: user.id, at: services.clock())
            let base = "/sections/\(data.section.id.rawValue)/tasks/\(task.id.rawValue)/score"
            let next =
                context.form["next"] != nil && index + 1 < data.students.count ? data.students[index + 1] : student
            return HTMLResponse.redirect("\(base)?student=\(next.id.rawValue)&saved=\(student.id.rawValue)")
        }
    }

    func task(_ tasks: [PerformanceTask], _ context: AppRequestContext) throws -> PerformanceTask {
        let id = PerformanceTask.ID(try context.parameters.require("task"))
        guard let task = tasks.first(where: { $0.id == id }) else { throw AppError.notFound("The task") }
        return task
    }

    /// The section (for one of its teachers) and the tasks of its course's frameworks.
    func load(_ context: AppRequestContext) async throws -> (Person, SectionData, [PerformanceTask]) {
        let user = try context.requireUser()
        let id = Section.ID(try context.parameters.require("id"))
        try await authorizer.require(user, .recordEvidence, section: id)
        let data = try await SectionData.load(id, store: store)
        var tasks: [PerformanceTask] = []
        for framework in data.course.frameworkIDs { tasks += try await store.tasks(framework: framework) }
        return (user, data, tasks)
    }
}

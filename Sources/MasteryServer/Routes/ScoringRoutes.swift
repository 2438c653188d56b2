import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// Scoring a performance task's rubric for one student after another: the class list (scored, absent,
/// waiting), every criterion's levels side by side on one screen, number keys pick levels, feedback per
/// criterion and overall, skip (remembered) or absent, "Save and next" goes to the next student still waiting, and the last save can be
/// undone (as exclusions).
struct ScoringRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    static let script = """
        // Number keys pick a level in the criterion being answered (Tab and Enter work as usual).
        document.addEventListener("keydown", function (event) {
          var target = event.target;
          if (!target || !target.closest || target.tagName === "TEXTAREA" || target.tagName === "INPUT" && target.type === "text") return;
          var fieldset = target.closest(".criterion");
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
            let (user, data, tasks) = try await load(context)
            let task = try task(tasks, context)
            let scoring = try await classScoring(task, data)
            let parameters = request.uri.queryParameters
            // Reopening a task starts at the first student still waiting, not at the top of the class.
            let asked = parameters["student"].map { Person.ID(String($0)) }
            let chosen = asked ?? scoring.nextWaiting(after: nil) ?? data.students.first?.id
            guard let student = data.students.first(where: { $0.id == chosen }) else {
                throw AppError.notFound("A student in this section")
            }
            let previous = parameters["saved"].map { Person.ID(String($0)) }
                .flatMap { id in data.students.first { $0.id == id } }
            let page = ScoringPage(
                data: data, task: task, student: student, scoring: scoring, viewer: user.id, saved: previous,
                notice: parameters["undone"] != nil ? "The last save was undone." : nil)
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/sections/{id}/tasks/{task}/score") { request, context in
            let (user, data, tasks) = try await load(context)
            let task = try task(tasks, context)
            let student = try formStudent(data, context)
            let base = "/sections/\(data.section.id.rawValue)/tasks/\(task.id.rawValue)/score"
            let now = services.clock()
            // Skip (come back later) and absent are remembered, so the class list says who was passed over.
            // A scored student keeps no mark (undoing the save would leave a stale one); skipping an absent
            // student keeps them absent.
            if context.form["skip"] != nil || context.form["absent"] != nil {
                let current = try await classScoring(task, data).status(of: student.id)
                let mark: TaskScoring.Mark = context.form["absent"] != nil ? .absent : .skipped
                switch (current, mark) {
                case (.scored, _), (.absent, .skipped): break
                default:
                    try await store.mark(
                        mark, student: student.id, task: task.id, section: data.section.id, by: user.id, at: now)
                }
                let scoring = try await classScoring(task, data)
                let next = scoring.nextWaiting(after: student.id) ?? student.id
                return HTMLResponse.redirect("\(base)?student=\(next.rawValue)")
            }
            /// The same student's rubric again, with what was entered and the problem; nothing saved.
            func refuse(_ problem: String) async throws -> Response {
                let page = ScoringPage(
                    data: data, task: task, student: student, scoring: try await classScoring(task, data),
                    viewer: user.id,
                    saved: nil, problem: problem, entered: context.form)
                return HTMLResponse.render(
                    page.render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
            }
            var drafts: [EvidenceDraft] = []
            // Overall feedback goes with every level saved, after the criterion's own (the student reads it beside
            // each piece of evidence).
            let overall = context.form.text("feedback-overall")
            for criterion in task.criteria {
                guard let text = context.form.text("level-\(criterion.id.rawValue)") else { continue }
                guard let score = Double(text), criterion.descriptors.contains(where: { $0.levelValue == score }) else {
                    return try await refuse("'\(text)' is not a level of “\(criterion.title)”; nothing was saved.")
                }
                drafts.append(
                    .record(
                        student: student.id, competency: criterion.competencyID, score: score, observedAt: now,
                        source: .rubric, section: data.section.id, task: task.id, criterion: criterion.id,
                        comment: Self.comment(context.form.text("feedback-\(criterion.id.rawValue)"), overall)))
            }
            guard !drafts.isEmpty else {
                return try await refuse(
                    "Pick a level for at least one criterion, or use Skip or Absent; nothing was saved for \(student.displayName)."
                )
            }
            try await store.append(drafts, by: user.id, at: now)
            if try await store.taskMarks(task: task.id, section: data.section.id)[student.id] != nil {
                try await store.mark(
                    nil, student: student.id, task: task.id, section: data.section.id, by: user.id, at: now)
            }
            let scoring = try await classScoring(task, data)
            let next = context.form["next"] != nil ? scoring.nextWaiting(after: student.id) ?? student.id : student.id
            return HTMLResponse.redirect("\(base)?student=\(next.rawValue)&saved=\(student.id.rawValue)")
        }
        // Undoing the last save: asked once, then each of its events excluded (a correction, never a delete).
        router.post("/sections/{id}/tasks/{task}/undo") { request, context in
            let (user, data, tasks) = try await load(context)
            let task = try task(tasks, context)
            let student = try formStudent(data, context)
            guard let save = try await classScoring(task, data).lastSave[student.id] else {
                throw AppError.conflict("\(student.displayName) has no saved levels on “\(task.title)” to undo.")
            }
            let base = "/sections/\(data.section.id.rawValue)/tasks/\(task.id.rawValue)"
            guard context.form.text("confirm") == "yes" else {
                let page = UndoScoringPage(data: data, task: task, student: student, save: save)
                return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
            }
            for event in save.events {
                try await authorizer.requireCorrecting(
                    user, student: student.id, competency: event.competencyID, event: event.id)
            }
            try await store.append(
                save.events.map {
                    .exclude(
                        $0.id, student: student.id, competency: $0.competencyID, reason: "Undone right after scoring")
                }, by: user.id, at: services.clock())
            return HTMLResponse.redirect("\(base)/score?student=\(student.id.rawValue)&undone=1")
        }
    }

    /// A criterion's comment: its own feedback, then the overall feedback, whichever were written.
    static func comment(_ criterion: String?, _ overall: String?) -> String? {
        let parts = [criterion, overall].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }

    /// The student the form names, one of the section's.
    func formStudent(_ data: SectionData, _ context: AppRequestContext) throws -> Person {
        guard let value = context.form.text("student"),
            let student = data.students.first(where: { $0.id.rawValue == value })
        else { throw AppError.invalid(message: "Choose a student of this section.", field: "student") }
        return student
    }

    /// Where the class stands on the task.
    func classScoring(_ task: PerformanceTask, _ data: SectionData) async throws -> TaskScoring {
        let students = data.students.map(\.id)
        return TaskScoring(
            students: students, events: try await store.taskEvents(task.id, students: students),
            marks: try await store.taskMarks(task: task.id, section: data.section.id))
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

import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// The framework editor: the framework's calculation policy, its scale, strands, competencies with their
/// "I can" statements and prerequisites (a cycle is refused, named), and tasks with rubrics. Read by the
/// school's staff and students (`viewFrameworks`); changed by teachers and administrators
/// (`manageFrameworks`).
struct FrameworkRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/frameworks") { request, context in
            let user = try context.requireUser()
            try await authorizer.require(user, .viewFrameworks, organization: user.organizationID)
            return HTMLResponse.render(
                FrameworkListPage(
                    frameworks: try await store.frameworks(),
                    canCreate: try await authorizer.allows(user, .manageFrameworks, organization: user.organizationID)
                )
                .render(PageContext(context, path: request.uri.path)))
        }
        router.post("/frameworks") { request, context in
            let user = try context.requireUser()
            try await authorizer.require(user, .manageFrameworks, organization: user.organizationID)
            let form = context.form
            let code = try PeopleAdmin.checkText(form.text("code"), field: "code", limit: 40)
            let title = try PeopleAdmin.checkText(form.text("title"), field: "title", limit: 200)
            func refuse(_ message: String) async throws -> Response {
                HTMLResponse.render(
                    FrameworkListPage(frameworks: try await store.frameworks(), canCreate: true, problem: message)
                        .render(PageContext(context, path: "/frameworks")), status: .unprocessableContent)
            }
            guard let code, let title else { return try await refuse("Give the new framework a code and a title.") }
            do {
                let id = try await store.createFramework(code: code, title: title, by: user.id, at: services.clock())
                return HTMLResponse.redirect("/frameworks/\(id.rawValue)?saved=1")
            } catch StoreError.conflict(let message) {
                return try await refuse(message)
            }
        }
        router.get("/frameworks/{id}") { request, context in
            let (user, framework) = try await load(context, .viewFrameworks)
            let page = try await editorPage(
                framework, user: user, message: request.uri.queryParameters["saved"].map { _ in "Saved." }, problem: nil
            )
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/frameworks/{id}") { request, context in
            let (user, framework) = try await loadForChanges(context)
            let form = context.form
            do {
                let method = try CalculationMethod(
                    name: form.text("method") ?? "", parameterText: form.text("parameter"))
                let policy = try MasteryPolicy(
                    method: method, minimumEvidence: try form.int("minimum", in: 1...1_000) ?? 1)
                try await store.updateFramework(
                    framework.id, code: form.text("code") ?? framework.code,
                    title: form.text("title") ?? framework.title,
                    policy: policy, by: user.id, at: services.clock())
            } catch let error as MasteryCoreError {
                return try await refuse(framework, user, error.description, context, request)
            }
            return saved(framework)
        }
        router.post("/frameworks/{id}/scale") { request, context in
            let (user, framework) = try await loadForChanges(context)
            guard let current = try await store.scale(framework.scaleID) else { throw AppError.notFound("The scale") }
            let form = context.form
            // Fields named by the level's value (its identity); a field left out keeps what the level had.
            let changes = current.levels.map { level in
                let field = "level-\(DisplayRounding.short(level.value))"
                return ScaleEdit.Change(
                    value: level.value, label: form["\(field)-label"] ?? level.label,
                    colour: form["\(field)-colour"] ?? level.colour, removed: form["\(field)-remove"] != nil)
            }
            let additions = form.text("new-value").map {
                [ScaleEdit.Addition(value: $0, label: form["new-label"] ?? "", colour: form["new-colour"] ?? "")]
            }
            let edit = ScaleEdit(changes: changes, additions: additions ?? [], threshold: form.text("threshold"))
            do {
                let scale = try edit.applied(
                    to: current, highestScore: try await store.highestScore(onScale: current.id))
                try await store.save(scale, by: user.id, at: services.clock())
            } catch let error as MasteryCoreError {
                return try await refuse(framework, user, error.description, context, request)
            } catch StoreError.conflict(let message) {
                return try await refuse(framework, user, message, context, request)
            }
            return saved(framework)
        }
        router.post("/frameworks/{id}/strands") { request, context in
            let (user, framework) = try await loadForChanges(context)
            guard let title = context.form.text("title") else {
                return try await refuse(framework, user, "A strand needs a title.", context, request)
            }
            let curriculum = try await store.curriculum(frameworks: [framework.id])
            try await store.addStrand(
                Strand(
                    id: .init("st-\(UUID().uuidString.lowercased().prefix(12))"), frameworkID: framework.id,
                    code: context.form.text("code") ?? "", title: title, position: curriculum.strands.count),
                by: user.id, at: services.clock())
            return saved(framework)
        }
        router.post("/frameworks/{id}/competencies") { request, context in
            try await saveCompetency(request, context, existing: nil)
        }
        router.post("/frameworks/{id}/competencies/{cid}") { request, context in
            try await saveCompetency(request, context, existing: Competency.ID(try context.parameters.require("cid")))
        }
        router.post("/frameworks/{id}/competencies/{cid}/prerequisites") { request, context in
            let (user, framework) = try await loadForChanges(context)
            let curriculum = try await store.curriculum(frameworks: [framework.id])
            let id = Competency.ID(try context.parameters.require("cid"))
            guard curriculum.competency(id) != nil else { throw AppError.notFound("The competency") }
            let chosen = context.form.all("prerequisite").map { Competency.ID($0) }
                .filter { candidate in curriculum.competency(candidate) != nil && candidate != id }
            do {
                try await store.setPrerequisites(chosen, of: id, by: user.id, at: services.clock())
            } catch let StoreError.invalid(message) {
                let codes = Dictionary(
                    curriculum.competencies.map { ($0.id.rawValue, $0.code) }, uniquingKeysWith: { a, _ in a })
                var named = message
                for (raw, code) in codes { named = named.replacingOccurrences(of: raw, with: code) }
                return try await refuse(framework, user, "Refused: \(named).", context, request)
            }
            return saved(framework)
        }
        router.get("/frameworks/{id}/tasks/{task}") { request, context in
            let (_, framework) = try await load(context, .manageFrameworks)
            let taskID = try context.parameters.require("task")
            let task = try await store.tasks(framework: framework.id).first { $0.id.rawValue == taskID }
            guard task != nil || taskID == "new" else { throw AppError.notFound("The task") }
            let page = TaskBuilderPage(
                framework: framework, curriculum: try await store.curriculum(frameworks: [framework.id]), task: task,
                problem: nil)
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/frameworks/{id}/tasks") { request, context in
            let (user, framework) = try await load(context, .manageFrameworks)
            let curriculum = try await store.curriculum(frameworks: [framework.id])
            let form = context.form
            let levels = curriculum.scales.values.first?.levels ?? []
            // An edit names a task of this framework (from the URL), and keeps only that task's own criterion ids:
            // a task or criterion of another framework is never renamed, emptied or moved from here.
            let existing: PerformanceTask?
            if let named = try form.identifier("task") {
                guard
                    let task = try await store.tasks(framework: framework.id).first(where: { $0.id.rawValue == named })
                else { throw AppError.notFound("The task \(named) in \(framework.code)") }
                existing = task
            } else {
                existing = nil
            }
            let taskID = existing?.id ?? .init("task-\(UUID().uuidString.lowercased().prefix(12))")
            let ownCriteria = Set(existing?.criteria.map(\.id.rawValue) ?? [])
            var criteria: [RubricCriterion] = []
            for row in 0..<TaskBuilderPage.rows {
                guard let title = form.text("criterion-\(row)") else { continue }
                guard let competency = form.text("competency-\(row)").map({ Competency.ID($0) }),
                    curriculum.competency(competency) != nil
                else {
                    let page = TaskBuilderPage(
                        framework: framework, curriculum: curriculum, task: nil,
                        problem: "Criterion \(row + 1) (“\(title)”) needs a competency of this framework.")
                    return HTMLResponse.render(
                        page.render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
                }
                let keptID = try form.identifier("id-\(row)")
                if let keptID, !ownCriteria.contains(keptID) {
                    throw AppError.invalid(
                        message: "Criterion \(row + 1) names \(keptID), which is not a criterion of this task.",
                        field: "id-\(row)")
                }
                criteria.append(
                    RubricCriterion(
                        id: .init(keptID ?? "crit-\(UUID().uuidString.lowercased().prefix(12))"),
                        title: title, competencyID: competency, position: criteria.count,
                        descriptors: levels.map { level in
                            .init(
                                levelValue: level.value,
                                text: form.text("descriptor-\(row)-\(DisplayRounding.text(level.value))") ?? level.label
                            )
                        }))
            }
            guard let title = form.text("title"), !criteria.isEmpty else {
                let page = TaskBuilderPage(
                    framework: framework, curriculum: curriculum, task: nil,
                    problem: "A task needs a title and at least one criterion.")
                return HTMLResponse.render(
                    page.render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
            }
            try await store.save(
                PerformanceTask(
                    id: taskID, frameworkID: framework.id, title: title, details: form.text("details") ?? "",
                    criteria: criteria),
                by: user.id, at: services.clock())
            return saved(framework)
        }
    }

    func saveCompetency(
        _ request: Request, _ context: AppRequestContext, existing: Competency.ID?
    ) async throws
        -> Response
    {
        let (user, framework) = try await loadForChanges(context)
        let curriculum = try await store.curriculum(frameworks: [framework.id])
        let form = context.form
        guard let title = form.text("title"), let code = form.text("code") else {
            return try await refuse(
                framework, user, "A competency needs a code and an “I can” statement.", context, request)
        }
        guard let strand = form.text("strand").map({ Strand.ID($0) }).flatMap({ curriculum.strand($0) }) else {
            return try await refuse(framework, user, "Choose the competency's strand.", context, request)
        }
        let old = existing.flatMap { curriculum.competency($0) }
        if existing != nil, old == nil { throw AppError.notFound("The competency") }
        let competency = Competency(
            id: old?.id ?? .init("c-\(UUID().uuidString.lowercased().prefix(12))"), frameworkID: framework.id,
            strandID: strand.id, parentID: old?.parentID, code: code, title: title,
            kind: form.text("kind").flatMap(CompetencyKind.init(rawValue:)) ?? .academic,
            position: old?.position ?? curriculum.competencies.filter { $0.strandID == strand.id }.count)
        var indicators: [Double: String] = [:]
        for level in curriculum.scale(for: competency)?.levels ?? [] {
            indicators[level.value] = form.text("indicator-\(DisplayRounding.text(level.value))") ?? ""
        }
        try await store.save(competency, indicators: indicators, by: user.id, at: services.clock())
        return saved(framework)
    }

    func saved(_ framework: Framework) -> Response {
        HTMLResponse.redirect("/frameworks/\(framework.id.rawValue)?saved=1")
    }

    func refuse(
        _ framework: Framework, _ user: Person, _ problem: String, _ context: AppRequestContext, _ request: Request
    ) async throws -> Response {
        let page = try await editorPage(framework, user: user, message: nil, problem: problem)
        return HTMLResponse.render(
            page.render(PageContext(context, path: "/frameworks/\(framework.id.rawValue)")),
            status: .unprocessableContent)
    }

    func load(_ context: AppRequestContext, _ action: Access.Action) async throws -> (Person, Framework) {
        let user = try context.requireUser()
        try await authorizer.require(user, action, organization: user.organizationID)
        let id = try context.parameters.require("id")
        guard let framework = try await store.frameworks().first(where: { $0.id.rawValue == id }) else {
            throw AppError.notFound("The framework")
        }
        return (user, framework)
    }

    /// For changes to the framework itself (not its tasks): refused while another school's courses use it
    /// that the user does not manage frameworks for.
    func loadForChanges(_ context: AppRequestContext) async throws -> (Person, Framework) {
        let (user, framework) = try await load(context, .manageFrameworks)
        guard try await authorizer.schoolsBlockingChanges(user, framework: framework.id).isEmpty else {
            throw AppError.forbidden
        }
        return (user, framework)
    }

    func editorPage(
        _ framework: Framework, user: Person, message: String?, problem: String?
    ) async throws
        -> FrameworkEditorPage
    {
        // nil: the user may not manage frameworks at all; empty: they may change this one.
        let blocking =
            try await authorizer.allows(user, .manageFrameworks, organization: user.organizationID)
            ? try await authorizer.schoolsBlockingChanges(user, framework: framework.id) : nil
        return FrameworkEditorPage(
            framework: framework, curriculum: try await store.curriculum(frameworks: [framework.id]),
            prerequisites: try await store.prerequisites(frameworks: [framework.id]),
            tasks: try await store.tasks(framework: framework.id),
            canEdit: blocking?.isEmpty == true, canEditTasks: blocking != nil, sharedWith: blocking ?? [],
            message: message, problem: problem)
    }
}

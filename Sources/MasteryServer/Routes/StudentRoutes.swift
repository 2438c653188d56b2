import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// A student's tracker and the drill-down of one competency, with the teacher's evidence forms.
struct StudentRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/students/{id}") { request, context in
            let user = try context.requireUser()
            let id = Person.ID(try context.parameters.require("id"))
            try await authorizer.require(user, .viewStudentRecord, student: id)
            guard let student = try await store.person(id) else { throw AppError.notFound("The student") }
            return HTMLResponse.render(
                try await trackerPage(
                    student, viewer: user, t: context.translator,
                    charted: request.uri.queryParameters.getAll("chart").map { Competency.ID(String($0)) }
                ).render(
                    PageContext(context, path: request.uri.path)))
        }
        router.get("/students/{id}/mastery.csv") { _, context in
            let user = try context.requireUser()
            let id = Person.ID(try context.parameters.require("id"))
            try await authorizer.require(user, .viewStudentRecord, student: id)
            guard let csv = try await Exports(store: store).masteryReportCSV(student: id) else {
                throw AppError.notFound("The student")
            }
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"mastery-report.csv\"",
                ],
                body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
        router.get("/students/{id}/competencies/{cid}") { request, context in
            let (user, student, competency) = try await target(context)
            try await authorizer.require(user, .viewStudentRecord, student: student.id)
            let page = try await competencyPage(
                student, competency, viewer: user,
                message: request.uri.queryParameters["saved"].map { _ in "Saved. The mastery below is up to date." })
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/students/{id}/competencies/{cid}/evidence") { request, context in
            try await recordEvidence(request, context)
        }
        router.post("/students/{id}/competencies/{cid}/evidence/{eid}/{action}") { request, context in
            try await correctEvidence(request, context)
        }
    }

    func target(_ context: AppRequestContext) async throws -> (Person, Person, Competency) {
        let user = try context.requireUser()
        let studentID = Person.ID(try context.parameters.require("id"))
        let competencyID = Competency.ID(try context.parameters.require("cid"))
        guard let student = try await store.person(studentID), student.role == .student else {
            throw AppError.notFound("The student")
        }
        let curriculum = try await store.curriculum()
        guard let competency = curriculum.competency(competencyID) else { throw AppError.notFound("The competency") }
        return (user, student, competency)
    }

    func trackerPage(
        _ student: Person, viewer: Person, t: Translator = .english, charted: [Competency.ID] = []
    ) async throws -> StudentPage {
        var blocks: [StudentPage.SectionBlock] = []
        let records = try await store.records(student: student.id)
        let evidence = try await store.evidence(student: student.id)
        var byID: [Competency.ID: Competency] = [:]
        for section in try await store.sections(of: student.id, as: .student) {
            guard let course = try await store.course(section.courseID) else { continue }
            let curriculum = try await store.curriculum(course: course.id)
            for competency in curriculum.competencies { byID[competency.id] = competency }
            let academic = curriculum.leafCompetencies.filter { $0.kind == .academic }
            let policies = try await store.effectivePolicies(student: student.id, in: curriculum)
            let growth = GrowthSeries.points(
                evidence: evidence, competencies: academic, curriculum: curriculum, policies: policies)
            // One line per competency: those chosen here, else the three with the most scored evidence.
            let series = GrowthSeries.byCompetency(
                evidence: evidence, competencies: academic, curriculum: curriculum, policies: policies)
            let chartable = academic.filter { series[$0.id] != nil }
            let chosen = chartable.filter { charted.contains($0.id) }
            let lines =
                (chosen.isEmpty
                ? Array(chartable.sorted { (series[$0.id]?.count ?? 0) > (series[$1.id]?.count ?? 0) }.prefix(3))
                : Array(chosen.prefix(GrowthChart.maximumLines)))
                .map { (competency: $0, points: series[$0.id] ?? []) }
            blocks.append(
                .init(
                    section: section, courseTitle: course.title, curriculum: curriculum, records: records,
                    growth: growth, lines: lines, chartable: chartable))
        }
        let recent = evidence.values.joined().sorted { $0.observedAt > $1.observedAt }.prefix(8)
            .compactMap { piece in byID[piece.competencyID].map { (evidence: piece, competency: $0) } }
        let learning = try await LearningData.load(student: student.id, store: store)
        let state = try await LearningData.state(of: student.id, store: store)
        return StudentPage(
            student: student, blocks: blocks, recent: recent, isOwnTracker: viewer.id == student.id,
            nextSteps: learning.advisor.advise(state, at: services.clock(), limit: 3),
            needsYou: viewer.id == student.id
                ? try await NeedsYouService(services: services).entries(for: viewer, t) : [])
    }

    func competencyPage(
        _ student: Person, _ competency: Competency, viewer: Person, message: String? = nil,
        formError: CompetencyPage.FormError? = nil
    ) async throws -> CompetencyPage {
        let curriculum = try await store.curriculum(frameworks: [competency.frameworkID])
        let (policy, scale) = try await store.policy(student: student.id, competency: competency.id)
        let evidence = try await store.evidence(student: student.id)[competency.id] ?? []
        let tracing = try await store.tracingParameters()[competency.id]
        let corrections = EvidenceCorrection.trail(
            try await store.events(student: student.id, competency: competency.id))
        let people = try await store.people(Array(Set(corrections.map(\.event.recordedBy))))
        return CompetencyPage(
            student: student, competency: competency, curriculum: curriculum, scale: scale, policy: policy,
            evidence: evidence, explanation: MasteryEngine.explain(evidence: evidence, policy: policy, scale: scale),
            comparison: MasteryEngine.compareMethods(
                evidence: evidence, policy: policy, scale: scale, tracing: tracing),
            canRecord: try await authorizer.allows(viewer, .recordEvidence, student: student.id),
            corrections: corrections,
            names: Dictionary(people.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a }),
            forFamily: viewer.role == .guardian,
            message: message, formError: formError,
            classNavigation: try await classNavigation(student, competency, viewer: viewer))
    }

    /// For a teacher: the section of theirs this drill-down belongs to (the student's, assessing the
    /// competency), with the students before and after in the gradebook's order.
    func classNavigation(
        _ student: Person, _ competency: Competency, viewer: Person
    ) async throws -> CompetencyPage.ClassNavigation? {
        guard viewer.role == .teacher else { return nil }
        let theirs = Set(try await store.sections(of: student.id, as: .student).map(\.id))
        for section in try await store.sections(of: viewer.id, as: .teacher) where theirs.contains(section.id) {
            guard try await store.curriculum(course: section.courseID).competency(competency.id) != nil,
                try await authorizer.allows(viewer, .viewGradebook, section: section.id)
            else { continue }
            let students = try await store.members(of: section.id, as: .student).sorted { $0.sortName < $1.sortName }
            guard let index = students.firstIndex(where: { $0.id == student.id }) else { continue }
            return .init(
                section: section, previous: index > 0 ? students[index - 1] : nil,
                next: index + 1 < students.count ? students[index + 1] : nil)
        }
        return nil
    }

    func recordEvidence(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (user, student, competency) = try await target(context)
        try await authorizer.requireRecording(user, student: student.id, competency: competency.id)
        let page = PageContext(context, path: request.uri.path)
        let (_, scale) = try await store.policy(student: student.id, competency: competency.id)
        func refuse(_ field: String, _ message: String) async throws -> Response {
            let view = try await competencyPage(
                student, competency, viewer: user, formError: .init(field: field, message: message))
            return HTMLResponse.render(view.render(page), status: .unprocessableContent)
        }
        guard let scoreText = context.form.text("score") else {
            return try await refuse("score", "Choose the level the evidence shows.")
        }
        guard let score = Double(scoreText), score.isFinite, scale.contains(score) else {
            return try await refuse(
                "score",
                "The score '\(scoreText)' is not on the scale (\(DisplayRounding.text(scale.lowestValue))–\(DisplayRounding.text(scale.pointsPossible)))."
            )
        }
        var observed: Date?
        if let text = context.form.text("observed") {
            guard let date = FormDates.parse(text) else {
                return try await refuse("observed", "The date '\(text)' is not a date (use YYYY-MM-DD).")
            }
            guard date <= services.clock().addingTimeInterval(86_400) else {
                return try await refuse("observed", "The observation date is in the future.")
            }
            observed = date
        }
        // What kind of evidence: an observation, a conference note (which needs the note), or another entry.
        let kind = context.form.text("kind") ?? "observation"
        let comment = context.form.text("comment")
        if kind == "conference", comment == nil {
            return try await refuse("comment", "A conference note needs the note itself.")
        }
        let source: EvidenceSource = kind == "entry" ? .manual : .observation
        try await store.append(
            [
                .record(
                    student: student.id, competency: competency.id, score: score, observedAt: observed,
                    source: source, comment: kind == "conference" ? comment.map { "Conference: \($0)" } : comment)
            ],
            by: user.id, at: services.clock())
        return HTMLResponse.redirect(
            "/students/\(student.id.rawValue)/competencies/\(competency.id.rawValue)?saved=1#mastery")
    }

    func correctEvidence(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (user, student, competency) = try await target(context)
        let eventID = EvidenceEvent.ID(try context.parameters.require("eid"))
        try await authorizer.requireCorrecting(user, student: student.id, competency: competency.id, event: eventID)
        let action = try context.parameters.require("action")
        let page = PageContext(context, path: request.uri.path)
        guard let reason = context.form.text("reason") else {
            let view = try await competencyPage(
                student, competency, viewer: user,
                formError: .init(field: "reason", message: "Give a reason for the change; it is kept in the record."))
            return HTMLResponse.render(view.render(page), status: .unprocessableContent)
        }
        let draft: EvidenceDraft
        switch action {
        case "correct":
            guard let score = try context.form.double("score", in: -1_000_000...1_000_000) else {
                throw AppError.invalid(message: "Choose the corrected score.", field: "score")
            }
            draft = .supersede(eventID, student: student.id, competency: competency.id, score: score, reason: reason)
        case "exclude":
            draft = .exclude(eventID, student: student.id, competency: competency.id, reason: reason)
        default:
            throw AppError.notFound("The action")
        }
        do {
            try await store.append([draft], by: user.id, at: services.clock())
        } catch let error as StoreError {
            let view = try await competencyPage(
                student, competency, viewer: user, formError: .init(field: "score", message: "\(error)"))
            return HTMLResponse.render(view.render(page), status: .unprocessableContent)
        }
        return HTMLResponse.redirect(
            "/students/\(student.id.rawValue)/competencies/\(competency.id.rawValue)?saved=1#mastery")
    }
}

/// Dates typed in forms (`YYYY-MM-DD`), read as UTC midday so that no time zone moves them to another day.
enum FormDates {
    static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]), parts[0] > 1900 else {
            return nil
        }
        var components = DateComponents()
        (components.year, components.month, components.day, components.hour) = (parts[0], parts[1], parts[2], 12)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == parts[2] else {
            return nil
        }
        return date
    }
}

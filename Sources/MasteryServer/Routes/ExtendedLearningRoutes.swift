import Foundation
import Hummingbird
import MasteryCore
import MasteryStore
import Plot

/// The pages of extended learning opportunities: a student's list (and proposing one), one opportunity (a
/// mentor's way in), and every step by form post. The same service as the API.
struct ExtendedLearningRoutes {
    let services: AppServices
    var store: Store { services.store }

    func register(on router: Router<AppRequestContext>) {
        router.get("/students/{id}/elos") { request, context in
            let service = ExtendedLearningService(services: services, user: try context.requireUser())
            let student = try await student(context)
            let page = try await listPage(
                student, service: service, notice: request.uri.queryParameters["done"].map(String.init))
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/students/{id}/elos") { _, context in
            let service = ExtendedLearningService(services: services, user: try context.requireUser())
            let student = try await student(context)
            try await Authorizer(store: store).require(service.user, .proposeLearningOpportunity, student: student.id)
            let form = context.form
            for id in form.all("competency") { try InputRules.checkIdentifier(id, field: "competency") }
            _ = try await service.propose(
                .init(
                    title: form.text("title") ?? "", kind: form.text("kind") ?? "",
                    description: form.text("description") ?? "",
                    competencyIDs: form.all("competency").map { Competency.ID($0) },
                    hours: try form.double("hours", in: 1...2_000)), student: student.id)
            return HTMLResponse.redirect("/students/\(student.id.rawValue)/elos?done=proposed")
        }
        router.get("/elos/{id}") { request, context in
            let service = ExtendedLearningService(services: services, user: try context.requireUser())
            let elo = try await service.load(try Self.eloID(context))
            let card = try await card(elo, service: service)
            let page = ELOPage(card: card, notice: request.uri.queryParameters["done"].map(String.init))
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        for step in [ExtendedLearning.Transition.approve, .consent, .complete] {
            router.post("/elos/{id}/\(step.rawValue)") { _, context in
                let service = ExtendedLearningService(services: services, user: try context.requireUser())
                let id = try Self.eloID(context)
                _ = try await service.load(
                    id, for: step == .consent ? .consentLearningOpportunity : .superviseLearningOpportunity)
                let credit = step == .complete ? try context.form.double("credit", in: 0...10) : nil
                let elo = try await service.take(step, on: id, credit: credit)
                return HTMLResponse.redirect(try await back(elo, service: service, done: step.rawValue))
            }
        }
        router.post("/elos/{id}/hours") { _, context in
            let service = ExtendedLearningService(services: services, user: try context.requireUser())
            let id = try Self.eloID(context)
            _ = try await service.load(id, for: .logLearningHours)
            let form = context.form
            guard let hours = try form.double("hours", in: 0.01...24) else {
                throw AppError.invalid(message: "Give the hours.", field: "hours")
            }
            try await service.logHours(hours, day: form.text("day"), note: form.text("note") ?? "", on: id)
            return HTMLResponse.redirect(try await back(try await service.load(id), service: service, done: "hours"))
        }
        router.post("/elos/{id}/evidence") { _, context in
            let service = ExtendedLearningService(services: services, user: try context.requireUser())
            let id = try Self.eloID(context)
            _ = try await service.load(id, for: .superviseLearningOpportunity)
            let form = context.form
            guard let competency = try form.identifier("competency"),
                let score = try form.double("score", in: 0...1_000)
            else { throw AppError.invalid(message: "Choose the competency and give a score.", field: "score") }
            try await service.score(.init(competency), score: score, comment: form.text("comment"), on: id)
            return HTMLResponse.redirect(try await back(try await service.load(id), service: service, done: "scored"))
        }
        router.post("/elos/{id}/mentors") { request, context in
            let service = ExtendedLearningService(services: services, user: try context.requireUser())
            let id = try Self.eloID(context)
            _ = try await service.load(id, for: .superviseLearningOpportunity)
            let form = context.form
            let (_, path) = try await service.inviteMentor(
                givenName: form.text("givenName"), familyName: form.text("familyName"), email: form.text("email"),
                on: id)
            var card = try await card(try await service.load(id), service: service)
            card.invitation = path
            return HTMLResponse.render(
                ELOPage(card: card, notice: nil).render(PageContext(context, path: request.uri.path)))
        }
    }

    static func eloID(_ context: AppRequestContext) throws -> ExtendedLearning.ID {
        let id = try context.parameters.require("id")
        try InputRules.checkIdentifier(id, field: "id")
        return .init(id)
    }

    func student(_ context: AppRequestContext) async throws -> Person {
        let id = try context.parameters.require("id")
        try InputRules.checkIdentifier(id, field: "id")
        guard let student = try await store.person(Person.ID(id)), student.role == .student else {
            throw AppError.notFound("The student")
        }
        return student
    }

    /// Where a step returns to: the student's list for those who read it, else the opportunity's own page.
    func back(_ elo: ExtendedLearning, service: ExtendedLearningService, done: String) async throws -> String {
        service.user.role == .mentor
            ? "/elos/\(elo.id.rawValue)?done=\(done)" : "/students/\(elo.studentID.rawValue)/elos?done=\(done)"
    }

    func listPage(
        _ student: Person, service: ExtendedLearningService, notice: String?
    ) async throws
        -> ExtendedLearningPage
    {
        var cards: [ELOCard] = []
        for elo in try await service.list(student: student.id) { cards.append(try await card(elo, service: service)) }
        let mayPropose = try await Authorizer(store: store).allows(
            service.user, .proposeLearningOpportunity, student: student.id)
        return ExtendedLearningPage(
            student: student, cards: cards,
            offered: mayPropose ? try await service.competencies(student: student.id) : [], mayPropose: mayPropose,
            notice: notice.map { _ in "Saved." })
    }

    func card(_ elo: ExtendedLearning, service: ExtendedLearningService) async throws -> ELOCard {
        var names: [Person.ID: String] = [:]
        let people =
            [elo.proposed.by, elo.approval?.by, elo.consent?.by, elo.completion?.by].compactMap { $0 }
            + elo.hours.map(\.by)
        for id in Set(people) { names[id] = try await store.person(id)?.displayName }
        let student = try await store.person(elo.studentID)
        let offered = try await service.competencies(student: elo.studentID)
        let competencies = elo.competencyIDs.compactMap { id in offered.first { $0.id == id } }
        return ELOCard(
            elo: elo, studentName: student?.displayName ?? "", competencies: competencies, names: names,
            maySupervise: try await service.allows(.superviseLearningOpportunity, on: elo),
            mayConsent: try await service.allows(.consentLearningOpportunity, on: elo),
            mayLog: try await service.allows(.logLearningHours, on: elo))
    }
}

/// One opportunity on its own page (a mentor's way in; links from the list).
struct ELOPage {
    var card: ELOCard
    var notice: String?

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        return Layout.page(
            card.elo.title, page,
            Layout.heading(card.elo.title, eyebrow: card.studentName, lead: t("Learning beyond school")),
            .unwrap(notice) { _ in Components.notice(t("Saved."), error: false) },
            card.render(page))
    }
}

/// `/students/{id}/transcript`: courses with their grades on record, credit beyond school, every competency.
struct TranscriptRoutes {
    let services: AppServices
    var store: Store { services.store }

    func register(on router: Router<AppRequestContext>) {
        router.get("/students/{id}/transcript") { request, context in
            let user = try context.requireUser()
            let id = Person.ID(try APIRoutes.pathID(context))
            try await Authorizer(store: store, today: services.clock).require(user, .viewStudentRecord, student: id)
            guard let student = try await store.person(id), student.role == .student else {
                throw AppError.notFound("The student")
            }
            let asOf = try SectionGrades.asOf(
                request.uri.queryParameters["asOf"].map(String.init).flatMap { $0.isEmpty ? nil : $0 })
            let page = try await transcript(student, asOf: asOf)
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
    }

    /// The transcript now, or as it stood at `asOf` (records recomputed from the log then; only periods closed and
    /// opportunities completed by that day).
    func transcript(_ student: Person, asOf: Date? = nil) async throws -> TranscriptPage {
        let sections = try await store.sections(of: student.id, as: .student)
        let periods = Dictionary(try await store.gradingPeriods().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Newest closure first: the first seen per section is its latest.
        var latest: [Section.ID: PeriodClosure] = [:]
        for closure in try await store.closures(sections: sections.map(\.id))
        where latest[closure.sectionID] == nil && asOf.map({ closure.closedAt <= $0 }) ?? true {
            latest[closure.sectionID] = closure
        }
        var courses: [TranscriptPage.Course] = []
        var competencies: [Competency] = []
        var scales: [Competency.ID: ProficiencyScale] = [:]
        for section in sections {
            guard let course = try await store.course(section.courseID) else { continue }
            var line = TranscriptPage.Course(title: course.title, section: section.name, term: section.term)
            if let closure = latest[section.id] {
                line.grade = try await store.frozenGrades(period: closure.periodID, section: section.id)[student.id]?
                    .grade
                line.period = periods[closure.periodID]?.title
            }
            courses.append(line)
            let curriculum = try await store.curriculum(course: course.id)
            for competency in curriculum.leafCompetencies where scales[competency.id] == nil {
                guard let scale = curriculum.scale(for: competency) else { continue }
                scales[competency.id] = scale
                competencies.append(competency)
            }
        }
        var records = try await store.records(student: student.id)
        if let asOf {
            var curriculum = Curriculum.empty
            for section in sections { curriculum.merge(try await store.curriculum(course: section.courseID)) }
            let events = try await store.events(students: [student.id], competencies: competencies.map(\.id))
            records = GradeSheet.records(
                student: student.id, events: events[student.id] ?? [:], curriculum: curriculum,
                policies: try await store.effectivePolicies(student: student.id, in: curriculum), asOf: asOf,
                period: nil)
        }
        let lines = competencies.map { competency in
            let record = records[competency.id]
            let level = record?.levelValue.flatMap { value in scales[competency.id]?.level(for: value).label }
            return TranscriptPage.Line(
                competency: competency, level: record?.status == .assessed ? level : nil,
                evidence: record?.evidenceCount ?? 0, lastObserved: record?.lastObservedAt)
        }
        let school = try await store.organization(student.organizationID)
        return TranscriptPage(
            student: student, school: school?.name ?? "", courses: courses,
            learning: try await store.elos(student: student.id).filter { elo in
                guard let done = elo.completion else { return false }
                return asOf.map { done.at <= $0 } ?? true
            }, lines: lines, today: asOf ?? services.clock())
    }
}

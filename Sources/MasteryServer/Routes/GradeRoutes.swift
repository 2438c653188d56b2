import Foundation
import Hummingbird
import MasteryCore
import MasteryStore
import NIOCore

/// A section's final grades: read them (for a period or as of a date), choose and preview the course's rule,
/// override a grade with a reason, close a period; and the report cards to print.
struct GradeRoutes {
    let services: AppServices
    var store: Store { services.store }

    func register(on router: Router<AppRequestContext>) {
        router.get("/sections/{id}/grades") { request, context in
            let service = GradingService(services: services, user: try context.requireUser())
            let section = try APIRoutes.sectionID(context)
            try await service.require(.viewGradebook, section: section)
            let query = request.uri.queryParameters
            let period = try await SectionGrades.period(query["period"].map(String.init), store: store)
            // The page's form sends an empty date when none is chosen.
            let asOfText = query["asOf"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let grades = try await service.grades(
                section: section, period: period, asOf: try SectionGrades.asOf(asOfText))
            var page = GradesPage(
                grades: grades, periods: try await store.gradingPeriods(), asOfText: asOfText,
                mayGrade: try await service.mayGrade(section))
            page.notice = query["done"].map(String.init).flatMap(GradesPage.Notice.init(rawValue:))
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/sections/{id}/grades/rule") { request, context in
            let service = GradingService(services: services, user: try context.requireUser())
            let section = try APIRoutes.sectionID(context)
            try await service.require(.gradeSection, section: section)
            let form = context.form
            let frame = try await SectionFrame.load(section, store: store)
            var rule = try GradingService.rule(
                preset: form.text("preset") ?? "", unassessed: form.text("unassessed"), curriculum: frame.curriculum)
            rule.strandWeights = try GradingService.weights(form, curriculum: frame.curriculum)
            if form["save"] == nil {
                // First what it would give, beside what stands now; then (confirmed) the change.
                let current = try await service.grades(section: section, period: nil, asOf: nil)
                let proposed = try await service.grades(section: section, period: nil, asOf: nil, proposed: rule)
                var page = GradesPage(
                    grades: current, periods: try await store.gradingPeriods(), asOfText: nil, mayGrade: true)
                page.preview = proposed
                return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
            }
            try await service.saveRule(rule, section: section)
            return HTMLResponse.redirect("/sections/\(section.rawValue)/grades?done=rule")
        }
        router.post("/sections/{id}/grades/override") { _, context in
            let post = try await studentPost(context)
            let form = context.form
            try await post.service.override(
                student: post.student, grade: form["withdraw"] != nil ? nil : form.text("grade"),
                reason: form.text("reason") ?? "", section: post.section, period: post.period)
            return HTMLResponse.redirect(Self.path(post.section, period: post.period, done: "override"))
        }
        router.post("/sections/{id}/grades/comment") { _, context in
            let post = try await studentPost(context)
            try await post.service.comment(
                context.form.text("comment") ?? "", student: post.student, section: post.section, period: post.period)
            return HTMLResponse.redirect(Self.path(post.section, period: post.period, done: "comment"))
        }
        router.get("/sections/{id}/grades.csv") { request, context in
            let service = GradingService(services: services, user: try context.requireUser())
            let section = try APIRoutes.sectionID(context)
            try await service.require(.viewGradebook, section: section)
            let period = try await SectionGrades.period(
                request.uri.queryParameters["period"].map(String.init), store: store)
            let grades = try await service.grades(section: section, period: period, asOf: nil)
            // Ids only in the file name: letters, digits and '-', '_', '.', ':' (checked above).
            let name = "grades-\(section.rawValue)\(period.map { "-\($0.id.rawValue)" } ?? "").csv"
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"",
                    .cacheControl: "no-store",
                ],
                body: .init(byteBuffer: ByteBuffer(string: GradesCSV.export(grades))))
        }
        router.post("/sections/{id}/grades/close") { request, context in
            let service = GradingService(services: services, user: try context.requireUser())
            let section = try APIRoutes.sectionID(context)
            try await service.require(.gradeSection, section: section)
            guard let period = try await SectionGrades.period(context.form.text("period"), store: store) else {
                throw AppError.invalid(message: "Choose the grading period to close.", field: "period")
            }
            _ = try await service.close(period: period, section: section)
            return HTMLResponse.redirect(Self.path(section, period: period, done: "closed"))
        }
        router.get("/admin/grading-periods") { request, context in
            let user = try context.requireUser()
            try await Authorizer(store: store).require(user, .manageRoster, organization: user.organizationID)
            let page = GradingPeriodsPage(
                periods: try await store.gradingPeriods(), saved: request.uri.queryParameters["saved"] != nil,
                problem: nil)
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/admin/grading-periods") { request, context in
            let user = try context.requireUser()
            try await Authorizer(store: store).require(user, .manageRoster, organization: user.organizationID)
            let form = context.form
            let kind = form.text("kind") ?? "gradingPeriod"
            let period = GradingPeriod(
                id: .init("gp-\(UUID().uuidString.lowercased().prefix(12))"), title: form.text("title") ?? "",
                kind: GradingPeriod.kinds.contains(kind) ? kind : "gradingPeriod",
                startsOn: form.text("startsOn") ?? "",
                endsOn: form.text("endsOn") ?? "")
            do {
                try await store.add(period, by: user.id, at: services.clock(), organization: user.organizationID)
            } catch let error as MasteryCoreError {
                let page = GradingPeriodsPage(
                    periods: try await store.gradingPeriods(), saved: false, problem: error.description)
                return HTMLResponse.render(
                    page.render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
            }
            return HTMLResponse.redirect("/admin/grading-periods?saved=1")
        }
        router.get("/students/{id}/report-cards") { request, context in
            try await studentReportCards(request, context)
        }
        router.get("/sections/{id}/report-cards") { request, context in
            let service = GradingService(services: services, user: try context.requireUser())
            let section = try APIRoutes.sectionID(context)
            try await service.require(.viewGradebook, section: section)
            let query = request.uri.queryParameters
            let period = try await SectionGrades.period(query["period"].map(String.init), store: store)
            // As the cards stood on a past date, when asked (`?asOf=`).
            let asOf = try SectionGrades.asOf(query["asOf"].map(String.init).flatMap { $0.isEmpty ? nil : $0 })
            let grades = try await service.grades(section: section, period: period, asOf: asOf)
            let school = try await store.organization(grades.frame.section.schoolID)
            var page = ReportCardPage(grades: grades, school: school?.name ?? "", students: grades.frame.students)
            page.translators = try await familyLanguages(grades.frame.students)
            for student in grades.frame.students {
                page.learning[student.id] = try await store.elos(student: student.id).filter { $0.state == .completed }
            }
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
    }

    /// The report cards of one student's closed periods (`viewStudentRecord`: the student, their family, teachers
    /// and the school's staff).
    func studentReportCards(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try APIRoutes.sectionID(context)
        let studentID = Person.ID(id.rawValue)
        try await Authorizer(store: store, today: services.clock).require(user, .viewStudentRecord, student: studentID)
        guard let student = try await store.person(studentID) else { throw AppError.notFound("The student") }
        let sections = try await store.sections(of: studentID, as: .student)
        let periods = Dictionary(try await store.gradingPeriods().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var cards: [SectionGrades] = []
        for closure in try await store.closures(sections: sections.map(\.id)) {
            guard let period = periods[closure.periodID] else { continue }
            var frame = try await SectionFrame.load(closure.sectionID, store: store)
            frame.students = frame.students.filter { $0.id == studentID }
            cards.append(try await SectionGrades.load(frame, period: period, asOf: nil, store: store))
        }
        let school = try await store.organization(student.organizationID)
        var page = StudentReportCardsPage(student: student, school: school?.name ?? "", cards: cards)
        page.learning = try await store.elos(student: studentID).filter { $0.state == .completed }
        return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
    }

    /// Each student's card in the language their family reads (a guardian's choice, else the student's).
    func familyLanguages(_ students: [Person]) async throws -> [Person.ID: Translator] {
        var result: [Person.ID: Translator] = [:]
        for student in students {
            let guardians = try await store.guardians(ofStudent: student.id)
            if let code = guardians.compactMap(\.language).first ?? student.language {
                result[student.id] = services.languages.translator(code)
            }
        }
        return result
    }

    /// A form about one student of the section, for a period: asked of the policy before anything is read.
    func studentPost(
        _ context: AppRequestContext
    ) async throws
        -> (service: GradingService, section: Section.ID, student: Person.ID, period: GradingPeriod?)
    {
        let service = GradingService(services: services, user: try context.requireUser())
        let section = try APIRoutes.sectionID(context)
        try await service.require(.gradeSection, section: section)
        guard let student = try context.form.identifier("student") else {
            throw AppError.invalid(message: "Choose the student.", field: "student")
        }
        return (
            service, section, Person.ID(student),
            try await SectionGrades.period(context.form.text("period"), store: store)
        )
    }

    static func path(_ section: Section.ID, period: GradingPeriod?, done: String) -> String {
        var path = "/sections/\(section.rawValue)/grades?done=\(done)"
        if let period {
            path += "&period=\(period.id.rawValue.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }
        return path
    }
}

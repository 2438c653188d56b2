import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// Flex-mod days in the product: a coordinator (an administrator or the school's coach) sets up the day's
/// sessions, the solver proposes each student's day from current mastery, the coordinator adjusts (every
/// constraint re-checked) and publishes; students and teachers see their day; a session's teacher takes
/// attendance and records evidence for those present in one step.
struct FlexDayRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/schedule") { request, context in
            let (_, school) = try await coordinator(
                context, school: request.uri.queryParameters["school"].map(String.init))
            let page = FlexDaysPage(school: school, days: try await store.flexDays(school: school.id))
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/schedule") { _, context in
            let (user, school) = try await coordinator(context, school: context.form.text("school"))
            guard let day = context.form.text("day").flatMap(FormDates.parse).map(Components.isoDate),
                let mods = try context.form.int("mods", in: 1...20)
            else { throw AppError.invalid(message: "Give the day and between 1 and 20 mods.", field: "mods") }
            let students = try await store.people(in: school.id, role: .student).map(\.id)
            var flex = FlexDay(
                id: .init(UUID().uuidString.lowercased()), schoolID: school.id, day: day, mods: mods, students: students
            )
            // Open study in every mod, for everyone, keeps the day feasible whatever else is offered.
            flex.sessions = (0..<mods).map {
                .init(
                    id: "open-\($0)", title: "Open study", teacherID: nil, room: "Commons", start: $0, length: 1,
                    capacity: max(1, students.count), competencyIDs: [])
            }
            try await store.save(flex, by: user.id, at: services.clock(), action: "create")
            return HTMLResponse.redirect("/schedule/\(flex.id.rawValue)")
        }
        router.get("/schedule/{id}") { request, context in
            let (_, day) = try await load(context)
            return HTMLResponse.render(
                try await editor(day, problems: [], message: request.uri.queryParameters["saved"].map { _ in "Saved." })
                    .render(PageContext(context, path: request.uri.path)))
        }
        router.post("/schedule/{id}/sessions") { request, context in
            let (user, day) = try await load(context)
            var flex = day
            let form = context.form
            guard flex.status == .draft else { throw AppError.invalid(message: "A published day is not changed.") }
            // Every number within the day (the form counts mods from 1) before any arithmetic on it.
            let start = try form.int("start", in: 0...(flex.mods - 1))
            let length = try form.int("length", in: 1...flex.mods)
            let capacity = try form.int("capacity", in: 1...100_000)
            let teacher = try form.identifier("teacher").map { Person.ID($0) }
            if let teacher {
                // The session's teacher records evidence at attendance: a teacher of this day's school only.
                guard let person = try await store.person(teacher), person.role == .teacher,
                    person.organizationID == flex.schoolID
                else {
                    throw AppError.invalid(message: "Choose a teacher of this school.", field: "teacher")
                }
            }
            guard let title = form.text("title"), let start, let length, let capacity, length <= flex.mods - start
            else {
                return HTMLResponse.render(
                    try await editor(
                        day,
                        problems: [
                            "A session needs a title, a start and a length within the day's \(day.mods) mods, and a capacity of at least 1."
                        ], message: nil
                    )
                    .render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
            }
            flex.sessions.append(
                .init(
                    id: "s-\(UUID().uuidString.lowercased().prefix(8))", title: title,
                    teacherID: teacher, room: form.text("room") ?? "",
                    start: start, length: length, capacity: capacity,
                    competencyIDs: form.all("competency").map { Competency.ID($0) }))
            flex.assignments = [:]
            try await store.save(flex, by: user.id, at: services.clock(), action: "session")
            return HTMLResponse.redirect("/schedule/\(flex.id.rawValue)?saved=1")
        }
        router.post("/schedule/{id}/propose") { request, context in
            let (user, day) = try await load(context)
            var flex = day
            let competencies = Array(Set(flex.sessions.flatMap(\.competencyIDs)))
            let records = try await store.records(students: flex.students, competencies: competencies)
            let curriculum = try await store.curriculum()
            var thresholds: [Competency.ID: Double] = [:]
            for id in competencies {
                if let competency = curriculum.competency(id) {
                    thresholds[id] = curriculum.scale(for: competency)?.masteryThreshold
                }
            }
            do {
                let solution = try FlexModScheduler.solve(flex.instance(records: records, thresholds: thresholds))
                flex.assignments = Dictionary(
                    solution.assignments.map { (Person.ID($0.student), $0.sessions) }, uniquingKeysWith: { a, _ in a })
                flex.objective = solution.objective
                flex.bound = solution.bound
            } catch {
                return HTMLResponse.render(
                    try await editor(
                        day,
                        problems: (error as? ScheduleProblems)?.problems.map { "\($0.item): \($0.message)" } ?? [
                            "\(error)"
                        ], message: nil
                    )
                    .render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
            }
            try await store.save(flex, by: user.id, at: services.clock(), action: "propose")
            return HTMLResponse.redirect("/schedule/\(flex.id.rawValue)?saved=1")
        }
        router.post("/schedule/{id}/adjust") { request, context in
            let (user, day) = try await load(context)
            var flex = day
            guard let studentValue = context.form.text("student"), let sessionID = context.form.text("session"),
                let session = flex.sessions.first(where: { $0.id == sessionID })
            else { throw AppError.invalid(message: "Choose the student and the session.", field: "session") }
            let student = Person.ID(studentValue)
            guard flex.students.contains(student) else { throw AppError.notFound("The student on this day") }
            var sessions = (flex.assignments[student] ?? []).filter { id in
                guard let other = flex.sessions.first(where: { $0.id == id }) else { return false }
                return !other.mods.overlaps(session.mods)
            }
            sessions.append(session.id)
            // Mods the moved student no longer covers fall back to open study.
            var covered: Set<Int> = []
            for id in sessions {
                if let found = flex.sessions.first(where: { $0.id == id }) { covered.formUnion(found.mods) }
            }
            for mod in 0..<flex.mods where !covered.contains(mod) { sessions.append("open-\(mod)") }
            flex.assignments[student] = sessions
            let competencies = Array(Set(flex.sessions.flatMap(\.competencyIDs)))
            let instance = flex.instance(
                records: try await store.records(students: flex.students, competencies: competencies), thresholds: [:])
            let (violations, _) = FeasibilityChecker.check(instance, flex.solution)
            guard violations.isEmpty else {
                return HTMLResponse.render(
                    try await editor(day, problems: violations, message: nil)
                        .render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
            }
            try await store.save(flex, by: user.id, at: services.clock(), action: "adjust")
            return HTMLResponse.redirect("/schedule/\(flex.id.rawValue)?saved=1")
        }
        router.post("/schedule/{id}/publish") { _, context in
            let (user, day) = try await load(context)
            guard day.students.allSatisfy({ !(day.assignments[$0] ?? []).isEmpty }) else {
                throw AppError.invalid(message: "Propose the schedule before publishing it.")
            }
            var flex = day
            flex.status = .published
            try await store.save(flex, by: user.id, at: services.clock(), action: "publish")
            return HTMLResponse.redirect("/schedule/\(flex.id.rawValue)?saved=1")
        }
        router.get("/my-day") { request, context in
            let user = try context.requireUser()
            guard user.role == .student || user.role == .teacher else { throw AppError.forbidden }
            let days = try await store.flexDays(school: user.organizationID).filter { $0.status == .published }
            let curriculum = try await store.curriculum()
            var attendance: [String: [Person.ID: Bool]] = [:]
            var names: [Person.ID: String] = [:]
            if let day = days.first, user.role == .teacher {
                for session in day.sessions where session.teacherID == user.id {
                    attendance[session.id] = try await store.attendance(day: day.id, session: session.id)
                }
                names = Dictionary(
                    try await store.people(day.students).map { ($0.id, $0.displayName) },
                    uniquingKeysWith: { a, _ in a })
            }
            let page = MyDayPage(
                user: user, day: days.first, curriculum: curriculum, attendance: attendance, names: names,
                message: request.uri.queryParameters["saved"].map { _ in "Attendance and evidence saved." })
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/schedule/{id}/sessions/{session}/attendance") { _, context in
            let user = try context.requireUser()
            guard let day = try await store.flexDay(.init(try context.parameters.require("id"))) else {
                throw AppError.notFound("The day")
            }
            let sessionID = try context.parameters.require("session")
            // The session must be this teacher's on a published day, and the policy must let them record evidence
            // for each student placed there (a teacher of the student's school): a coach who named themselves, or a
            // student id, as a session's teacher gets nothing.
            guard day.status == .published, let session = day.sessions.first(where: { $0.id == sessionID }),
                session.teacherID == user.id
            else {
                throw AppError.forbidden
            }
            let attendees = day.students.filter { (day.assignments[$0] ?? []).contains(sessionID) }
            // The competency the levels are on: the one chosen among the session's, else its first.
            let chosen = context.form.text("competency").map { Competency.ID($0) }
            if let chosen, !session.competencyIDs.contains(chosen) {
                throw AppError.invalid(message: "Choose one of the session's competencies.", field: "competency")
            }
            let evidenceCompetency = chosen ?? session.competencyIDs.first
            var present: [Person.ID: Bool] = [:]
            var drafts: [EvidenceDraft] = []
            for student in attendees {
                try await authorizer.require(user, .recordSessionEvidence, student: student)
                let here = context.form["present-\(student.rawValue)"] != nil
                present[student] = here
                guard here, let competency = evidenceCompetency,
                    let text = context.form.text("level-\(student.rawValue)"), text != "skip"
                else { continue }
                let (_, scale) = try await store.policy(student: student, competency: competency)
                guard let score = Double(text), score.isFinite, scale.contains(score) else {
                    throw AppError.invalid(
                        message: "'\(text)' is not a level of the scale.", field: "level-\(student.rawValue)")
                }
                drafts.append(
                    .record(
                        student: student, competency: competency, score: score, observedAt: services.clock(),
                        source: .observation, comment: "Flex session: \(session.title)"))
            }
            try await store.takeAttendance(
                day: day.id, session: sessionID, present: present, evidence: drafts, by: user.id, at: services.clock())
            return HTMLResponse.redirect("/my-day?saved=1")
        }
    }

    func editor(_ day: FlexDay, problems: [String], message: String?) async throws -> FlexDayPage {
        let teachers = try await store.people(in: day.schoolID, role: .teacher)
        let students = try await store.people(day.students)
        return FlexDayPage(
            day: day, teachers: teachers, students: students, curriculum: try await store.curriculum(),
            problems: problems, message: message)
    }

    /// The coordinator and the school they schedule (an administrator's own school or the given one; a coach's).
    func coordinator(_ context: AppRequestContext, school: String?) async throws -> (Person, Organization) {
        let user = try context.requireUser()
        guard user.role == .admin || user.role == .coach else { throw AppError.forbidden }
        let organizations = try await store.organizations()
        let own = organizations.first { $0.id == user.organizationID }
        let candidates =
            own?.kind == .school
            ? [own!] : organizations.filter { $0.kind == .school && $0.parentID == user.organizationID }
        guard let chosen = school.flatMap({ id in candidates.first { $0.id.rawValue == id } }) ?? candidates.first
        else {
            throw AppError.forbidden
        }
        try await authorizer.require(user, .viewSchool, organization: chosen.id)
        return (user, chosen)
    }

    func load(_ context: AppRequestContext) async throws -> (Person, FlexDay) {
        guard let day = try await store.flexDay(.init(try context.parameters.require("id"))) else {
            throw AppError.notFound("The day")
        }
        let (user, _) = try await coordinator(context, school: day.schoolID.rawValue)
        try await authorizer.require(user, .viewSchool, organization: day.schoolID)
        return (user, day)
    }
}

import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// Flex days for teachers and students: before a day is published a teacher requests their students for a
/// session and a student ranks the sessions they would like; after, each sees their day (a student with the
/// reason for each session), and a session's teacher takes attendance — starting empty — and records evidence.
struct FlexJoinRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/my-day") { request, context in
            let user = try context.requireUser()
            try await authorizer.require(user, .joinFlexDay, organization: user.organizationID)
            let days = try await store.flexDays(school: user.organizationID)
            let published = days.filter { $0.status == .published }.first
            let open = days.filter { $0.status == .draft }.sorted { $0.day < $1.day }
            let service = FlexDayService(services: services, user: user)
            var picture: FlexDayService.Picture?
            if let published { picture = try await service.picture(published) }
            var attendance: [String: [Person.ID: Bool]] = [:]
            var names: [Person.ID: String] = [:]
            if let day = published {
                attendance = try await store.attendance(day: day.id)
                let people = Set(
                    day.students + (picture?.requests.map(\.teacherID) ?? []) + day.sessions.compactMap(\.teacherID))
                names = Dictionary(
                    try await store.people(Array(people)).map { ($0.id, $0.displayName) },
                    uniquingKeysWith: { a, _ in a })
            }
            let page = MyDayPage(
                user: user, picture: picture, open: open, attendance: attendance, names: names,
                saved: request.uri.queryParameters["saved"] != nil)
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.get("/flex/{id}") { request, context in
            let (service, day) = try await joined(context)
            // A link from a saved grouping names the group's students, to tick them at once.
            let named = Set(
                (request.uri.queryParameters["students"].map(String.init) ?? "").split(separator: ",").map {
                    Person.ID(String($0))
                })
            return try await joinPage(
                service, day, context: context, path: request.uri.path,
                saved: request.uri.queryParameters["saved"] != nil, preselected: named)
        }
        router.post("/flex/{id}/requests") { _, context in
            let (service, day) = try await joined(context)
            let form = context.form
            guard let session = form.text("session") else {
                throw AppError.invalid(message: "Choose the session.", field: "session")
            }
            let students = try form.all("student").map { value in
                try InputRules.checkIdentifier(value, field: "student")
                return Person.ID(value)
            }
            let priority = try APIRoutes.priority(form.text("priority"))
            _ = try await service.request(
                in: day, session: session, students: students, required: form["required"] != nil,
                priority: priority, reason: form.text("reason") ?? "")
            return HTMLResponse.redirect("/flex/\(day.id.rawValue)?saved=1")
        }
        router.post("/flex/{id}/requests/{request}/withdraw") { _, context in
            let (service, day) = try await joined(context)
            try await service.withdraw(.init(try context.parameters.require("request")), in: day)
            return HTMLResponse.redirect("/flex/\(day.id.rawValue)?saved=1")
        }
        router.post("/flex/{id}/choices") { _, context in
            let (service, day) = try await joined(context)
            let picks = (1...FlexChoice.limit).compactMap { context.form.text("choice-\($0)") }.filter { !$0.isEmpty }
            _ = try await service.choose(in: day, sessions: picks)
            return HTMLResponse.redirect("/flex/\(day.id.rawValue)?saved=1")
        }
        router.post("/schedule/{id}/sessions/{session}/attendance") { _, context in
            let user = try context.requireUser()
            let id = try context.parameters.require("id")
            try InputRules.checkIdentifier(id, field: "id")
            guard let day = try await store.flexDay(.init(id)) else { throw AppError.notFound("The day") }
            let sessionID = try context.parameters.require("session")
            // The session must be this teacher's on a published day, and the policy must let them record evidence
            // for each student placed there (a teacher of the student's school): a coach who named themselves, or a
            // student id, as a session's teacher gets nothing.
            guard let session = day.sessions.first(where: { $0.id == sessionID }), session.teacherID == user.id
            else { throw AppError.forbidden }
            guard day.status == .published else {
                throw AppError.conflict("Attendance is taken on a published day that has not been closed.")
            }
            let attendees = day.students.filter { (day.assignments[$0] ?? []).contains(sessionID) }
            let chosen = context.form.text("competency").map { Competency.ID($0) }
            if let chosen, !session.competencyIDs.contains(chosen) {
                throw AppError.invalid(message: "Choose one of the session's competencies.", field: "competency")
            }
            let evidenceCompetency = chosen ?? session.competencyIDs.first
            var present: [Person.ID: Bool] = [:]
            var drafts: [EvidenceDraft] = []
            for student in attendees {
                try await authorizer.require(user, .recordSessionEvidence, student: student)
                // Nobody is marked until the teacher says so: an unmarked student stays unmarked.
                switch context.form.text("attendance-\(student.rawValue)") {
                case "present": present[student] = true
                case "absent": present[student] = false
                case nil: continue
                case let other?:
                    throw AppError.invalid(
                        message: "'\(other)' is neither present nor absent.", field: "attendance-\(student.rawValue)")
                }
                guard present[student] == true, let competency = evidenceCompetency,
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
                        source: .flexSession, comment: "Flex session: \(session.title) (\(day.day))"))
            }
            try await store.takeAttendance(
                day: day.id, session: sessionID, present: present, evidence: drafts, by: user.id, at: services.clock())
            return HTMLResponse.redirect("/my-day?saved=1#session-\(sessionID)")
        }
    }

    func joinPage(
        _ service: FlexDayService, _ day: FlexDay, context: AppRequestContext, path: String, saved: Bool,
        preselected: Set<Person.ID>
    ) async throws -> Response {
        let user = service.user
        let picture = try await service.picture(day)
        // A teacher picks among their own students on the day; a student sees the sessions most useful to them first.
        var mine: [Person] = []
        if user.role == .teacher {
            var seen: Set<Person.ID> = []
            let onDay = Set(day.students)
            for section in try await store.sections(of: user.id, as: .teacher) {
                for student in try await store.members(of: section.id, as: .student)
                where onDay.contains(student.id) && seen.insert(student.id).inserted {
                    mine.append(student)
                }
            }
            mine.sort { $0.sortName < $1.sortName }
        }
        let teachers = try await store.people(in: day.schoolID, role: .teacher)
        let page = FlexJoinPage(
            user: user, picture: picture, myStudents: mine,
            teacherNames: Dictionary(teachers.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a }),
            saved: saved, preselected: preselected)
        return HTMLResponse.render(page.render(PageContext(context, path: path)))
    }

    func joined(_ context: AppRequestContext) async throws -> (FlexDayService, FlexDay) {
        try await FlexDayService.joined(context, services)
    }
}

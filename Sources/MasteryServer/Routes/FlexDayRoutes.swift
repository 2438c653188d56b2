import Foundation
import Hummingbird
import MasteryCore
import MasteryInterop
import MasteryStore

/// Flex days for the coordinator (the school's coach or an administrator): weekly templates and days, their
/// sessions (added, edited, removed until published), the proposal from mastery, teachers' requests and
/// students' choices, adjustments (every constraint re-checked), publishing, closing, attendance as CSV.
struct FlexDayRoutes {
    let services: AppServices
    var store: Store { services.store }

    func register(on router: Router<AppRequestContext>) {
        router.get("/schedule") { request, context in
            let service = FlexDayService(services: services, user: try context.requireUser())
            let school = try await service.coordinatedSchool(request.uri.queryParameters["school"].map(String.init))
            let page = FlexDaysPage(school: school, days: try await store.flexDays(school: school.id))
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/schedule") { _, context in
            let service = FlexDayService(services: services, user: try context.requireUser())
            let form = context.form
            let school = try await service.coordinatedSchool(try form.identifier("school"))
            guard let date = form.text("day").flatMap(FormDates.parse).map(Components.isoDate) else {
                throw AppError.invalid(message: "Give the day as a date.", field: "day")
            }
            guard let mods = try form.int("mods", in: 1...20) else {
                throw AppError.invalid(message: "Give between 1 and 20 mods.", field: "mods")
            }
            var start: Int?
            if let text = form.text("startTime") {
                guard let minutes = FlexDayWords.minutes(text) else {
                    throw AppError.invalid(message: "Give the start as a time such as 08:30.", field: "startTime")
                }
                start = minutes
            }
            let length = try form.int("modMinutes", in: 5...240) ?? 20
            let day = try await service.createDay(
                school: school, date: date, mods: mods, startMinute: start, modMinutes: start == nil ? nil : length,
                template: form["template"] != nil)
            return HTMLResponse.redirect("/schedule/\(day.id.rawValue)")
        }
        router.get("/schedule/{id}") { request, context in
            let (service, day) = try await coordinated(context)
            let query = request.uri.queryParameters
            let filter = FlexDayPage.Filter(
                text: query["q"].map(String.init) ?? "", session: query["session"].map(String.init) ?? "",
                all: query["all"] != nil)
            return try await editor(
                service, day, filter: filter, saved: query["saved"] != nil, context: context,
                path: request.uri.path)
        }
        router.post("/schedule/{id}/sessions") { _, context in
            let (service, day) = try await coordinated(context)
            _ = try await service.addSession(try sessionInput(context.form), to: day)
            return HTMLResponse.redirect("/schedule/\(day.id.rawValue)?saved=1#sessions")
        }
        router.post("/schedule/{id}/sessions/{session}") { _, context in
            let (service, day) = try await coordinated(context)
            _ = try await service.updateSession(
                try context.parameters.require("session"), try sessionInput(context.form), in: day)
            return HTMLResponse.redirect("/schedule/\(day.id.rawValue)?saved=1#sessions")
        }
        router.post("/schedule/{id}/sessions/{session}/remove") { _, context in
            let (service, day) = try await coordinated(context)
            _ = try await service.removeSession(try context.parameters.require("session"), from: day)
            return HTMLResponse.redirect("/schedule/\(day.id.rawValue)?saved=1#sessions")
        }
        router.post("/schedule/{id}/requests/{request}/withdraw") { _, context in
            let (service, day) = try await coordinated(context)
            try await service.withdraw(.init(try context.parameters.require("request")), in: day)
            return HTMLResponse.redirect("/schedule/\(day.id.rawValue)?saved=1#requests")
        }
        router.post("/schedule/{id}/propose") { _, context in
            let (service, day) = try await coordinated(context)
            _ = try await service.propose(day)
            return HTMLResponse.redirect("/schedule/\(day.id.rawValue)?saved=1#outcome")
        }
        router.post("/schedule/{id}/adjust") { request, context in
            let (service, day) = try await coordinated(context)
            guard day.status == .draft else { throw AppError.conflict("Only a draft day is adjusted.") }
            guard let studentValue = try context.form.identifier("student"),
                let sessionID = context.form.text("session"),
                let session = day.sessions.first(where: { $0.id == sessionID })
            else { throw AppError.invalid(message: "Choose the student and the session.", field: "session") }
            let student = Person.ID(studentValue)
            guard day.students.contains(student) else { throw AppError.notFound("The student on this day") }
            var flex = day
            flex.assignments[student] = Self.moved(day, student: student, to: session)
            let picture = try await service.picture(flex)
            let (violations, _) = FeasibilityChecker.check(picture.plan.instance, flex.solution)
            guard violations.isEmpty else {
                let names = Dictionary(
                    try await store.people(day.students).map { ($0.id, $0.displayName) },
                    uniquingKeysWith: { a, _ in a })
                let words = FlexDayWords(
                    day: day, t: .english, names: names, requests: [], curriculum: picture.curriculum)
                return try await editor(
                    service, day, filter: .init(text: "", session: ""), saved: false, context: context,
                    path: request.uri.path, problems: violations.map(words.readable),
                    status: .unprocessableContent)
            }
            try await store.save(flex, by: service.user.id, at: services.clock(), action: "adjust")
            return HTMLResponse.redirect("/schedule/\(flex.id.rawValue)?saved=1&q=\(studentValue)#students")
        }
        router.post("/schedule/{id}/publish") { _, context in
            let (service, day) = try await coordinated(context)
            _ = try await service.setStatus(day, to: .published)
            return HTMLResponse.redirect("/schedule/\(day.id.rawValue)?saved=1")
        }
        router.post("/schedule/{id}/close") { _, context in
            let (service, day) = try await coordinated(context)
            _ = try await service.setStatus(day, to: .closed)
            return HTMLResponse.redirect("/schedule/\(day.id.rawValue)?saved=1")
        }
        router.post("/schedule/{id}/copy") { _, context in
            let (service, day) = try await coordinated(context)
            guard let date = context.form.text("day").flatMap(FormDates.parse).map(Components.isoDate) else {
                throw AppError.invalid(message: "Give the new day as a date.", field: "day")
            }
            let copy = try await service.copy(day, to: date)
            return HTMLResponse.redirect("/schedule/\(copy.id.rawValue)")
        }
        router.get("/schedule/{id}/attendance.csv") { _, context in
            let (_, day) = try await coordinated(context)
            let marks = try await store.attendance(day: day.id)
            let people = try await store.people(day.students)
            guard let school = try await store.organizations().first(where: { $0.id == day.schoolID }) else {
                throw AppError.notFound("The school")
            }
            let csv = FlexAttendanceCSV(
                day: day, school: school, marks: marks, people: people, exportedAt: services.clock()
            ).text
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"attendance-\(day.day).csv\"",
                ],
                body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
    }

    /// The student's sessions with `session` in place of whatever overlapped it; mods left uncovered fall
    /// back to open study.
    static func moved(_ day: FlexDay, student: Person.ID, to session: FlexDay.Session) -> [String] {
        var sessions = (day.assignments[student] ?? []).filter { id in
            guard let other = day.sessions.first(where: { $0.id == id }) else { return false }
            return !other.mods.overlaps(session.mods)
        }
        sessions.append(session.id)
        var covered: Set<Int> = []
        for id in sessions {
            if let found = day.sessions.first(where: { $0.id == id }) { covered.formUnion(found.mods) }
        }
        for mod in 0..<day.mods where !covered.contains(mod) { sessions.append("open-\(mod)") }
        return sessions
    }

    func sessionInput(_ form: FormData) throws -> FlexDayService.SessionInput {
        guard let title = form.text("title") else {
            throw AppError.invalid(message: "Give the session a title.", field: "title")
        }
        guard let start = try form.int("start", in: 0...19), let length = try form.int("length", in: 1...20),
            let capacity = try form.int("capacity", in: 1...100_000)
        else {
            throw AppError.invalid(message: "Give the first mod, how many mods, and the seats.", field: "capacity")
        }
        return .init(
            title: title, start: start, length: length, capacity: capacity,
            teacherID: try form.identifier("teacher").map { Person.ID($0) }, room: form.text("room") ?? "",
            competencyIDs: form.all("competency").map { Competency.ID($0) })
    }

    func editor(
        _ service: FlexDayService, _ day: FlexDay, filter: FlexDayPage.Filter, saved: Bool,
        context: AppRequestContext, path: String, problems: [String] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let picture = try await service.picture(day)
        let teachers = try await store.people(in: day.schoolID, role: .teacher)
        let students = try await store.people(day.students)
        let page = FlexDayPage(
            picture: picture, teachers: teachers, students: students, filter: filter, problems: problems,
            saved: saved, attendance: day.status == .draft ? [:] : try await store.attendance(day: day.id))
        return HTMLResponse.render(page.render(PageContext(context, path: path)), status: status)
    }

    func coordinated(_ context: AppRequestContext) async throws -> (FlexDayService, FlexDay) {
        try await FlexDayService.coordinated(context, services)
    }
}

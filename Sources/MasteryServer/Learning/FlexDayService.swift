import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// Flex days as the pages and the JSON API both run them: every rule checked here once — who may do what
/// (`Access.Policy`), what a day accepts while it is open, and the numbers within the day — before anything is
/// written (and audited by the store).
struct FlexDayService {
    let services: AppServices
    let user: Person
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    /// A session as a coordinator describes it (mods count from 0).
    struct SessionInput {
        var title: String
        var start: Int
        var length: Int
        var capacity: Int
        var teacherID: Person.ID?
        var room: String
        var competencyIDs: [Competency.ID]
    }

    /// A day with its requests, choices and what the current placement means.
    struct Picture {
        var day: FlexDay
        var requests: [FlexRequest]
        var choices: [FlexChoice]
        var plan: FlexDayPlan
        var outcome: FlexDayOutcome?
        var curriculum: Curriculum
    }

    // MARK: Days

    /// The service for the signed-in user and the day in the path (`{id}`), which they coordinate.
    static func coordinated(_ context: AppRequestContext, _ services: AppServices) async throws -> (Self, FlexDay) {
        let (service, id) = try start(context, services)
        return (service, try await service.coordinated(id))
    }

    /// The service for the signed-in user and the day in the path, which they take part in (or coordinate).
    static func joined(_ context: AppRequestContext, _ services: AppServices) async throws -> (Self, FlexDay) {
        let (service, id) = try start(context, services)
        return (service, try await service.joined(id))
    }

    private static func start(_ context: AppRequestContext, _ services: AppServices) throws -> (Self, FlexDay.ID) {
        let service = FlexDayService(services: services, user: try context.requireUser())
        let id = try context.parameters.require("id")
        try InputRules.checkIdentifier(id, field: "id")
        return (service, .init(id))
    }

    /// The school the user coordinates (an administrator's own school or the one named; a coach's).
    func coordinatedSchool(_ named: String?) async throws -> Organization {
        let organizations = try await store.organizations()
        let own = organizations.first { $0.id == user.organizationID }
        let candidates =
            own?.kind == .school
            ? [own!] : organizations.filter { $0.kind == .school && $0.parentID == user.organizationID }
        let chosen: Organization?
        if let named {
            chosen = candidates.first { $0.id.rawValue == named }
        } else {
            chosen = candidates.first
        }
        guard let chosen else { throw AppError.forbidden }
        try await authorizer.require(user, .coordinateFlexDays, organization: chosen.id)
        return chosen
    }

    /// A day the user coordinates.
    func coordinated(_ id: FlexDay.ID) async throws -> FlexDay {
        let day = try await existing(id)
        try await authorizer.require(user, .coordinateFlexDays, organization: day.schoolID)
        return day
    }

    /// A day the user takes part in (a teacher or student of its school) or coordinates.
    func joined(_ id: FlexDay.ID) async throws -> FlexDay {
        let day = try await existing(id)
        if try await authorizer.allows(user, .coordinateFlexDays, organization: day.schoolID) { return day }
        try await authorizer.require(user, .joinFlexDay, organization: day.schoolID)
        guard day.status != .template else { throw AppError.notFound("The day") }
        return day
    }

    func existing(_ id: FlexDay.ID) async throws -> FlexDay {
        guard let day = try await store.flexDay(id) else { throw AppError.notFound("The flex day") }
        return day
    }

    func createDay(
        school: Organization, date: String, mods: Int, startMinute: Int?, modMinutes: Int?,
        template: Bool = false
    ) async throws -> FlexDay {
        let students = try await store.people(in: school.id, role: .student).filter(\.isActive).map(\.id)
        var day = FlexDay(
            id: .init(UUID().uuidString.lowercased()), schoolID: school.id, day: date, mods: mods, students: students,
            status: template ? .template : .draft)
        day.startMinute = startMinute
        day.modMinutes = modMinutes
        // Open study in every mod, for everyone, keeps the day feasible whatever else is offered.
        day.sessions = (0..<mods).map {
            .init(
                id: "open-\($0)", title: "Open study", teacherID: nil, room: "Commons", start: $0, length: 1,
                capacity: max(1, students.count), competencyIDs: [])
        }
        try await store.save(day, by: user.id, at: services.clock(), action: template ? "template" : "create")
        return day
    }

    /// A new draft on `date` with the sessions of `source` (a template or an earlier day); its roster is today's.
    func copy(_ source: FlexDay, to date: String) async throws -> FlexDay {
        let students = try await store.people(in: source.schoolID, role: .student).filter(\.isActive).map(\.id)
        var day = source.copy(as: .init(UUID().uuidString.lowercased()), on: date, students: students)
        for index in day.sessions.indices where day.sessions[index].id.hasPrefix("open-") {
            day.sessions[index].capacity = max(1, students.count)
        }
        try await store.save(day, by: user.id, at: services.clock(), action: "copy")
        return day
    }

    func setStatus(_ day: FlexDay, to status: FlexDay.Status) async throws -> FlexDay {
        var day = day
        switch (day.status, status) {
        case (.draft, .published):
            guard day.students.allSatisfy({ !(day.assignments[$0] ?? []).isEmpty }) else {
                throw AppError.conflict("Propose the day before publishing it: some students are not placed yet.")
            }
        case (.published, .closed): break
        default:
            throw AppError.conflict("A \(day.status.rawValue) day cannot become \(status.rawValue).")
        }
        day.status = status
        try await store.save(day, by: user.id, at: services.clock(), action: status.rawValue)
        return day
    }

    // MARK: Sessions

    func checked(_ input: SessionInput, in day: FlexDay) async throws -> FlexDay.Session.Fields {
        guard day.isOpen else { throw AppError.conflict("The day is \(day.status.rawValue); its sessions are fixed.") }
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, input.title.count <= 200 else {
            throw AppError.invalid(message: "Give the session a title (at most 200 characters).", field: "title")
        }
        guard (0..<day.mods).contains(input.start) else {
            throw AppError.invalid(
                message: "start must be a mod of the day, 0 to \(day.mods - 1) (mods count from 0).", field: "start")
        }
        guard (1...(day.mods - input.start)).contains(input.length) else {
            throw AppError.invalid(
                message: "length must be 1 to \(day.mods - input.start): the day has \(day.mods) mods.",
                field: "length")
        }
        guard (1...100_000).contains(input.capacity) else {
            throw AppError.invalid(message: "capacity must be between 1 and 100000.", field: "capacity")
        }
        guard input.room.count <= 100 else {
            throw AppError.invalid(message: "room must be at most 100 characters.", field: "room")
        }
        if let teacher = input.teacherID {
            // The session's teacher records evidence at attendance: a teacher of this day's school only.
            guard let person = try await store.person(teacher), person.role == .teacher,
                person.organizationID == day.schoolID
            else { throw AppError.invalid(message: "teacherId must be a teacher of this school.", field: "teacherId") }
        }
        let curriculum = try await store.curriculum()
        for id in input.competencyIDs where curriculum.competency(id) == nil {
            throw AppError.invalid(message: "There is no competency '\(id.rawValue)'.", field: "competencyIds")
        }
        return .init(
            title: title, teacherID: input.teacherID, room: input.room, start: input.start, length: input.length,
            capacity: input.capacity, competencyIDs: input.competencyIDs.uniqued())
    }

    func addSession(_ input: SessionInput, to day: FlexDay) async throws -> (FlexDay, String) {
        let fields = try await checked(input, in: day)
        var day = day
        let id = "s-\(UUID().uuidString.lowercased().prefix(8))"
        day.sessions.append(fields.session(id: id))
        day.assignments = [:]
        try await store.save(day, by: user.id, at: services.clock(), action: "session")
        return (day, id)
    }

    func updateSession(_ id: String, _ input: SessionInput, in day: FlexDay) async throws -> FlexDay {
        guard let index = day.sessions.firstIndex(where: { $0.id == id }) else {
            throw AppError.notFound("The session")
        }
        let fields = try await checked(input, in: day)
        var day = day
        day.sessions[index] = fields.session(id: id, required: day.sessions[index].required)
        day.assignments = [:]
        try await store.save(day, by: user.id, at: services.clock(), action: "session.edit")
        return day
    }

    func removeSession(_ id: String, from day: FlexDay) async throws -> FlexDay {
        guard day.isOpen else { throw AppError.conflict("The day is \(day.status.rawValue); its sessions are fixed.") }
        guard day.sessions.contains(where: { $0.id == id }) else { throw AppError.notFound("The session") }
        guard !id.hasPrefix("open-") else {
            throw AppError.conflict("Open study keeps the day possible for everyone; it stays.")
        }
        var day = day
        day.sessions.removeAll { $0.id == id }
        day.assignments = [:]
        try await store.save(day, by: user.id, at: services.clock(), action: "session.remove")
        return day
    }

    // MARK: Requests and choices

    func request(
        in day: FlexDay, session: String, students: [Person.ID], required: Bool, priority: FlexRequest.Priority,
        reason: String
    ) async throws -> FlexRequest {
        // Who may ask for these students first; then what the day accepts.
        let unique = students.uniqued()
        guard (1...200).contains(unique.count) else {
            throw AppError.invalid(message: "Name between 1 and 200 students.", field: "studentIds")
        }
        for student in unique { try await authorizer.require(user, .requestFlexStudents, student: student) }
        guard day.status == .draft else {
            throw AppError.conflict("The day is \(day.status.rawValue); requests are taken while it is a draft.")
        }
        guard day.sessions.contains(where: { $0.id == session }) else {
            throw AppError.invalid(message: "There is no session '\(session)' on this day.", field: "sessionId")
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.count <= 500, !trimmed.isEmpty else {
            throw AppError.invalid(message: "Give a reason (at most 500 characters).", field: "reason")
        }
        let onDay = Set(day.students)
        if let missing = unique.first(where: { !onDay.contains($0) }) {
            throw AppError.invalid(message: "'\(missing.rawValue)' is not on this day.", field: "studentIds")
        }
        let request = FlexRequest(
            id: .init(UUID().uuidString.lowercased()), dayID: day.id, sessionID: session, teacherID: user.id,
            studentIDs: unique, required: required, priority: priority, reason: trimmed, createdAt: services.clock())
        try await store.add(request, organization: day.schoolID)
        return request
    }

    /// Withdraws a request: its teacher, or a coordinator.
    func withdraw(_ id: FlexRequest.ID, in day: FlexDay) async throws {
        guard day.status == .draft else { throw AppError.conflict("The day is \(day.status.rawValue).") }
        guard let request = try await store.flexRequests(day: day.id).first(where: { $0.id == id }) else {
            throw AppError.notFound("The request")
        }
        if request.teacherID != user.id {
            try await authorizer.require(user, .coordinateFlexDays, organization: day.schoolID)
        }
        _ = try await store.withdraw(id, by: user.id, at: services.clock(), organization: day.schoolID)
    }

    func choose(in day: FlexDay, sessions: [String]) async throws -> FlexChoice {
        try authorizer.require(user, .chooseFlexSessions, account: user.id)
        guard day.status == .draft else {
            throw AppError.conflict("The day is \(day.status.rawValue); choices are taken while it is a draft.")
        }
        guard day.students.contains(user.id) else { throw AppError.conflict("You are not on this day.") }
        guard sessions.count <= FlexChoice.limit, Set(sessions).count == sessions.count else {
            throw AppError.invalid(
                message: "Rank at most \(FlexChoice.limit) different sessions, best first.", field: "sessionIds")
        }
        for id in sessions where !day.sessions.contains(where: { $0.id == id }) {
            throw AppError.invalid(message: "There is no session '\(id)' on this day.", field: "sessionIds")
        }
        let choice = FlexChoice(dayID: day.id, studentID: user.id, sessionIDs: sessions)
        try await store.save(choice, at: services.clock(), organization: day.schoolID)
        return choice
    }

    // MARK: Proposing

    func picture(_ day: FlexDay) async throws -> Picture {
        let requests = try await store.flexRequests(day: day.id)
        let choices = try await store.flexChoices(day: day.id)
        let curriculum = try await store.curriculum()
        let competencies = Array(Set(day.sessions.flatMap(\.competencyIDs)))
        let records = try await store.records(students: day.students, competencies: competencies)
        var thresholds: [Competency.ID: Double] = [:]
        for id in competencies {
            if let competency = curriculum.competency(id) {
                thresholds[id] = curriculum.scale(for: competency)?.masteryThreshold
            }
        }
        let plan = FlexDayPlan(
            day: day, requests: requests, choices: choices, records: records, thresholds: thresholds)
        let outcome =
            day.assignments.isEmpty
            ? nil : FlexDayOutcome(plan: plan, assignments: day.assignments, requests: requests)
        return Picture(
            day: day, requests: requests, choices: choices, plan: plan, outcome: outcome, curriculum: curriculum)
    }

    /// Solves the day from mastery, requests and choices, and saves the placement.
    func propose(_ day: FlexDay) async throws -> (Picture, ScheduleSolution) {
        guard day.status == .draft else {
            throw AppError.conflict("The day is \(day.status.rawValue); only a draft is proposed.")
        }
        var picture = try await picture(day)
        let solution: ScheduleSolution
        do {
            solution = try FlexModScheduler.solve(picture.plan.instance)
        } catch {
            throw AppError.invalid(
                message: "The day cannot be placed: "
                    + error.problems.map { "\(sessionTitles(day, in: $0.item)): \($0.message)" }.joined(separator: "; ")
            )
        }
        var placed = day
        placed.assignments = Dictionary(
            solution.assignments.map { (Person.ID($0.student), $0.sessions) }, uniquingKeysWith: { a, _ in a })
        placed.objective = solution.objective
        placed.bound = solution.bound
        try await store.save(placed, by: user.id, at: services.clock(), action: "propose")
        picture.day = placed
        picture.outcome = FlexDayOutcome(
            plan: picture.plan, assignments: placed.assignments, requests: picture.requests)
        return (picture, solution)
    }

    /// A solver's or checker's message in people's words (titles for session ids, mods from 1).
    func sessionTitles(_ day: FlexDay, in item: String) -> String {
        FlexDayWords(day: day, t: .english, names: [:], requests: [], curriculum: .empty).readable(item)
    }
}

extension FlexDay.Session {
    /// A session's fields without its id (checked input).
    struct Fields {
        var title: String
        var teacherID: Person.ID?
        var room: String
        var start: Int
        var length: Int
        var capacity: Int
        var competencyIDs: [Competency.ID]

        func session(id: String, required: [Person.ID] = []) -> FlexDay.Session {
            .init(
                id: id, title: title, teacherID: teacherID, room: room, start: start, length: length,
                capacity: capacity, competencyIDs: competencyIDs, required: required)
        }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}

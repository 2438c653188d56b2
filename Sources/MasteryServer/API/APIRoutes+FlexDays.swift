import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// `/api/v1/flex-days`: the coordinator sets up a day (or a weekly template) and its sessions, teachers request
/// their students, students rank sessions, the coordinator proposes, publishes and closes — the same service
/// and rules as the pages.
extension APIRoutes {
    struct NewFlexDay: Decodable {
        var date: String
        var mods: Int
        var schoolId: String?
        /// When mod 1 begins ("08:30") and how long each mod is, for clock times.
        var startTime: String?
        var modMinutes: Int?
        /// A weekly template rather than a day.
        var template: Bool?
    }

    struct SessionBody: Decodable {
        var title: String
        var start: Int
        var length: Int?
        var capacity: Int
        var teacherId: String?
        var room: String?
        var competencyIds: [String]?

        func input() throws -> FlexDayService.SessionInput {
            if let teacherId { try InputRules.checkIdentifier(teacherId, field: "teacherId") }
            for id in competencyIds ?? [] { try InputRules.checkIdentifier(id, field: "competencyIds") }
            return .init(
                title: title, start: start, length: length ?? 1, capacity: capacity,
                teacherID: teacherId.map { Person.ID($0) }, room: room ?? "",
                competencyIDs: (competencyIds ?? []).map { Competency.ID($0) })
        }
    }

    struct RequestBody: Decodable {
        var sessionId: String
        var studentIds: [String]
        var required: Bool
        var reason: String
        /// "low", "normal" (the default) or "high".
        var priority: String?
    }

    struct ChoiceBody: Decodable {
        var sessionIds: [String]
    }

    struct CopyBody: Decodable {
        var date: String
    }

    func registerFlexDays(on router: Router<AppRequestContext>) {
        router.post("/api/v1/flex-days") { request, context in
            let service = FlexDayService(services: services, user: try context.requireUser())
            let body = try await decodeBody(NewFlexDay.self, request)
            if let schoolId = body.schoolId { try InputRules.checkIdentifier(schoolId, field: "schoolId") }
            let school = try await service.coordinatedSchool(body.schoolId)
            let (date, mods, start, length) = try Self.checkDay(body)
            let day = try await service.createDay(
                school: school, date: date, mods: mods, startMinute: start, modMinutes: length,
                template: body.template ?? false)
            return APIResponse.json(FlexDayItem(day, for: nil), status: .created)
        }
        router.get("/api/v1/flex-days") { request, context in
            let user = try context.requireUser()
            let service = FlexDayService(services: services, user: user)
            let named = request.uri.queryParameters["schoolId"].map(String.init)
            let school: Organization.ID
            if let coordinated = try? await service.coordinatedSchool(named) {
                school = coordinated.id
            } else {
                try await authorizer.require(user, .joinFlexDay, organization: user.organizationID)
                school = user.organizationID
            }
            let coordinating = try await authorizer.allows(user, .coordinateFlexDays, organization: school)
            let days = try await store.flexDays(school: school).filter { coordinating || $0.status != .template }
            return APIResponse.json(["days": days.map { FlexDayItem($0, for: coordinating ? nil : user.id) }])
        }
        router.get("/api/v1/flex-days/{id}") { _, context in
            let (service, day) = try await joined(context)
            let coordinating = try await authorizer.allows(
                service.user, .coordinateFlexDays, organization: day.schoolID)
            var item = FlexDayItem(day, for: coordinating ? nil : service.user.id)
            let picture = try await service.picture(day)
            item.requests = picture.requests.filter { coordinating || $0.teacherID == service.user.id }.map(
                RequestItem.init)
            item.choices = picture.choices.filter { coordinating || $0.studentID == service.user.id }.map {
                ChoiceItem(studentId: $0.studentID.rawValue, sessionIds: $0.sessionIDs)
            }
            return APIResponse.json(item)
        }
        router.post("/api/v1/flex-days/{id}/sessions") { request, context in
            let (service, day) = try await coordinated(context)
            let input = try await decodeBody(SessionBody.self, request).input()
            let (_, id) = try await service.addSession(input, to: day)
            return APIResponse.json(["id": id], status: .created)
        }
        router.patch("/api/v1/flex-days/{id}/sessions/{session}") { request, context in
            let (service, day) = try await coordinated(context)
            let input = try await decodeBody(SessionBody.self, request).input()
            let updated = try await service.updateSession(
                try context.parameters.require("session"), input, in: day)
            return APIResponse.json(FlexDayItem(updated, for: nil))
        }
        router.delete("/api/v1/flex-days/{id}/sessions/{session}") { _, context in
            let (service, day) = try await coordinated(context)
            _ = try await service.removeSession(try context.parameters.require("session"), from: day)
            return Response(status: .noContent)
        }
        router.post("/api/v1/flex-days/{id}/requests") { request, context in
            let (service, day) = try await joined(context)
            let body = try await decodeBody(RequestBody.self, request)
            for id in body.studentIds { try InputRules.checkIdentifier(id, field: "studentIds") }
            let priority = try Self.priority(body.priority)
            let made = try await service.request(
                in: day, session: body.sessionId, students: body.studentIds.map { Person.ID($0) },
                required: body.required, priority: priority, reason: body.reason)
            return APIResponse.json(RequestItem(made), status: .created)
        }
        router.delete("/api/v1/flex-days/{id}/requests/{request}") { _, context in
            let (service, day) = try await joined(context)
            try await service.withdraw(.init(try context.parameters.require("request")), in: day)
            return Response(status: .noContent)
        }
        router.post("/api/v1/flex-days/{id}/choices") { request, context in
            let (service, day) = try await joined(context)
            let body = try await decodeBody(ChoiceBody.self, request)
            let choice = try await service.choose(in: day, sessions: body.sessionIds)
            return APIResponse.json(
                ChoiceItem(studentId: choice.studentID.rawValue, sessionIds: choice.sessionIDs), status: .created)
        }
        router.post("/api/v1/flex-days/{id}/propose") { _, context in
            let (service, day) = try await coordinated(context)
            let (picture, solution) = try await service.propose(day)
            return APIResponse.json(try await ProposalItem(picture, solution, service: service))
        }
        router.post("/api/v1/flex-days/{id}/publish") { _, context in
            let (service, day) = try await coordinated(context)
            return APIResponse.json(FlexDayItem(try await service.setStatus(day, to: .published), for: nil))
        }
        router.post("/api/v1/flex-days/{id}/close") { _, context in
            let (service, day) = try await coordinated(context)
            return APIResponse.json(FlexDayItem(try await service.setStatus(day, to: .closed), for: nil))
        }
        router.post("/api/v1/flex-days/{id}/copy") { request, context in
            let (service, day) = try await coordinated(context)
            let body = try await decodeBody(CopyBody.self, request)
            guard let date = FormDates.parse(body.date).map(Components.isoDate) else {
                throw AppError.invalid(message: "date must be a day such as 2026-12-08.", field: "date")
            }
            return APIResponse.json(FlexDayItem(try await service.copy(day, to: date), for: nil), status: .created)
        }
    }

    static func checkDay(_ body: NewFlexDay) throws -> (String, Int, Int?, Int?) {
        guard let date = FormDates.parse(body.date).map(Components.isoDate) else {
            throw AppError.invalid(message: "date must be a day such as 2026-12-08.", field: "date")
        }
        guard (1...20).contains(body.mods) else {
            throw AppError.invalid(message: "mods must be between 1 and 20.", field: "mods")
        }
        var start: Int?
        if let text = body.startTime {
            guard let minutes = FlexDayWords.minutes(text) else {
                throw AppError.invalid(message: "startTime must be a time such as 08:30.", field: "startTime")
            }
            start = minutes
        }
        if let minutes = body.modMinutes, !(5...240).contains(minutes) {
            throw AppError.invalid(message: "modMinutes must be between 5 and 240.", field: "modMinutes")
        }
        return (date, body.mods, start, start == nil ? nil : body.modMinutes ?? 20)
    }

    static func priority(_ text: String?) throws -> FlexRequest.Priority {
        switch text {
        case nil, "normal": .normal
        case "high": .high
        case "low": .low
        default: throw AppError.invalid(message: "priority must be low, normal or high.", field: "priority")
        }
    }

    func coordinated(_ context: AppRequestContext) async throws -> (FlexDayService, FlexDay) {
        try await FlexDayService.coordinated(context, services)
    }

    func joined(_ context: AppRequestContext) async throws -> (FlexDayService, FlexDay) {
        try await FlexDayService.joined(context, services)
    }
}

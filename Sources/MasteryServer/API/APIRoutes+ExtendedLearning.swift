import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// `/api/v1/students/{id}/elos` and `/api/v1/elos/{id}/…`: extended learning opportunities, the same service and
/// rules as the pages.
extension APIRoutes {
    struct ELOProposal: Decodable {
        var title: String
        var kind: String
        var competencyIds: [String]
        var description: String?
        var hours: Double?
    }

    struct ELOComplete: Decodable {
        var credit: Double?
    }

    struct ELOHours: Decodable {
        var hours: Double
        var day: String?
        var note: String
    }

    struct ELOMentor: Decodable {
        var givenName: String
        var familyName: String?
        var email: String?
    }

    struct ELOScore: Decodable {
        var competencyId: String
        var score: Double
        var comment: String?
    }

    struct ELOItem: Encodable {
        struct Step: Encodable {
            var by: String
            var at: Date
        }

        struct Hours: Encodable {
            var hours: Double
            var day: String
            var note: String
            var by: String
        }

        var id: String
        var studentId: String
        var title: String
        var kind: String
        var description: String
        var competencyIds: [String]
        var plannedHours: Double?
        var state: String
        var consentNeeded: Bool
        var proposed: Step
        var approved: Step?
        var consented: Step?
        var completed: Step?
        var credit: Double?
        var mentorIds: [String]
        var hoursLogged: Double
        var hours: [Hours]

        init(_ elo: ExtendedLearning) {
            func step(_ s: ExtendedLearning.Step?) -> Step? { s.map { Step(by: $0.by.rawValue, at: $0.at) } }
            id = elo.id.rawValue
            studentId = elo.studentID.rawValue
            title = elo.title
            kind = elo.kind.rawValue
            description = elo.description
            competencyIds = elo.competencyIDs.map(\.rawValue)
            plannedHours = elo.plannedHours
            state = elo.state.rawValue
            consentNeeded = elo.consentNeeded
            proposed = Step(by: elo.proposed.by.rawValue, at: elo.proposed.at)
            approved = step(elo.approval)
            consented = step(elo.consent)
            completed = step(elo.completion)
            credit = elo.credit
            mentorIds = elo.mentorIDs.map(\.rawValue)
            hoursLogged = elo.hoursLogged
            hours = elo.hours.map { Hours(hours: $0.hours, day: $0.day, note: $0.note, by: $0.by.rawValue) }
        }
    }

    func registerExtendedLearning(on router: Router<AppRequestContext>) {
        router.post("/api/v1/students/{id}/elos") { request, context in
            let service = ExtendedLearningService(services: services, user: try context.requireUser())
            let student = Person.ID(try Self.pathID(context))
            try await authorizer.require(service.user, .proposeLearningOpportunity, student: student)
            let body = try await decodeBody(ELOProposal.self, request)
            try InputRules.check(body.title, field: "title")
            try InputRules.check(body.description ?? "", field: "description")
            for id in body.competencyIds { try InputRules.checkIdentifier(id, field: "competencyIds") }
            let elo = try await service.propose(
                .init(
                    title: body.title, kind: body.kind, description: body.description ?? "",
                    competencyIDs: body.competencyIds.map { Competency.ID($0) }, hours: body.hours), student: student)
            return APIResponse.json(ELOItem(elo), status: .created)
        }
        router.get("/api/v1/students/{id}/elos") { _, context in
            let service = ExtendedLearningService(services: services, user: try context.requireUser())
            let list = try await service.list(student: Person.ID(try Self.pathID(context)))
            return APIResponse.json(["elos": list.map(ELOItem.init)])
        }
        router.get("/api/v1/elos/{id}") { _, context in
            let service = ExtendedLearningService(services: services, user: try context.requireUser())
            return APIResponse.json(ELOItem(try await service.load(.init(try Self.pathID(context)))))
        }
        for step in [ExtendedLearning.Transition.approve, .consent, .complete] {
            router.post("/api/v1/elos/{id}/\(step.rawValue)") { request, context in
                let service = ExtendedLearningService(services: services, user: try context.requireUser())
                let id = ExtendedLearning.ID(try Self.pathID(context))
                _ = try await service.load(
                    id, for: step == .consent ? .consentLearningOpportunity : .superviseLearningOpportunity)
                let credit = step == .complete ? try await decodeBody(ELOComplete.self, request).credit : nil
                return APIResponse.json(ELOItem(try await service.take(step, on: id, credit: credit)))
            }
        }
        router.post("/api/v1/elos/{id}/hours") { request, context in
            let service = ExtendedLearningService(services: services, user: try context.requireUser())
            let id = ExtendedLearning.ID(try Self.pathID(context))
            _ = try await service.load(id, for: .logLearningHours)
            let body = try await decodeBody(ELOHours.self, request)
            try InputRules.check(body.note, field: "note")
            try await service.logHours(body.hours, day: body.day, note: body.note, on: id)
            return APIResponse.json(ELOItem(try await service.load(id)), status: .created)
        }
        router.post("/api/v1/elos/{id}/mentors") { request, context in
            let service = ExtendedLearningService(services: services, user: try context.requireUser())
            let id = ExtendedLearning.ID(try Self.pathID(context))
            _ = try await service.load(id, for: .superviseLearningOpportunity)
            let body = try await decodeBody(ELOMentor.self, request)
            let (mentor, path) = try await service.inviteMentor(
                givenName: body.givenName, familyName: body.familyName, email: body.email, on: id)
            return APIResponse.json(
                ["mentorId": mentor.id.rawValue, "username": mentor.username ?? "", "invitation": path],
                status: .created)
        }
        router.post("/api/v1/elos/{id}/evidence") { request, context in
            let service = ExtendedLearningService(services: services, user: try context.requireUser())
            let id = ExtendedLearning.ID(try Self.pathID(context))
            _ = try await service.load(id, for: .superviseLearningOpportunity)
            let body = try await decodeBody(ELOScore.self, request)
            try InputRules.checkIdentifier(body.competencyId, field: "competencyId")
            if let comment = body.comment { try InputRules.check(comment, field: "comment") }
            try await service.score(.init(body.competencyId), score: body.score, comment: body.comment, on: id)
            return APIResponse.json(ELOItem(try await service.load(id)), status: .created)
        }
    }

    static func pathID(_ context: AppRequestContext) throws -> String {
        let id = try context.parameters.require("id")
        try InputRules.checkIdentifier(id, field: "id")
        return id
    }
}

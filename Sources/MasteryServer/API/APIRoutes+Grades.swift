import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// `/api/v1/sections/{id}/grades` and `/api/v1/grading-periods`: final grades from mastery under the course's
/// rule, overrides with a reason, closing a period; the same service as the pages.
extension APIRoutes {
    struct RuleBody: Decodable {
        /// A preset drawn on the course's scale, or a whole rule.
        var preset: String?
        var unassessed: String?
        var rule: GradeRule?
    }

    struct OverrideBody: Decodable {
        var studentId: String
        /// The grade given instead; null withdraws the override.
        var grade: String?
        var reason: String
        var periodId: String?
    }

    struct CommentBody: Decodable {
        var studentId: String
        /// Empty clears it.
        var comment: String
        var periodId: String?
    }

    struct CloseBody: Decodable {
        var periodId: String
    }

    struct NewPeriod: Decodable {
        var title: String
        var kind: String?
        var startsOn: String
        var endsOn: String
    }

    func registerGrades(on router: Router<AppRequestContext>) {
        router.get("/api/v1/sections/{id}/grades") { request, context in
            let service = GradingService(services: services, user: try context.requireUser())
            let section = try Self.sectionID(context)
            try await service.require(.viewGradebook, section: section)
            let query = request.uri.queryParameters
            let period = try await SectionGrades.period(query["period"].map(String.init), store: store)
            let asOfText = query["asOf"].map(String.init)
            var proposed: GradeRule?
            if let unassessed = query["unassessed"], GradeRule.Unassessed(rawValue: String(unassessed)) == nil {
                throw AppError.invalid(message: "unassessed: use skip, lowest or incomplete.", field: "unassessed")
            }
            if let preset = query["preset"].map(String.init) {
                let frame = try await SectionFrame.load(section, store: store)
                proposed = try GradingService.rule(
                    preset: preset, unassessed: query["unassessed"].map(String.init), curriculum: frame.curriculum)
            }
            let grades = try await service.grades(
                section: section, period: period, asOf: try SectionGrades.asOf(asOfText), proposed: proposed)
            return APIResponse.json(APIModels.GradesBody(grades, asOfText: asOfText))
        }
        router.put("/api/v1/sections/{id}/grade-rule") { request, context in
            let service = GradingService(services: services, user: try context.requireUser())
            let section = try Self.sectionID(context)
            try await service.require(.gradeSection, section: section)
            let body = try await decodeBody(RuleBody.self, request)
            let rule: GradeRule
            if let given = body.rule {
                try InputRules.check(given.name, field: "rule.name")
                for tier in given.tiers { try InputRules.check(tier.grade, field: "rule.tiers.grade") }
                try given.validate()
                rule = given
            } else if let preset = body.preset {
                let frame = try await SectionFrame.load(section, store: store)
                rule = try GradingService.rule(
                    preset: preset, unassessed: body.unassessed, curriculum: frame.curriculum)
            } else {
                throw AppError.invalid(message: "Give a preset or a rule.", field: "preset")
            }
            try await service.saveRule(rule, section: section)
            let grades = try await service.grades(section: section, period: nil, asOf: nil)
            return APIResponse.json(APIModels.GradesBody(grades, asOfText: nil))
        }
        router.post("/api/v1/sections/{id}/grades/overrides") { request, context in
            let service = GradingService(services: services, user: try context.requireUser())
            let section = try Self.sectionID(context)
            try await service.require(.gradeSection, section: section)
            let body = try await decodeBody(OverrideBody.self, request)
            try InputRules.checkIdentifier(body.studentId, field: "studentId")
            try InputRules.check(body.reason, field: "reason")
            if let grade = body.grade { try InputRules.check(grade, field: "grade") }
            let period = try await SectionGrades.period(body.periodId, store: store)
            try await service.override(
                student: Person.ID(body.studentId), grade: body.grade, reason: body.reason, section: section,
                period: period)
            let grades = try await service.grades(section: section, period: period, asOf: nil)
            return APIResponse.json(APIModels.GradesBody(grades, asOfText: nil), status: .created)
        }
        router.post("/api/v1/sections/{id}/grades/comments") { request, context in
            let service = GradingService(services: services, user: try context.requireUser())
            let section = try Self.sectionID(context)
            try await service.require(.gradeSection, section: section)
            let body = try await decodeBody(CommentBody.self, request)
            try InputRules.checkIdentifier(body.studentId, field: "studentId")
            try InputRules.check(body.comment, field: "comment")
            let period = try await SectionGrades.period(body.periodId, store: store)
            try await service.comment(
                body.comment, student: Person.ID(body.studentId), section: section, period: period)
            let grades = try await service.grades(section: section, period: period, asOf: nil)
            return APIResponse.json(APIModels.GradesBody(grades, asOfText: nil), status: .created)
        }
        router.put("/api/v1/grade-rule") { request, context in
            let user = try context.requireUser()
            // The district: the administrator's own organization when it is one, else its parent.
            guard let own = try await store.organization(user.organizationID) else { throw AppError.forbidden }
            let district = own.kind == .district ? own.id : (own.parentID ?? own.id)
            try await authorizer.require(user, .chooseDistrictGradeRule, organization: district)
            let body = try await decodeBody(RuleBody.self, request)
            guard let rule = body.rule else {
                throw AppError.invalid(
                    message: "Give the rule (a district's rule is written out, not a preset).", field: "rule")
            }
            try InputRules.check(rule.name, field: "rule.name")
            for tier in rule.tiers { try InputRules.check(tier.grade, field: "rule.tiers.grade") }
            try await store.save(rule, course: nil, by: user.id, at: services.clock(), organization: district)
            return APIResponse.json(rule)
        }
        router.post("/api/v1/sections/{id}/grades/close") { request, context in
            let service = GradingService(services: services, user: try context.requireUser())
            let section = try Self.sectionID(context)
            try await service.require(.gradeSection, section: section)
            let body = try await decodeBody(CloseBody.self, request)
            guard let period = try await SectionGrades.period(body.periodId, store: store) else {
                throw AppError.invalid(message: "Name the period to close.", field: "periodId")
            }
            let closure = try await service.close(period: period, section: section)
            return APIResponse.json(
                APIModels.Closure(
                    periodId: closure.periodID.rawValue, sectionId: closure.sectionID.rawValue,
                    closedAt: closure.closedAt, closedBy: closure.closedBy.rawValue), status: .created)
        }
        router.get("/api/v1/grading-periods") { _, context in
            _ = try context.requireUser()
            return APIResponse.json(
                APIModels.PeriodList(periods: try await store.gradingPeriods().map(APIModels.Period.init)))
        }
        router.post("/api/v1/grading-periods") { request, context in
            let user = try context.requireUser()
            try await authorizer.require(user, .manageRoster, organization: user.organizationID)
            let body = try await decodeBody(NewPeriod.self, request)
            try InputRules.check(body.title, field: "title")
            let kind = body.kind ?? "gradingPeriod"
            guard GradingPeriod.kinds.contains(kind) else {
                throw AppError.invalid(
                    message: "kind: use one of \(GradingPeriod.kinds.joined(separator: ", ")).", field: "kind")
            }
            let period = GradingPeriod(
                id: .init(UUID().uuidString.lowercased()), title: body.title.trimmingCharacters(in: .whitespaces),
                kind: kind, startsOn: body.startsOn, endsOn: body.endsOn)
            try await store.add(period, by: user.id, at: services.clock(), organization: user.organizationID)
            return APIResponse.json(APIModels.Period(period), status: .created)
        }
    }

    static func sectionID(_ context: AppRequestContext) throws -> Section.ID {
        let id = try context.parameters.require("id")
        try InputRules.checkIdentifier(id, field: "id")
        return Section.ID(id)
    }
}

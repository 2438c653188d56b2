import Foundation
import MasteryCore

extension APIModels {
    struct NextSteps: Encodable {
        var student: Named
        var generatedAt: Date
        var steps: [NextStep]
        var blocked: [BlockedCompetency]
        var pathways: [PathwayPosition]
    }

    struct NextStep: Encodable {
        var competencyId: String
        var code: String
        var title: String
        /// The reasons as one sentence-per-reason text.
        var reason: String
        var reasons: [String]
        var pathwayId: String?
        /// 1-based.
        var pathwayStep: Int?
        var targetDate: Date?
        var overdue: Bool
        var servesGoal: Bool
        var items: [StepItem]

        init(_ step: NextStepAdvisor.Step) {
            competencyId = step.competency.id.rawValue
            code = step.competency.code
            title = step.competency.title
            reason = step.reasons.joined(separator: " ")
            reasons = step.reasons
            pathwayId = step.pathwayID?.rawValue
            pathwayStep = step.pathwayStep.map { $0 + 1 }
            targetDate = step.targetDate
            overdue = step.isOverdue
            servesGoal = step.servesGoal
            items = step.items.map(StepItem.init)
        }
    }

    struct StepItem: Encodable {
        var playlistId: String
        var itemId: String
        var kind: String
        var title: String
        var required: Bool
        var modality: String
        var minutes: Int
        var url: String?
        var status: String?
        var reason: String

        init(_ suggestion: NextStepAdvisor.Suggestion) {
            playlistId = suggestion.playlistID.rawValue
            itemId = suggestion.item.id.rawValue
            kind = suggestion.item.kind.rawValue
            title = suggestion.item.title
            required = suggestion.item.isRequired
            modality = suggestion.item.modality.rawValue
            minutes = suggestion.item.minutes
            url = suggestion.item.url
            status = suggestion.status?.rawValue
            reason = suggestion.reason
        }
    }

    struct BlockedCompetency: Encodable {
        var competencyId: String
        var code: String
        var title: String
        var blockedBy: [String]
        var notYetOpen: Bool
    }

    struct PathwayPosition: Encodable {
        var id: String
        var title: String
        var pacing: String
        /// The 0-based index of the first step not done (the current step).
        var position: Int
        /// Steps done, in any order.
        var completed: Int
        var steps: Int
        var expected: Int
        var pace: String
    }
}

import Foundation
import MasteryCore

/// An evidence event to append: new evidence, a correction or an exclusion.
public struct EvidenceDraft: Hashable, Sendable {
    public var action: EvidenceEvent.Action
    public var studentID: Person.ID
    public var competencyID: Competency.ID
    public var targetID: EvidenceEvent.ID?
    public var score: Double?
    public var observedAt: Date?
    public var source: EvidenceSource
    public var sectionID: Section.ID?
    public var taskID: PerformanceTask.ID?
    public var criterionID: RubricCriterion.ID?
    public var comment: String?
    public var reason: String?

    /// New evidence. `observedAt` defaults to the time it is recorded.
    public static func record(
        student: Person.ID, competency: Competency.ID, score: Double?, observedAt: Date? = nil,
        source: EvidenceSource = .manual, section: Section.ID? = nil, task: PerformanceTask.ID? = nil,
        criterion: RubricCriterion.ID? = nil, comment: String? = nil
    ) -> EvidenceDraft {
        EvidenceDraft(
            action: .record, studentID: student, competencyID: competency, targetID: nil, score: score,
            observedAt: observedAt, source: source, sectionID: section, taskID: task, criterionID: criterion,
            comment: comment, reason: nil)
    }

    /// A correction of `target`'s score.
    public static func supersede(
        _ target: EvidenceEvent.ID, student: Person.ID, competency: Competency.ID, score: Double?, reason: String,
        comment: String? = nil
    ) -> EvidenceDraft {
        EvidenceDraft(
            action: .supersede, studentID: student, competencyID: competency, targetID: target, score: score,
            observedAt: nil, source: .manual, sectionID: nil, taskID: nil, criterionID: nil, comment: comment,
            reason: reason)
    }

    /// Takes `target` out of the calculation.
    public static func exclude(
        _ target: EvidenceEvent.ID, student: Person.ID, competency: Competency.ID, reason: String
    )
        -> EvidenceDraft
    {
        EvidenceDraft(
            action: .exclude, studentID: student, competencyID: competency, targetID: target, score: nil,
            observedAt: nil, source: .manual, sectionID: nil, taskID: nil, criterionID: nil, comment: nil,
            reason: reason)
    }
}

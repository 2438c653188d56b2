import Foundation

/// A piece of evidence as it counts now: a `record` event with its latest correction applied.
public struct Evidence: Identifiable, Hashable, Codable, Sendable {
    /// The id of the original `record` event.
    public var id: EvidenceEvent.ID
    public var sequence: Int64
    public var studentID: Person.ID
    public var competencyID: Competency.ID
    public var score: Double?
    public var observedAt: Date
    public var recordedBy: Person.ID
    public var source: EvidenceSource
    public var sectionID: Section.ID?
    public var taskID: PerformanceTask.ID?
    public var criterionID: RubricCriterion.ID?
    public var comment: String?
    /// The corrections applied, oldest first (empty when the score is as first recorded).
    public var corrections: [EvidenceEvent.ID]

    public var observation: ScoredObservation {
        ScoredObservation(evidenceID: id.rawValue, observedAt: observedAt, score: score)
    }
}

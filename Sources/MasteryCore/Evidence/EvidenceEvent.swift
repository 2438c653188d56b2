import Foundation

/// One entry of the append-only evidence log of a student on a competency.
///
/// Evidence is never changed or deleted: a correction is a `supersede` event that replaces an earlier
/// record's score, an exclusion is an `exclude` event. `EvidenceLedger` folds the events into the evidence
/// that counts.
public struct EvidenceEvent: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<EvidenceEvent>

    public enum Action: String, Codable, Sendable, CaseIterable {
        /// New evidence.
        case record
        /// A correction of the record `targetID`: its score (and comment) are replaced.
        case supersede
        /// The record `targetID` no longer counts.
        case exclude
    }

    public var id: ID
    /// The order in which events were recorded; assigned by the store, strictly increasing.
    public var sequence: Int64
    public var action: Action
    public var studentID: Person.ID
    public var competencyID: Competency.ID
    /// For `supersede` and `exclude`: the `record` event they act on.
    public var targetID: ID?
    /// The score on the framework's scale; `nil` for a result without a score (and for `exclude`).
    public var score: Double?
    /// When the learning was shown (orders evidence for the calculation).
    public var observedAt: Date
    /// When the event was written.
    public var recordedAt: Date
    public var recordedBy: Person.ID
    public var source: EvidenceSource
    public var sectionID: Section.ID?
    public var taskID: PerformanceTask.ID?
    public var criterionID: RubricCriterion.ID?
    public var comment: String?
    /// Why a correction or an exclusion was made.
    public var reason: String?

    public init(
        id: ID, sequence: Int64, action: Action, studentID: Person.ID, competencyID: Competency.ID,
        targetID: ID? = nil, score: Double?, observedAt: Date, recordedAt: Date, recordedBy: Person.ID,
        source: EvidenceSource, sectionID: Section.ID? = nil, taskID: PerformanceTask.ID? = nil,
        criterionID: RubricCriterion.ID? = nil, comment: String? = nil, reason: String? = nil
    ) {
        self.id = id
        self.sequence = sequence
        self.action = action
        self.studentID = studentID
        self.competencyID = competencyID
        self.targetID = targetID
        self.score = score
        self.observedAt = observedAt
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.source = source
        self.sectionID = sectionID
        self.taskID = taskID
        self.criterionID = criterionID
        self.comment = comment
        self.reason = reason
    }
}

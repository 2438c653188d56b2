import Foundation

/// The cached mastery of one student on one competency: a pure function of the evidence and the policy.
/// It is updated in the same transaction as the evidence that changes it, and `masterly recompute` rebuilds
/// it from the evidence with identical results.
public struct MasteryRecord: Hashable, Codable, Sendable {
    public var studentID: Person.ID
    public var competencyID: Competency.ID
    public var status: MasteryStatus
    /// Full precision; `nil` when there is not enough evidence yet.
    public var value: Double?
    public var levelValue: Double?
    public var mastered: Bool
    /// Scored pieces of evidence that counted.
    public var evidenceCount: Int
    public var lastObservedAt: Date?
    /// The method and parameter it was computed with ("decaying-average 65").
    public var method: String

    public init(
        studentID: Person.ID, competencyID: Competency.ID, status: MasteryStatus, value: Double?,
        levelValue: Double?, mastered: Bool, evidenceCount: Int, lastObservedAt: Date?, method: String
    ) {
        self.studentID = studentID
        self.competencyID = competencyID
        self.status = status
        self.value = value
        self.levelValue = levelValue
        self.mastered = mastered
        self.evidenceCount = evidenceCount
        self.lastObservedAt = lastObservedAt
        self.method = method
    }

    /// Whether two records say the same thing (what `recompute` counts as a change). Times are compared to the
    /// millisecond: a time read back from the database may differ from the one written in the last bit.
    public func sameResult(as other: MasteryRecord) -> Bool {
        let sameTime: Bool
        switch (lastObservedAt, other.lastObservedAt) {
        case (nil, nil): sameTime = true
        case (let a?, let b?): sameTime = abs(a.timeIntervalSince1970 - b.timeIntervalSince1970) < 0.001
        default: sameTime = false
        }
        return status == other.status && value == other.value && levelValue == other.levelValue
            && mastered == other.mastered && evidenceCount == other.evidenceCount && sameTime && method == other.method
    }
}

import Foundation

/// A student's goal: reach a target level on one or more competencies by a date. Progress follows the
/// mastery records by itself; the state is worked out (met, missed) rather than set, except withdrawing.
public struct Goal: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Goal>

    public enum State: String, Codable, Sendable {
        case active, met, missed, withdrawn

        public var label: String {
            switch self {
            case .active: "In progress"
            case .met: "Met"
            case .missed: "Missed"
            case .withdrawn: "Withdrawn"
            }
        }
    }

    public var id: ID
    public var studentID: Person.ID
    public var title: String
    /// Why it matters, how it will be measured, the plan (the SMART prompts), in the student's words.
    public var why: String
    public var plan: String
    public var competencyIDs: [Competency.ID]
    public var targetLevel: Double
    public var targetDate: Date?
    public var withdrawn: Bool
    public var createdAt: Date
    public var createdBy: Person.ID

    public init(
        id: ID, studentID: Person.ID, title: String, why: String = "", plan: String = "",
        competencyIDs: [Competency.ID], targetLevel: Double, targetDate: Date?, withdrawn: Bool = false,
        createdAt: Date, createdBy: Person.ID
    ) {
        self.id = id
        self.studentID = studentID
        self.title = title
        self.why = why
        self.plan = plan
        self.competencyIDs = competencyIDs
        self.targetLevel = targetLevel
        self.targetDate = targetDate
        self.withdrawn = withdrawn
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    /// Each competency's current level value against the target (nil: not enough evidence yet).
    public func progress(records: [Competency.ID: MasteryRecord]) -> [(competency: Competency.ID, value: Double?)] {
        competencyIDs.map { ($0, records[$0]?.levelValue ?? records[$0]?.value) }
    }

    /// How far along the goal is, from 0 to 1: the mean of each competency's value over the target, capped.
    public func fraction(records: [Competency.ID: MasteryRecord]) -> Double {
        let parts = progress(records: records).map { min(1, max(0, ($0.value ?? 0) / max(targetLevel, 0.0001))) }
        return parts.isEmpty ? 0 : parts.reduce(0, +) / Double(parts.count)
    }

    public func state(records: [Competency.ID: MasteryRecord], at now: Date) -> State {
        if withdrawn { return .withdrawn }
        let reached = progress(records: records).allSatisfy { ($0.value ?? -1) >= targetLevel }
        if reached && !competencyIDs.isEmpty { return .met }
        if let targetDate, targetDate < now { return .missed }
        return .active
    }
}

/// A dated note on a goal: the student's check-in, or a teacher's or advisor's comment.
public struct GoalNote: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable { case checkIn = "check-in", comment }

    public var goalID: Goal.ID
    public var kind: Kind
    public var text: String
    public var authorID: Person.ID
    public var at: Date

    public init(goalID: Goal.ID, kind: Kind, text: String, authorID: Person.ID, at: Date) {
        self.goalID = goalID
        self.kind = kind
        self.text = text
        self.authorID = authorID
        self.at = at
    }
}

import Foundation

/// A personalized learning plan: goals in three arenas with action steps, the pace and path the student
/// chose, and a sign-off workflow — draft → in review → active → complete. A plan becomes active once the
/// student, an advisor (one of their teachers) and a guardian have acknowledged it; a completed plan keeps a
/// frozen copy of the mastery it was based on.
public struct LearningPlan: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<LearningPlan>

    public enum Status: String, Codable, Sendable, CaseIterable {
        case draft
        case inReview = "in-review"
        case active, complete

        public var label: String {
            switch self {
            case .draft: "Draft"
            case .inReview: "In review"
            case .active: "Active"
            case .complete: "Complete"
            }
        }
    }

    public enum Arena: String, Codable, Sendable, CaseIterable {
        case academic
        case socialEmotional = "social-emotional"
        case collegeCareer = "college-career"

        public var label: String {
            switch self {
            case .academic: "Academic"
            case .socialEmotional: "Social-emotional and physical"
            case .collegeCareer: "College and career"
            }
        }
    }

    public struct PlanGoal: Hashable, Codable, Sendable {
        public var arena: Arena
        public var text: String
        public var actionSteps: [String]

        public init(arena: Arena, text: String, actionSteps: [String]) {
            self.arena = arena
            self.text = text
            self.actionSteps = actionSteps
        }
    }

    /// Who signs a plan off.
    public enum Signer: String, Codable, Sendable, CaseIterable {
        case student, advisor, guardian

        public var label: String {
            switch self {
            case .student: "Student"
            case .advisor: "Advisor"
            case .guardian: "Guardian"
            }
        }
    }

    public struct Acknowledgement: Hashable, Codable, Sendable {
        public var signer: Signer
        public var personID: Person.ID
        public var at: Date

        public init(signer: Signer, personID: Person.ID, at: Date) {
            self.signer = signer
            self.personID = personID
            self.at = at
        }
    }

    /// One competency's mastery when the plan was completed.
    public struct FrozenMastery: Hashable, Codable, Sendable {
        public var competencyID: Competency.ID
        public var code: String
        public var title: String
        public var value: Double?
        public var level: String
        public var mastered: Bool

        public init(
            competencyID: Competency.ID, code: String, title: String, value: Double?, level: String, mastered: Bool
        ) {
            self.competencyID = competencyID
            self.code = code
            self.title = title
            self.value = value
            self.level = level
            self.mastered = mastered
        }
    }

    public var id: ID
    public var studentID: Person.ID
    public var title: String
    public var pace: String
    public var path: String
    public var goals: [PlanGoal]
    public var status: Status
    public var acknowledgements: [Acknowledgement]
    public var frozenMastery: [FrozenMastery]?
    public var updatedAt: Date

    public init(
        id: ID, studentID: Person.ID, title: String, pace: String = "", path: String = "", goals: [PlanGoal] = [],
        status: Status = .draft, acknowledgements: [Acknowledgement] = [], frozenMastery: [FrozenMastery]? = nil,
        updatedAt: Date
    ) {
        self.id = id
        self.studentID = studentID
        self.title = title
        self.pace = pace
        self.path = path
        self.goals = goals
        self.status = status
        self.acknowledgements = acknowledgements
        self.frozenMastery = frozenMastery
        self.updatedAt = updatedAt
    }

    public func acknowledged(by signer: Signer) -> Acknowledgement? {
        acknowledgements.first { $0.signer == signer }
    }

    /// Why the plan cannot move to `next` (nil when it can).
    public func refusal(toMoveTo next: Status) -> String? {
        switch (status, next) {
        case (.draft, .inReview):
            return goals.isEmpty ? "Add at least one goal before sending the plan for review." : nil
        case (.inReview, .draft):
            return nil
        case (.inReview, .active):
            let missing = Signer.allCases.filter { acknowledged(by: $0) == nil }
            return missing.isEmpty
                ? nil
                : "The plan needs the acknowledgement of the \(missing.map { $0.label.lowercased() }.joined(separator: ", ")) first."
        case (.active, .complete):
            return nil
        default:
            return "A \(status.label.lowercased()) plan cannot become \(next.label.lowercased())."
        }
    }

    /// Moves the plan on (`mastery` is frozen into a completed plan); throws the refusal.
    public mutating func move(to next: Status, at now: Date, mastery: [FrozenMastery] = []) throws(MasteryCoreError) {
        if let refusal = refusal(toMoveTo: next) { throw MasteryCoreError.notAllowed(refusal) }
        if next == .draft { acknowledgements = [] }
        if next == .complete { frozenMastery = mastery }
        status = next
        updatedAt = now
    }

    /// Only drafts (and plans sent back to draft) are edited; an edit in review sends the plan back.
    public var isEditable: Bool { status == .draft || status == .inReview }
}

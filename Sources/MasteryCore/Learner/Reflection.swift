import Foundation

/// A student's reflection after feedback: what went well, what they will try next, in their journal. It may
/// be attached to a piece of evidence or a goal. Private reflections are seen by the student and their
/// teachers only; shared ones also by their family.
public struct Reflection: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Reflection>

    public enum Visibility: String, Codable, Sendable, CaseIterable {
        case teacherAndMe = "teacher-and-me"
        case shared

        public var label: String {
            switch self {
            case .teacherAndMe: "Only my teachers and me"
            case .shared: "Also my family"
            }
        }
    }

    public var id: ID
    public var studentID: Person.ID
    public var wentWell: String
    public var tryNext: String
    public var evidenceID: EvidenceEvent.ID?
    public var goalID: Goal.ID?
    public var competencyID: Competency.ID?
    public var visibility: Visibility
    public var at: Date

    public init(
        id: ID, studentID: Person.ID, wentWell: String, tryNext: String, evidenceID: EvidenceEvent.ID? = nil,
        goalID: Goal.ID? = nil, competencyID: Competency.ID? = nil, visibility: Visibility, at: Date
    ) {
        self.id = id
        self.studentID = studentID
        self.wentWell = wentWell
        self.tryNext = tryNext
        self.evidenceID = evidenceID
        self.goalID = goalID
        self.competencyID = competencyID
        self.visibility = visibility
        self.at = at
    }
}

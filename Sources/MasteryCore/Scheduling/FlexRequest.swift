import Foundation

/// A teacher asks for some of their students in a session of a flex day ("I need these five for a reteach on
/// RP.2"): required (the solver must place them) or requested (it weighs the wish above students' own choices).
public struct FlexRequest: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<FlexRequest>

    /// How much the teacher needs it; decides between two teachers requiring one student at the same time.
    public enum Priority: Int, Codable, Sendable, CaseIterable, Comparable {
        case low = 1, normal = 2, high = 3

        public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var id: ID
    public var dayID: FlexDay.ID
    public var sessionID: String
    public var teacherID: Person.ID
    public var studentIDs: [Person.ID]
    public var required: Bool
    public var priority: Priority
    public var reason: String
    public var createdAt: Date

    public init(
        id: ID, dayID: FlexDay.ID, sessionID: String, teacherID: Person.ID, studentIDs: [Person.ID], required: Bool,
        priority: Priority = .normal, reason: String, createdAt: Date
    ) {
        self.id = id
        self.dayID = dayID
        self.sessionID = sessionID
        self.teacherID = teacherID
        self.studentIDs = studentIDs
        self.required = required
        self.priority = priority
        self.reason = reason
        self.createdAt = createdAt
    }

    /// Which of two requests wins a student both require at once: the higher priority, then the earlier one.
    public func outranks(_ other: FlexRequest) -> Bool {
        if priority != other.priority { return priority > other.priority }
        if createdAt != other.createdAt { return createdAt < other.createdAt }
        return id.rawValue < other.id.rawValue
    }
}

/// A student's ranked picks among a draft day's sessions, best first.
public struct FlexChoice: Hashable, Codable, Sendable {
    public var dayID: FlexDay.ID
    public var studentID: Person.ID
    public var sessionIDs: [String]

    /// At most this many picks count.
    public static let limit = 3

    public init(dayID: FlexDay.ID, studentID: Person.ID, sessionIDs: [String]) {
        self.dayID = dayID
        self.studentID = studentID
        self.sessionIDs = sessionIDs
    }
}

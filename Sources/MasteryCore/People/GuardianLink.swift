/// A guardian's link to a student they may follow.
public struct GuardianLink: Hashable, Codable, Sendable {
    public var guardianID: Person.ID
    public var studentID: Person.ID

    public init(guardianID: Person.ID, studentID: Person.ID) {
        self.guardianID = guardianID
        self.studentID = studentID
    }
}

/// What a person is in a school. A person has exactly one role.
public enum Role: String, CaseIterable, Codable, Sendable {
    case admin, coach, teacher, student, guardian

    /// Staff can be granted access to students' records through their school.
    public var isStaff: Bool { self == .admin || self == .coach || self == .teacher }

    public var displayName: String {
        switch self {
        case .admin: "Administrator"
        case .coach: "Instructional coach"
        case .teacher: "Teacher"
        case .student: "Student"
        case .guardian: "Guardian"
        }
    }
}

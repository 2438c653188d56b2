/// What a person is in a school. A person has exactly one role.
public enum Role: String, CaseIterable, Codable, Sendable {
    case admin, coach, teacher, student, guardian
    /// Someone from outside the school who mentors one student's extended learning opportunity: they see that
    /// opportunity and log hours and observations on it, nothing else.
    case mentor

    /// Staff can be granted access to students' records through their school.
    public var isStaff: Bool { self == .admin || self == .coach || self == .teacher }

    public var displayName: String {
        switch self {
        case .admin: "Administrator"
        case .coach: "Instructional coach"
        case .teacher: "Teacher"
        case .student: "Student"
        case .guardian: "Guardian"
        case .mentor: "Mentor"
        }
    }
}

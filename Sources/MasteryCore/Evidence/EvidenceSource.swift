/// Where a piece of evidence came from.
public enum EvidenceSource: String, Codable, Sendable, CaseIterable {
    /// A rubric criterion of a performance task.
    case rubric
    /// A quick check or exit ticket scored for a whole class.
    case quickCheck = "quick-check"
    /// A teacher's observation or conference note.
    case observation
    /// Entered one at a time (the API, a form).
    case manual
    /// Brought in from another system (xAPI, a gradebook import, a backpack).
    case imported
    /// A playlist checkpoint the student handed in and the teacher scored.
    case checkpoint
    /// Recorded by a flex session's teacher at attendance.
    case flexSession = "flex-session"
    /// Scored by the teacher on an extended learning opportunity (an internship, an online course, …).
    case extendedLearning = "elo"

    public var displayName: String {
        switch self {
        case .rubric: "Rubric"
        case .quickCheck: "Quick check"
        case .observation: "Observation"
        case .manual: "Entry"
        case .imported: "Imported"
        case .checkpoint: "Checkpoint"
        case .flexSession: "Flex session"
        case .extendedLearning: "Learning beyond school"
        }
    }
}

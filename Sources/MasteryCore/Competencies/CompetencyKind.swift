/// What a competency measures. Reports keep the kinds apart: a grade never mixes academics with habits.
public enum CompetencyKind: String, CaseIterable, Codable, Sendable {
    /// Knowledge and skills of a subject.
    case academic
    /// Habits of work and social-emotional learning (behaviour is reported, never averaged into academics).
    case habit
    /// College and career readiness.
    case career

    public var displayName: String {
        switch self {
        case .academic: "Academic"
        case .habit: "Habits of work & SEL"
        case .career: "College & career"
        }
    }
}

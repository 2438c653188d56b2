import Foundation

/// A grading period closed for one section: the grades as they stood then are kept (`FrozenGrade`) and are what
/// report cards and exports show from then on. A later correction to evidence of that period never changes them;
/// it is flagged for the teacher to review.
public struct PeriodClosure: Hashable, Codable, Sendable {
    public var periodID: GradingPeriod.ID
    public var sectionID: Section.ID
    public var closedAt: Date
    public var closedBy: Person.ID
    /// The rule the grades were given under.
    public var rule: GradeRule

    public init(periodID: GradingPeriod.ID, sectionID: Section.ID, closedAt: Date, closedBy: Person.ID, rule: GradeRule)
    {
        self.periodID = periodID
        self.sectionID = sectionID
        self.closedAt = closedAt
        self.closedBy = closedBy
        self.rule = rule
    }
}

/// One student's grade as it was frozen when a period closed: the computed grade and any override in force.
public struct FrozenGrade: Hashable, Codable, Sendable {
    public var studentID: Person.ID
    public var computed: FinalGrade
    public var override: GradeOverride?

    public init(studentID: Person.ID, computed: FinalGrade, override: GradeOverride?) {
        self.studentID = studentID
        self.computed = computed
        self.override = override
    }

    /// The grade that was sent: the override when there is one.
    public var grade: String? { override?.grade ?? computed.grade }
}

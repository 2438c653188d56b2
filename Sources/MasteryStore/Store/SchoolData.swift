import MasteryCore

/// Everything a school starts with, written in one transaction by `Store.insert(_:)`: the demo school, an
/// import, a test fixture.
public struct SchoolData: Sendable {
    public var organizations: [Organization] = []
    public var people: [Person] = []
    /// Password hashes (bcrypt) by person.
    public var passwordHashes: [Person.ID: String] = [:]
    public var guardianLinks: [GuardianLink] = []
    public var scales: [ProficiencyScale] = []
    public var frameworks: [Framework] = []
    public var strands: [Strand] = []
    public var competencies: [Competency] = []
    public var indicators: [PerformanceIndicator] = []
    public var tasks: [PerformanceTask] = []
    public var courses: [Course] = []
    public var sections: [Section] = []
    public var enrollments: [Enrollment] = []
    public var prerequisites: [CompetencyPrerequisite] = []
    public var pathways: [Pathway] = []
    public var playlists: [Playlist] = []
    /// `record` events only, in the order they should be recorded.
    public var evidence: [EvidenceEvent] = []
    /// Grading periods made by hand (recorded as made by the first administrator).
    public var gradingPeriods: [GradingPeriod] = []

    public init() {}
}

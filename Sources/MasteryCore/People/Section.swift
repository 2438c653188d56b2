/// One class of a course ("Math 6 — Period 2"), taught by one or more teachers.
public struct Section: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Section>

    public var id: ID
    public var courseID: Course.ID
    public var schoolID: Organization.ID
    public var name: String
    public var term: String
    /// Overrides the framework's calculation policy for this section's students, when set.
    public var policyOverride: MasteryPolicy?
    public var sourcedID: String?

    public init(
        id: ID, courseID: Course.ID, schoolID: Organization.ID, name: String, term: String,
        policyOverride: MasteryPolicy? = nil, sourcedID: String? = nil
    ) {
        self.id = id
        self.courseID = courseID
        self.schoolID = schoolID
        self.name = name
        self.term = term
        self.policyOverride = policyOverride
        self.sourcedID = sourcedID
    }
}

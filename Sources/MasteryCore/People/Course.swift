/// A course offered by a school ("Math 6"). Its competencies come from the frameworks it uses.
public struct Course: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Course>

    public var id: ID
    public var schoolID: Organization.ID
    public var code: String
    public var title: String
    public var frameworkIDs: [Framework.ID]
    public var sourcedID: String?
    /// The strands the course keeps of its frameworks; a framework none of whose strands is listed counts whole.
    public var strandIDs: [Strand.ID]

    public init(
        id: ID, schoolID: Organization.ID, code: String, title: String, frameworkIDs: [Framework.ID] = [],
        sourcedID: String? = nil, strandIDs: [Strand.ID] = []
    ) {
        self.strandIDs = strandIDs
        self.id = id
        self.schoolID = schoolID
        self.code = code
        self.title = title
        self.frameworkIDs = frameworkIDs
        self.sourcedID = sourcedID
    }
}

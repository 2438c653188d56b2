/// A course offered by a school ("Math 6"). Its competencies come from the frameworks it uses.
public struct Course: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Course>

    public var id: ID
    public var schoolID: Organization.ID
    public var code: String
    public var title: String
    public var frameworkIDs: [Framework.ID]
    public var sourcedID: String?

    public init(
        id: ID, schoolID: Organization.ID, code: String, title: String, frameworkIDs: [Framework.ID] = [],
        sourcedID: String? = nil
    ) {
        self.id = id
        self.schoolID = schoolID
        self.code = code
        self.title = title
        self.frameworkIDs = frameworkIDs
        self.sourcedID = sourcedID
    }
}

/// A top-level grouping of competencies within a framework ("Geometry", "Writing").
public struct Strand: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Strand>

    public var id: ID
    public var frameworkID: Framework.ID
    public var code: String
    public var title: String
    public var position: Int
    public var sourceIdentifier: String?

    public init(
        id: ID, frameworkID: Framework.ID, code: String, title: String, position: Int,
        sourceIdentifier: String? = nil
    ) {
        self.id = id
        self.frameworkID = frameworkID
        self.code = code
        self.title = title
        self.position = position
        self.sourceIdentifier = sourceIdentifier
    }
}

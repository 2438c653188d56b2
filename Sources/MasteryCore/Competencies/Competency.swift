/// Something a student can show they know or can do. Competencies sit in a strand and may have a parent
/// competency; a parent's level rolls up from its children by the framework's `RollupRule`.
public struct Competency: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Competency>

    public var id: ID
    public var frameworkID: Framework.ID
    public var strandID: Strand.ID
    public var parentID: ID?
    public var code: String
    public var title: String
    public var kind: CompetencyKind
    public var position: Int
    public var sourceIdentifier: String?

    public init(
        id: ID, frameworkID: Framework.ID, strandID: Strand.ID, parentID: ID? = nil, code: String, title: String,
        kind: CompetencyKind, position: Int, sourceIdentifier: String? = nil
    ) {
        self.id = id
        self.frameworkID = frameworkID
        self.strandID = strandID
        self.parentID = parentID
        self.code = code
        self.title = title
        self.kind = kind
        self.position = position
        self.sourceIdentifier = sourceIdentifier
    }
}

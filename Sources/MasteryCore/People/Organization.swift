/// A district or a school. Schools belong to a district.
public struct Organization: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Organization>

    public enum Kind: String, Codable, Sendable, CaseIterable { case district, school }

    public var id: ID
    public var kind: Kind
    public var name: String
    public var parentID: ID?
    public var sourcedID: String?
    /// A school that lets the teachers of a course choose the frameworks (and strands) it assesses.
    public var teachersChooseFrameworks = false

    public init(id: ID, kind: Kind, name: String, parentID: ID? = nil, sourcedID: String? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.parentID = parentID
        self.sourcedID = sourcedID
    }
}

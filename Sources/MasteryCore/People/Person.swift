/// Anyone who uses Masterly or whose learning it records.
public struct Person: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Person>

    public var id: ID
    public var role: Role
    public var givenName: String
    public var familyName: String
    /// The login name; `nil` for people who cannot sign in.
    public var username: String?
    /// The school the person belongs to (for a district administrator: the district).
    public var organizationID: Organization.ID
    /// Grade level of a student ("6", "7", …), if known.
    public var gradeLevel: String?
    public var sourcedID: String?
    /// The language the person chose for their pages (a catalogue code such as "es"); nil until they choose.
    public var language: String?
    /// False once the roster removed the person: they cannot sign in, and their records stay.
    public var isActive: Bool

    public init(
        id: ID, role: Role, givenName: String, familyName: String, username: String? = nil,
        organizationID: Organization.ID, gradeLevel: String? = nil, sourcedID: String? = nil, isActive: Bool = true
    ) {
        self.id = id
        self.role = role
        self.givenName = givenName
        self.familyName = familyName
        self.username = username
        self.organizationID = organizationID
        self.gradeLevel = gradeLevel
        self.sourcedID = sourcedID
        self.isActive = isActive
    }

    public var displayName: String { "\(givenName) \(familyName)" }
    /// "Family, Given", for sorted rosters.
    public var sortName: String { "\(familyName), \(givenName)" }
}

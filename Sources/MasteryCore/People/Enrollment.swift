/// A person's place in a section: as one of its teachers or as a student.
public struct Enrollment: Hashable, Codable, Sendable {
    public enum Role: String, Codable, Sendable, CaseIterable { case teacher, student }

    public var sectionID: Section.ID
    public var personID: Person.ID
    public var role: Role

    public init(sectionID: Section.ID, personID: Person.ID, role: Role) {
        self.sectionID = sectionID
        self.personID = personID
        self.role = role
    }
}

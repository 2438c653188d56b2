import Foundation

/// A roster delivered by a student information system (a OneRoster package, read and validated by
/// `MasteryInterop`): records keyed by the system's `sourcedId`, in Masterly's vocabulary, with how each kind
/// of record was delivered. The store applies it in one transaction, matching records by `sourcedId`.
public struct RosterImport: Sendable {
    /// How one kind of record is delivered: the complete set, only changes, or not at all.
    public enum Mode: String, Sendable { case bulk, delta, absent }

    /// The kinds of record, in the order they are applied.
    public enum Kind: String, Sendable, CaseIterable {
        case organizations, academicSessions, courses, sections, people, enrollments
    }

    /// Where a record came from: its line in the source file, its `sourcedId`, and whether the source marks
    /// it as deleted.
    public struct Origin: Sendable, Hashable {
        public var file: String
        public var line: Int
        public var sourcedID: String
        public var deleted: Bool
        /// When the source last changed the record (OneRoster `dateLastModified`), if it says.
        public var modifiedAt: Date?

        public init(file: String, line: Int, sourcedID: String, deleted: Bool, modifiedAt: Date? = nil) {
            self.file = file
            self.line = line
            self.sourcedID = sourcedID
            self.deleted = deleted
            self.modifiedAt = modifiedAt
        }
    }

    public struct OrganizationRecord: Sendable, Hashable {
        public var origin: Origin
        public var kind: Organization.Kind
        public var name: String
        public var parentSourcedID: String?
        public init(origin: Origin, kind: Organization.Kind, name: String, parentSourcedID: String?) {
            self.origin = origin
            self.kind = kind
            self.name = name
            self.parentSourcedID = parentSourcedID
        }
    }

    public struct AcademicSessionRecord: Sendable, Hashable {
        public var origin: Origin
        public var title: String
        public var type: String
        public var startDate: String
        public var endDate: String
        public var parentSourcedID: String?
        public var schoolYear: String
        public init(
            origin: Origin, title: String, type: String, startDate: String, endDate: String,
            parentSourcedID: String?, schoolYear: String
        ) {
            self.origin = origin
            self.title = title
            self.type = type
            self.startDate = startDate
            self.endDate = endDate
            self.parentSourcedID = parentSourcedID
            self.schoolYear = schoolYear
        }
    }

    public struct CourseRecord: Sendable, Hashable {
        public var origin: Origin
        public var title: String
        public var code: String
        public var schoolSourcedID: String
        public init(origin: Origin, title: String, code: String, schoolSourcedID: String) {
            self.origin = origin
            self.title = title
            self.code = code
            self.schoolSourcedID = schoolSourcedID
        }
    }

    public struct SectionRecord: Sendable, Hashable {
        public var origin: Origin
        public var name: String
        public var courseSourcedID: String
        public var schoolSourcedID: String
        public var termSourcedIDs: [String]
        public init(
            origin: Origin, name: String, courseSourcedID: String, schoolSourcedID: String, termSourcedIDs: [String]
        ) {
            self.origin = origin
            self.name = name
            self.courseSourcedID = courseSourcedID
            self.schoolSourcedID = schoolSourcedID
            self.termSourcedIDs = termSourcedIDs
        }
    }

    public struct PersonRecord: Sendable, Hashable {
        public var origin: Origin
        /// `nil` when the source gives no role Masterly knows (the existing role is kept; a new person is skipped).
        public var role: Role?
        public var active: Bool
        public var username: String?
        public var givenName: String
        public var familyName: String
        public var organizationSourcedID: String?
        public var gradeLevel: String?
        /// Guardians of a student, or children of a guardian.
        public var agentSourcedIDs: [String]
        /// Matches single sign-on identities to the person.
        public var email: String?
        public init(
            origin: Origin, role: Role?, active: Bool, username: String?, givenName: String, familyName: String,
            organizationSourcedID: String?, gradeLevel: String?, agentSourcedIDs: [String], email: String? = nil
        ) {
            self.email = email
            self.origin = origin
            self.role = role
            self.active = active
            self.username = username
            self.givenName = givenName
            self.familyName = familyName
            self.organizationSourcedID = organizationSourcedID
            self.gradeLevel = gradeLevel
            self.agentSourcedIDs = agentSourcedIDs
        }
    }

    public struct EnrollmentRecord: Sendable, Hashable {
        public var origin: Origin
        public var sectionSourcedID: String
        public var personSourcedID: String
        /// `nil` for memberships Masterly does not keep (OneRoster `administrator`).
        public var role: Enrollment.Role?
        public init(origin: Origin, sectionSourcedID: String, personSourcedID: String, role: Enrollment.Role?) {
            self.origin = origin
            self.sectionSourcedID = sectionSourcedID
            self.personSourcedID = personSourcedID
            self.role = role
        }
    }

    /// A label for the source ("OneRoster 1.1 from SIS-NAME").
    public var source: String
    public var modes: [Kind: Mode]
    public var organizations: [OrganizationRecord] = []
    public var academicSessions: [AcademicSessionRecord] = []
    public var courses: [CourseRecord] = []
    public var sections: [SectionRecord] = []
    public var people: [PersonRecord] = []
    public var enrollments: [EnrollmentRecord] = []

    public init(source: String, modes: [Kind: Mode]) {
        self.source = source
        self.modes = modes
    }

    public func mode(_ kind: Kind) -> Mode { modes[kind] ?? .absent }

    /// Where each record of a kind came from.
    public func origins(_ kind: Kind) -> [Origin] {
        switch kind {
        case .organizations: organizations.map(\.origin)
        case .academicSessions: academicSessions.map(\.origin)
        case .courses: courses.map(\.origin)
        case .sections: sections.map(\.origin)
        case .people: people.map(\.origin)
        case .enrollments: enrollments.map(\.origin)
        }
    }
}

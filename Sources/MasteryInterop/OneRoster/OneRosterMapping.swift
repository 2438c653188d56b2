import MasteryCore

/// The Masterly meaning of OneRoster vocabularies.
public enum OneRosterMapping {
    /// A person's Masterly role for a OneRoster user role (`nil` for `ext:` roles, which are not imported).
    public static func role(_ oneRosterRole: String) -> Role? {
        switch oneRosterRole {
        case "student": .student
        case "teacher", "aide", "proctor": .teacher
        case "administrator", "principal", "siteAdministrator", "districtAdministrator", "systemAdministrator":
            .admin
        case "counselor": .coach
        case "parent", "guardian", "relative": .guardian
        default: nil
        }
    }

    /// A section membership for an enrollment role (`nil` for `administrator`, which is not one).
    public static func enrollmentRole(_ oneRosterRole: String) -> Enrollment.Role? {
        switch oneRosterRole {
        case "student": .student
        case "teacher", "proctor": .teacher
        default: nil
        }
    }

    /// Schools are schools (and departments, which classes use as schools); every other org is a district.
    public static func organizationKind(_ type: String) -> Organization.Kind {
        type == "school" || type == "department" ? .school : .district
    }

    /// The Masterly kind of record a OneRoster file holds.
    static func kind(_ entity: OneRosterEntity) -> RosterImport.Kind? {
        switch entity {
        case .orgs: .organizations
        case .academicSessions: .academicSessions
        case .courses: .courses
        case .classes: .sections
        case .users: .people
        case .roles: nil
        case .enrollments: .enrollments
        }
    }
}

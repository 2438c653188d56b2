/// The files and columns of OneRoster 1.1 and 1.2 CSV that Masterly reads, with their types.
enum OneRosterSchema {
    enum ValueType: Equatable {
        case id, status, dateTime, date, year, text, bool, list, userIDs
        case enumeration([String])
        case reference(OneRosterEntity)
        case references(OneRosterEntity)
        /// A reference into a file Masterly does not read (not checked).
        case foreignReference
    }

    struct Column {
        var name: String
        var required: Bool
        var type: ValueType
        init(_ name: String, _ required: Bool, _ type: ValueType) {
            self.name = name
            self.required = required
            self.type = type
        }
    }

    static let statuses = ["active", "tobedeleted"]
    static let orgTypes = ["department", "district", "local", "national", "school", "state"]
    static let sessionTypes = ["gradingPeriod", "semester", "schoolYear", "term"]
    static let classTypes = ["homeroom", "scheduled"]
    static let enrollmentRoles = ["administrator", "proctor", "student", "teacher"]
    static let userRoles11 = [
        "administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher",
    ]
    static let userRoles12 = [
        "aide", "counselor", "districtAdministrator", "guardian", "parent", "principal", "proctor", "relative",
        "siteAdministrator", "student", "systemAdministrator", "teacher",
    ]

    static let common = [
        Column("sourcedId", true, .id), Column("status", false, .status), Column("dateLastModified", false, .dateTime),
    ]

    static func columns(_ entity: OneRosterEntity, version: String) -> [Column] {
        switch entity {
        case .orgs:
            common + [
                Column("name", true, .text), Column("type", true, .enumeration(orgTypes)),
                Column("identifier", false, .text), Column("parentSourcedId", false, .reference(.orgs)),
            ]
        case .academicSessions:
            common + [
                Column("title", true, .text), Column("type", true, .enumeration(sessionTypes)),
                Column("startDate", true, .date), Column("endDate", true, .date),
                Column("parentSourcedId", false, .reference(.academicSessions)), Column("schoolYear", true, .year),
            ]
        case .courses:
            common + [
                Column("schoolYearSourcedId", false, .reference(.academicSessions)), Column("title", true, .text),
                Column("courseCode", false, .text), Column("grades", false, .list),
                Column("orgSourcedId", true, .reference(.orgs)), Column("subjects", false, .list),
                Column("subjectCodes", false, .list),
            ]
        case .classes:
            common + [
                Column("title", true, .text), Column("grades", false, .list),
                Column("courseSourcedId", true, .reference(.courses)), Column("classCode", false, .text),
                Column("classType", true, .enumeration(classTypes)), Column("location", false, .text),
                Column("schoolSourcedId", true, .reference(.orgs)),
                Column("termSourcedIds", true, .references(.academicSessions)), Column("subjects", false, .list),
                Column("subjectCodes", false, .list), Column("periods", false, .list),
            ]
        case .users:
            version == "1.2"
                ? common + [
                    Column("enabledUser", true, .bool), Column("username", false, .text),
                    Column("userIds", false, .userIDs), Column("givenName", true, .text),
                    Column("familyName", true, .text), Column("middleName", false, .text),
                    Column("identifier", false, .text), Column("email", false, .text), Column("sms", false, .text),
                    Column("phone", false, .text), Column("agentSourcedIds", false, .references(.users)),
                    Column("grades", false, .list), Column("password", false, .text),
                    Column("userMasterIdentifier", false, .text), Column("preferredGivenName", false, .text),
                    Column("preferredMiddleName", false, .text), Column("preferredFamilyName", false, .text),
                    Column("primaryOrgSourcedId", false, .reference(.orgs)), Column("pronouns", false, .text),
                ]
                : common + [
                    Column("enabledUser", true, .bool), Column("orgSourcedIds", true, .references(.orgs)),
                    Column("role", true, .enumeration(userRoles11)), Column("username", true, .text),
                    Column("userIds", false, .userIDs), Column("givenName", true, .text),
                    Column("familyName", true, .text), Column("middleName", false, .text),
                    Column("identifier", false, .text), Column("email", false, .text), Column("sms", false, .text),
                    Column("phone", false, .text), Column("agentSourcedIds", false, .references(.users)),
                    Column("grades", false, .list), Column("password", false, .text),
                ]
        case .roles:
            common + [
                Column("userSourcedId", true, .reference(.users)),
                Column("roleType", true, .enumeration(["primary", "secondary"])),
                Column("role", true, .enumeration(userRoles12)), Column("beginDate", false, .date),
                Column("endDate", false, .date), Column("orgSourcedId", true, .reference(.orgs)),
                Column("userProfileSourcedId", false, .foreignReference),
            ]
        case .enrollments:
            common + [
                Column("classSourcedId", true, .reference(.classes)),
                Column("schoolSourcedId", true, .reference(.orgs)),
                Column("userSourcedId", true, .reference(.users)), Column("role", true, .enumeration(enrollmentRoles)),
                Column("primary", false, .bool), Column("beginDate", false, .date), Column("endDate", false, .date),
            ]
        }
    }

    /// References whose target may be missing without harm to the import (still an error, but named).
    static let optionalReferences: Set<String> = [
        "orgs.parentSourcedId", "academicSessions.parentSourcedId", "users.agentSourcedIds",
        "courses.schoolYearSourcedId", "users.primaryOrgSourcedId",
    ]

    static let files11 = [
        "academicSessions", "categories", "classes", "classResources", "courses", "courseResources", "demographics",
        "enrollments", "lineItems", "orgs", "resources", "results", "users",
    ]
    static let files12 =
        files11 + [
            "roles", "userProfiles", "userResources", "scoreScales", "lineItemLearningObjectiveIds",
            "lineItemScoreScales", "resultLearningObjectiveIds", "resultScoreScales",
        ]
    static let manifestKeys = ["manifest.version", "oneroster.version", "source.systemName", "source.systemCode"]

    /// OneRoster 1.0 names and frequent misspellings, with the standard name.
    static let aliases = [
        "grade": "grades", "schoolYearId": "schoolYearSourcedId", "userId": "userIds", "agents": "agentSourcedIds",
        "dataLastModified": "dateLastModified", "prefferedGivenName": "preferredGivenName",
        "prefferedMiddleName": "preferredMiddleName", "prefferedFamilyName": "preferredFamilyName",
    ]
}

/// The OneRoster files Masterly imports, in the order they are applied.
public enum OneRosterEntity: String, CaseIterable, Sendable, Hashable {
    case orgs, academicSessions, courses, classes, users, roles, enrollments

    public var fileName: String { rawValue + ".csv" }

    /// What one record is called in messages.
    var noun: String {
        switch self {
        case .orgs: "org"
        case .academicSessions: "academic session"
        case .courses: "course"
        case .classes: "class"
        case .users: "user"
        case .roles: "role"
        case .enrollments: "enrollment"
        }
    }
}

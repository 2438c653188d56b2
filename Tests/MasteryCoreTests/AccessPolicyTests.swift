import MasteryCore
import Testing

/// The whole authorization table: every role × relation × action. Anything not listed in `allowed` must be
/// denied; each line of `allowed` is a deliberate decision.
@Suite("Access policy: role × relation × action")
struct AccessPolicyTests {
    typealias R = Access.Relation
    typealias A = Access.Action

    static let allowed: Set<String> = [
        // A student's record: the student, their guardians, their teachers, the school's coach and admins.
        "student/itself/viewStudentRecord", "guardian/guardian/viewStudentRecord", "teacher/teacher/viewStudentRecord",
        "coach/sameSchool/viewStudentRecord", "admin/sameSchool/viewStudentRecord",
        "admin/sameDistrict/viewStudentRecord",
        // The backpack: the student, their guardians (without the private parts), their current teachers, and
        // administrators who move it to another school.
        "student/itself/viewBackpack", "guardian/guardian/viewBackpack", "teacher/teacher/viewBackpack",
        "admin/sameSchool/viewBackpack",
        "admin/sameDistrict/viewBackpack",
        // Evidence: only the student's own teachers write or correct it.
        "teacher/teacher/recordEvidence", "teacher/teacher/correctEvidence",
        // A section: who teaches it, who is in it, their guardians, the school's coach and admins.
        "teacher/teacher/viewSection", "student/enrolled/viewSection", "guardian/guardian/viewSection",
        "coach/sameSchool/viewSection", "admin/sameSchool/viewSection", "admin/sameDistrict/viewSection",
        // The gradebook shows every student of a section: staff only.
        "teacher/teacher/viewGradebook", "coach/sameSchool/viewGradebook", "admin/sameSchool/viewGradebook",
        "admin/sameDistrict/viewGradebook",
        "teacher/teacher/manageSection", "admin/sameSchool/manageSection", "admin/sameDistrict/manageSection",
        // A student's learning work (playlist progress): the student, and their teachers on their behalf.
        "student/itself/workOnLearning", "teacher/teacher/workOnLearning",
        // A learning plan is signed off by the student, an advisor (their teacher) and a guardian.
        "student/itself/acknowledgePlan", "teacher/teacher/acknowledgePlan", "guardian/guardian/acknowledgePlan",
        "student/itself/editLearnerProfile", "teacher/teacher/editLearnerProfile",
        "teacher/teacher/viewSensitiveProfile", "admin/sameSchool/viewSensitiveProfile",
        // Frameworks are the school's curriculum: readable by everyone in it.
        "admin/sameSchool/viewFrameworks", "admin/sameDistrict/viewFrameworks", "coach/sameSchool/viewFrameworks",
        "coach/sameDistrict/viewFrameworks", "teacher/sameSchool/viewFrameworks", "teacher/sameDistrict/viewFrameworks",
        "student/sameSchool/viewFrameworks", "student/sameDistrict/viewFrameworks",
        "guardian/sameSchool/viewFrameworks", "guardian/sameDistrict/viewFrameworks",
        "teacher/sameSchool/manageFrameworks", "teacher/sameDistrict/manageFrameworks",
        "admin/sameSchool/manageFrameworks", "admin/sameDistrict/manageFrameworks",
        "coach/sameSchool/viewSchool", "admin/sameSchool/viewSchool", "admin/sameDistrict/viewSchool",
        "admin/sameSchool/manageRoster", "admin/sameDistrict/manageRoster",
        "admin/sameSchool/viewAuditLog", "admin/sameDistrict/viewAuditLog",
        // Reflections kept for "only my teachers and me": the student and their teachers, never staff or family.
        // Reflections and conference picks are the student's own words and choices: nobody writes them for them.
        "student/itself/writeStudentVoice",
        // A student's teachers and administrators give the student a link to set a password.
        "teacher/teacher/issueSignInLink", "admin/sameSchool/issueSignInLink", "admin/sameDistrict/issueSignInLink",
        "student/itself/readPrivateReflections", "teacher/teacher/readPrivateReflections",
        // A flex session's teacher records evidence for the students of their school placed with them.
        "teacher/teacher/recordSessionEvidence", "teacher/sameSchool/recordSessionEvidence",
        // Administrators choose what a course assesses (its teachers too where the school lets them: see
        // `teachersChooseFrameworks`).
        "admin/sameSchool/chooseCourseFrameworks", "admin/sameDistrict/chooseCourseFrameworks",
        // One's own settings (the language of one's pages): everyone, for themselves only.
        "student/itself/changeOwnSettings", "guardian/itself/changeOwnSettings", "teacher/itself/changeOwnSettings",
        "coach/itself/changeOwnSettings", "admin/itself/changeOwnSettings", "mentor/itself/changeOwnSettings",
        // Flex days: the school's coach and administrators coordinate; its teachers and students take part (teachers
        // ask for their own students, students rank sessions for themselves).
        "coach/sameSchool/coordinateFlexDays", "admin/sameSchool/coordinateFlexDays",
        "admin/sameDistrict/coordinateFlexDays", "teacher/sameSchool/joinFlexDay", "student/sameSchool/joinFlexDay",
        "teacher/teacher/requestFlexStudents", "student/itself/chooseFlexSessions",
        "teacher/teacher/gradeSection", "admin/sameSchool/gradeSection", "admin/sameDistrict/gradeSection",
        "admin/sameDistrict/chooseDistrictGradeRule",
        // Help for families: read by everyone of the school or district (not mentors); written by its administrators.
        "student/sameSchool/viewFamilyResources", "student/sameDistrict/viewFamilyResources",
        "guardian/sameSchool/viewFamilyResources", "guardian/sameDistrict/viewFamilyResources",
        "teacher/sameSchool/viewFamilyResources", "teacher/sameDistrict/viewFamilyResources",
        "coach/sameSchool/viewFamilyResources", "coach/sameDistrict/viewFamilyResources",
        "admin/sameSchool/viewFamilyResources", "admin/sameDistrict/viewFamilyResources",
        "admin/sameSchool/editFamilyResources", "admin/sameDistrict/editFamilyResources",
        // Extended learning opportunities: the student proposes, their teacher supervises, a guardian consents, the
        // mentor (and the student) log hours; a mentor sees only the opportunity they mentor.
        "student/itself/proposeLearningOpportunity", "teacher/teacher/superviseLearningOpportunity",
        "guardian/guardian/consentLearningOpportunity", "mentor/mentor/logLearningHours",
        "student/itself/logLearningHours", "student/itself/viewLearningOpportunity",
        "guardian/guardian/viewLearningOpportunity", "teacher/teacher/viewLearningOpportunity",
        "mentor/mentor/viewLearningOpportunity", "coach/sameSchool/viewLearningOpportunity",
        "admin/sameSchool/viewLearningOpportunity", "admin/sameDistrict/viewLearningOpportunity",
    ]

    static let everyTriple: [String] = Role.allCases.flatMap { role in
        R.allCases.flatMap { relation in A.allCases.map { "\(role.rawValue)/\(relation.rawValue)/\($0.rawValue)" } }
    }

    @Test("The table names only real roles, relations and actions")
    func tableIsWellFormed() {
        #expect(Self.allowed.isSubset(of: Set(Self.everyTriple)))
        #expect(Self.everyTriple.count == Role.allCases.count * R.allCases.count * A.allCases.count)
    }

    @Test("Every combination decides as the table says", arguments: everyTriple)
    func decision(_ triple: String) throws {
        let parts = triple.split(separator: "/").map(String.init)
        let role = try #require(Role(rawValue: parts[0]))
        let relation = try #require(R(rawValue: parts[1]))
        let action = try #require(A(rawValue: parts[2]))
        #expect(Access.Policy.allows(role, relation, action) == Self.allowed.contains(triple))
    }

    @Test("Nobody without a relationship sees anything of a student")
    func strangers() {
        for role in Role.allCases {
            for action in A.allCases { #expect(!Access.Policy.allows(role, .none, action)) }
        }
    }
}

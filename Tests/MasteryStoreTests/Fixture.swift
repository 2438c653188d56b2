import Foundation
import MasteryCore
import MasteryStore

/// A small school for store tests: one district, two schools, a teacher with one section of two students,
/// a guardian of the first student, a coach, admins, a framework with an academic and a habit competency.
enum Fixture {
    static let district: Organization.ID = "d1"
    static let school: Organization.ID = "sch1"
    static let otherSchool: Organization.ID = "sch2"
    static let teacher: Person.ID = "t1"
    static let otherTeacher: Person.ID = "t2"
    static let student: Person.ID = "s1"
    static let classmate: Person.ID = "s2"
    static let stranger: Person.ID = "s3"
    static let guardian: Person.ID = "g1"
    static let coach: Person.ID = "c1"
    static let admin: Person.ID = "a1"
    static let districtAdmin: Person.ID = "a0"
    static let section: Section.ID = "sec1"
    static let otherSection: Section.ID = "sec2"
    static let course: Course.ID = "course1"
    static let framework: Framework.ID = "fw1"
    static let fractions: Competency.ID = "cmp-frac"
    static let ratios: Competency.ID = "cmp-ratio"
    static let perseverance: Competency.ID = "cmp-persev"
    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    static func scale() throws -> ProficiencyScale {
        try ProficiencyScale(
            id: "scale4", name: "Four levels",
            levels: [
                .init(value: 1, label: "Beginning", colour: "#fde2e1"),
                .init(value: 2, label: "Developing", colour: "#fff1c2"),
                .init(value: 3, label: "Proficient", colour: "#d7f0dc"),
                .init(value: 4, label: "Advanced", colour: "#d6e6ff"),
            ], masteryThreshold: 3)
    }

    static func person(_ id: Person.ID, _ role: Role, _ name: String, _ org: Organization.ID) -> Person {
        Person(id: id, role: role, givenName: name, familyName: "Test", username: id.rawValue, organizationID: org)
    }

    static func data(policy: MasteryPolicy = .standard) throws -> SchoolData {
        var data = SchoolData()
        data.organizations = [
            Organization(id: district, kind: .district, name: "District"),
            Organization(id: school, kind: .school, name: "School One", parentID: district),
            Organization(id: otherSchool, kind: .school, name: "School Two", parentID: district),
        ]
        data.people = [
            person(teacher, .teacher, "Tess", school), person(otherTeacher, .teacher, "Otto", otherSchool),
            person(student, .student, "Sam", school), person(classmate, .student, "Cleo", school),
            person(stranger, .student, "Stan", otherSchool), person(guardian, .guardian, "Gina", school),
            person(coach, .coach, "Cole", school), person(admin, .admin, "Ada", school),
            person(districtAdmin, .admin, "Dana", district),
        ]
        data.passwordHashes = [teacher: "hash-t1"]
        data.guardianLinks = [GuardianLink(guardianID: guardian, studentID: student)]
        let scale = try scale()
        data.scales = [scale]
        data.frameworks = [Framework(id: framework, code: "MATH", title: "Math", scaleID: scale.id, policy: policy)]
        data.strands = [
            Strand(id: "str1", frameworkID: framework, code: "NS", title: "Number", position: 0),
            Strand(id: "str2", frameworkID: framework, code: "HOW", title: "Habits", position: 1),
        ]
        data.competencies = [
            Competency(
                id: fractions, frameworkID: framework, strandID: "str1", code: "NS.1", title: "Fractions",
                kind: .academic,
                position: 0),
            Competency(
                id: ratios, frameworkID: framework, strandID: "str1", code: "NS.2", title: "Ratios", kind: .academic,
                position: 1),
            Competency(
                id: perseverance, frameworkID: framework, strandID: "str2", code: "HOW.1", title: "Perseverance",
                kind: .habit, position: 0),
        ]
        data.indicators = (1...4).map {
            PerformanceIndicator(competencyID: fractions, levelValue: Double($0), text: "I can do fractions at \($0)")
        }
        data.courses = [
            Course(id: course, schoolID: school, code: "M6", title: "Math 6", frameworkIDs: [framework]),
            Course(id: "course2", schoolID: otherSchool, code: "M6", title: "Math 6", frameworkIDs: [framework]),
        ]
        data.sections = [
            Section(id: section, courseID: course, schoolID: school, name: "Math 6 — P1", term: "2026"),
            Section(id: otherSection, courseID: "course2", schoolID: otherSchool, name: "Math 6 — P2", term: "2026"),
        ]
        data.enrollments = [
            Enrollment(sectionID: section, personID: teacher, role: .teacher),
            Enrollment(sectionID: section, personID: student, role: .student),
            Enrollment(sectionID: section, personID: classmate, role: .student),
            Enrollment(sectionID: otherSection, personID: otherTeacher, role: .teacher),
            Enrollment(sectionID: otherSection, personID: stranger, role: .student),
        ]
        return data
    }

    static func day(_ n: Double) -> Date { start.addingTimeInterval(n * 86_400) }
}

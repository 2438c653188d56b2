import Foundation
import MasteryCore
import MasteryStore

/// Generates the demo school's rows; see `DemoSchool`.
struct DemoSchoolBuilder {
    let passwordHash: String
    let end: Date
    var random: SeededGenerator
    var data = SchoolData()
    var usedNames = Set<String>()
    var usedUsernames = Set<String>()
    /// Competency ids by code.
    var competencyIDs: [String: Competency.ID] = [:]
    var frameworkIDs: [String: Framework.ID] = [:]
    var sequence: Int64 = 0

    init(passwordHash: String, end: Date, seed: UInt64) {
        self.passwordHash = passwordHash
        self.end = end
        random = SeededGenerator(seed: seed)
    }

    /// Two quarters and the semester around the evidence's eight weeks: the first quarter ended five weeks before
    /// `end`, the second runs on past it.
    mutating func addGradingPeriods() {
        func day(_ weeks: Double) -> String { Section.isoDay(end.addingTimeInterval(weeks * 7 * 86_400)) }
        data.gradingPeriods = [
            GradingPeriod(id: "gp-q1", title: "Quarter 1", kind: "gradingPeriod", startsOn: day(-16), endsOn: day(-5)),
            GradingPeriod(
                id: "gp-q2", title: "Quarter 2", kind: "gradingPeriod", startsOn: day(-5 + 1.0 / 7), endsOn: day(6)),
            GradingPeriod(id: "gp-fall", title: "Fall semester", kind: "semester", startsOn: day(-16), endsOn: day(6)),
        ]
    }

    mutating func build() {
        let district = Organization(id: "org-district", kind: .district, name: DemoCurriculum.districtName)
        let schools = DemoCurriculum.schoolNames.enumerated().map { index, name in
            Organization(id: .init("org-school-\(index + 1)"), kind: .school, name: name, parentID: district.id)
        }
        data.organizations = [district] + schools
        data.scales = [DemoSchool.scale]
        addFrameworks()
        addTasks()
        addGradingPeriods()
        addPerson(
            .init(
                id: "p-admin", role: .admin, givenName: "Alex", familyName: "Morgan", username: "admin",
                organizationID: district.id))
        addPerson(
            .init(
                id: "p-coach", role: .coach, givenName: "Jordan", familyName: "Reyes", username: "coach",
                organizationID: schools[0].id))
        var teacherNumber = 0
        var sectionNumber = 0
        for (schoolIndex, school) in schools.enumerated() {
            let courses = [("MATH", "6"), ("MATH", "7"), ("ELA", "6"), ("ELA", "7")].map { code, grade in
                Course(
                    id: .init("course-\(schoolIndex + 1)-\(code.lowercased())\(grade)"), schoolID: school.id,
                    code: "\(code)\(grade)", title: "\(code == "MATH" ? "Math" : "English Language Arts") \(grade)",
                    frameworkIDs: [frameworkIDs[code]!, frameworkIDs["HOW"]!])
            }
            data.courses += courses
            // Four teachers a school; each teaches the periods below.
            let plan: [(course: Int, teacher: Int, period: Int)] = [
                (0, 0, 1), (0, 0, 3), (2, 1, 2), (1, 2, 4), (3, 3, 5), (2, 1, 6),
            ]
            var teachers: [Person.ID] = []
            for _ in 0..<4 {
                teacherNumber += 1
                let username = teacherNumber == 1 ? "teacher" : "teacher\(teacherNumber)"
                let (given, family) = uniqueName()
                let id = Person.ID("p-teacher-\(teacherNumber)")
                addPerson(
                    .init(
                        id: id, role: .teacher, givenName: given, familyName: family, username: username,
                        organizationID: school.id))
                teachers.append(id)
            }
            for slot in plan {
                sectionNumber += 1
                let course = courses[slot.course]
                let section = Section(
                    id: .init("sec-\(sectionNumber)"), courseID: course.id, schoolID: school.id,
                    name: "\(course.title) — Period \(slot.period)", term: "Fall 2026")
                data.sections.append(section)
                data.enrollments.append(
                    Enrollment(sectionID: section.id, personID: teachers[slot.teacher], role: .teacher))
                addStudents(
                    to: section, course: course, teacher: teachers[slot.teacher],
                    grade: course.code.hasSuffix("6") ? "6" : "7", first: sectionNumber == 1)
            }
        }
        addLearningDesign()
    }

    mutating func addPerson(_ person: Person) {
        data.people.append(person)
        if let username = person.username {
            usedUsernames.insert(username)
            data.passwordHashes[person.id] = passwordHash
        }
    }

    mutating func uniqueName() -> (String, String) {
        while true {
            let given = DemoCurriculum.firstNames[Int(random.next() % UInt64(DemoCurriculum.firstNames.count))]
            let family = DemoCurriculum.lastNames[Int(random.next() % UInt64(DemoCurriculum.lastNames.count))]
            if usedNames.insert("\(given) \(family)").inserted { return (given, family) }
        }
    }

    mutating func username(_ given: String, _ family: String) -> String {
        let base = "\(given).\(family)".lowercased().filter { $0.isLetter || $0 == "." }
        var candidate = base
        var n = 2
        while usedUsernames.contains(candidate) {
            candidate = "\(base)\(n)"
            n += 1
        }
        return candidate
    }

    mutating func addFrameworks() {
        for spec in DemoCurriculum.frameworks {
            let frameworkID = Framework.ID("fw-\(spec.code.lowercased())")
            frameworkIDs[spec.code] = frameworkID
            let kind: CompetencyKind = spec.kind == .habit ? .habit : spec.kind == .career ? .career : .academic
            let policy = try! MasteryPolicy(
                method: kind == .habit ? .mode : .decayingAverage(percent: 65), minimumEvidence: 1)
            data.frameworks.append(
                Framework(
                    id: frameworkID, code: spec.code, title: spec.title, scaleID: DemoSchool.scale.id, policy: policy))
            for (strandIndex, strandSpec) in spec.strands.enumerated() {
                let strandID = Strand.ID("st-\(strandSpec.code.lowercased())")
                data.strands.append(
                    Strand(
                        id: strandID, frameworkID: frameworkID, code: strandSpec.code, title: strandSpec.title,
                        position: strandIndex))
                for (index, competencySpec) in strandSpec.competencies.enumerated() {
                    let id = Competency.ID("c-\(competencySpec.code.lowercased())")
                    competencyIDs[competencySpec.code] = id
                    data.competencies.append(
                        Competency(
                            id: id, frameworkID: frameworkID, strandID: strandID, code: competencySpec.code,
                            title: competencySpec.title, kind: kind, position: index))
                    for (level, text) in competencySpec.indicators.enumerated() {
                        data.indicators.append(
                            PerformanceIndicator(competencyID: id, levelValue: Double(level + 1), text: text))
                    }
                }
            }
        }
    }

    mutating func addTasks() {
        for (taskIndex, spec) in DemoCurriculum.tasks.enumerated() {
            let criteria = spec.criteria.enumerated().compactMap { index, criterion -> RubricCriterion? in
                guard let competency = competencyIDs[criterion.competencyCode] else { return nil }
                return RubricCriterion(
                    id: .init("crit-\(taskIndex + 1)-\(index + 1)"), title: criterion.title, competencyID: competency,
                    position: index,
                    descriptors: criterion.descriptors.enumerated().map { .init(levelValue: Double($0 + 1), text: $1) })
            }
            data.tasks.append(
                PerformanceTask(
                    id: .init("task-\(taskIndex + 1)"), frameworkID: frameworkIDs[spec.frameworkCode]!,
                    title: spec.title, details: spec.description, criteria: criteria))
        }
    }
}

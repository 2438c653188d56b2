import Foundation
import MasteryCore
import MasteryStore

extension DemoSchoolBuilder {
    static let studentsPerSection = 25
    static let weeks = 8

    /// Adds a section's students, each with a guardian, and their eight weeks of evidence.
    mutating func addStudents(to section: Section, course: Course, teacher: Person.ID, grade: String, first: Bool) {
        let competencies = data.competencies.filter { course.frameworkIDs.contains($0.frameworkID) }
        for index in 0..<Self.studentsPerSection {
            let demo = first && index == 0
            let (given, family) = uniqueName()
            let studentID = Person.ID("p-student-\(section.id.rawValue.dropFirst(4))-\(index + 1)")
            let studentUsername = demo ? "student" : username(given, family)
            addPerson(
                .init(
                    id: studentID, role: .student, givenName: given, familyName: family, username: studentUsername,
                    organizationID: section.schoolID, gradeLevel: grade))
            data.enrollments.append(Enrollment(sectionID: section.id, personID: studentID, role: .student))
            let guardianGiven = DemoCurriculum.firstNames[Int(random.next() % UInt64(DemoCurriculum.firstNames.count))]
            let guardianID = Person.ID("p-guardian-\(studentID.rawValue.dropFirst(10))")
            addPerson(
                .init(
                    id: guardianID, role: .guardian, givenName: guardianGiven, familyName: family,
                    username: demo ? "guardian" : username(guardianGiven, family), organizationID: section.schoolID))
            data.guardianLinks.append(GuardianLink(guardianID: guardianID, studentID: studentID))
            addEvidence(student: studentID, section: section, teacher: teacher, competencies: competencies)
        }
    }

    /// A student's evidence: a steady ability plus growth over the weeks and some noise, on the competencies
    /// taught so far (academic strands move on in order; habits are observed every couple of weeks).
    mutating func addEvidence(student: Person.ID, section: Section, teacher: Person.ID, competencies: [Competency]) {
        let ability = (random.nextUnit() + random.nextUnit() + random.nextUnit()) / 3 * 2.4 - 1.2  // about −1.2…1.2
        let growth = 0.2 + random.nextUnit() * 0.9
        let academics = competencies.filter { $0.kind == .academic }
        let habits = competencies.filter { $0.kind == .habit }
        let taught = Int((Double(academics.count) * 0.75).rounded())
        for (position, competency) in academics.prefix(taught).enumerated() {
            let introduced = Int(Double(position) / Double(max(taught, 1)) * Double(Self.weeks - 2))
            let pieces = 1 + Int(random.next() % 4)
            for piece in 0..<pieces {
                let week = min(Self.weeks - 1, introduced + piece + Int(random.next() % 2))
                record(
                    student: student, competency: competency, week: week, ability: ability, growth: growth,
                    section: section, teacher: teacher)
            }
        }
        for competency in habits {
            for week in stride(from: Int(random.next() % 2), to: Self.weeks, by: 2 + Int(random.next() % 2)) {
                record(
                    student: student, competency: competency, week: week, ability: ability * 0.6 + 0.3,
                    growth: growth * 0.5, section: section, teacher: teacher)
            }
        }
    }

    mutating func record(
        student: Person.ID, competency: Competency.ID, week: Int, ability: Double, growth: Double, section: Section,
        teacher: Person.ID
    ) {
        let noise = (random.nextUnit() - 0.5) * 1.4
        let level = 2.35 + 1.15 * ability + growth * Double(week) / Double(Self.weeks - 1) + noise
        let score = min(4, max(1, level.rounded()))
        let day = Double(week * 7 + Int(random.next() % 5))
        let observed = end.addingTimeInterval(
            -Double(Self.weeks * 7) * 86_400 + day * 86_400 + 9 * 3600 + Double(random.next() % 25_000))
        sequence += 1
        let criterion = data.tasks.lazy.flatMap(\.criteria).first { $0.competencyID == competency }
        let useTask = criterion != nil && random.next() % 3 == 0
        let task = useTask ? data.tasks.first { $0.criteria.contains { $0.id == criterion!.id } } : nil
        let comments = [
            "Clear reasoning — keep showing your steps.", "Check units before you finish.",
            "Strong evidence from the text.",
            "Try a second strategy to check.", "Great persistence today.", nil, nil, nil,
        ]
        data.evidence.append(
            EvidenceEvent(
                id: .init("ev-\(sequence)"), sequence: sequence, action: .record, studentID: student,
                competencyID: competency,
                score: score, observedAt: observed, recordedAt: observed, recordedBy: teacher,
                source: useTask ? .rubric : (random.next() % 2 == 0 ? .quickCheck : .observation),
                sectionID: section.id,
                taskID: task?.id, criterionID: useTask ? criterion?.id : nil,
                comment: comments[Int(random.next() % UInt64(comments.count))]))
    }

    mutating func record(
        student: Person.ID, competency: Competency, week: Int, ability: Double, growth: Double, section: Section,
        teacher: Person.ID
    ) {
        record(
            student: student, competency: competency.id, week: week, ability: ability, growth: growth, section: section,
            teacher: teacher)
    }
}

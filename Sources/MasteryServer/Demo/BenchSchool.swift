import Foundation
import MasteryCore
import MasteryStore

/// A generated school with one large section, for load benchmarks: `students` × `competencies`, each with
/// `evidence` scores, a teacher who signs in as `bench-teacher` with `password`.
public enum BenchSchool {
    public static let teacherUsername = "bench-teacher"
    public static let sectionID: Section.ID = "sec-bench"

    public static func seed(
        in store: Store, students: Int, competencies: Int, evidence: Int, password: String, seed: UInt64 = 5,
        now: Date = Date()
    ) async throws {
        var random = SeededGenerator(seed: seed)
        var data = SchoolData()
        data.organizations = [Organization(id: "org-bench", kind: .school, name: "Benchmark School")]
        data.scales = [DemoSchool.scale]
        data.frameworks = [
            Framework(
                id: "fw-bench", code: "BENCH", title: "Benchmark framework", scaleID: DemoSchool.scale.id,
                policy: try MasteryPolicy(method: .decayingAverage(percent: 65), minimumEvidence: 1))
        ]
        let strands = (0..<max(1, competencies / 10)).map {
            Strand(
                id: .init("st-bench-\($0)"), frameworkID: "fw-bench", code: "S\($0 + 1)", title: "Strand \($0 + 1)",
                position: $0)
        }
        data.strands = strands
        data.competencies = (0..<competencies).map { index in
            Competency(
                id: .init("c-bench-\(index)"), frameworkID: "fw-bench",
                strandID: strands[index * strands.count / competencies].id,
                code: "B.\(index + 1)", title: "I can do benchmark skill \(index + 1)", kind: .academic, position: index
            )
        }
        data.courses = [
            Course(
                id: "course-bench", schoolID: "org-bench", code: "BENCH", title: "Benchmark", frameworkIDs: ["fw-bench"]
            )
        ]
        data.sections = [
            Section(
                id: sectionID, courseID: "course-bench", schoolID: "org-bench", name: "Benchmark section", term: "Now")
        ]
        let hash = try await Passwords.hash(password, cost: 8)
        let teacher = Person(
            id: "p-bench-teacher", role: .teacher, givenName: "Bench", familyName: "Teacher", username: teacherUsername,
            organizationID: "org-bench")
        // An administrator (without a password) makes it a school that is set up: the sign-in page shows its form.
        let administrator = Person(
            id: "p-bench-admin", role: .admin, givenName: "Bench", familyName: "Administrator", username: "bench-admin",
            organizationID: "org-bench")
        data.people = [teacher, administrator]
        data.passwordHashes[teacher.id] = hash
        data.enrollments = [Enrollment(sectionID: sectionID, personID: teacher.id, role: .teacher)]
        var sequence: Int64 = 0
        for number in 0..<students {
            let student = Person(
                id: .init("p-bench-\(number)"), role: .student, givenName: "Student", familyName: "\(number + 1)",
                organizationID: "org-bench", gradeLevel: "7")
            data.people.append(student)
            data.enrollments.append(Enrollment(sectionID: sectionID, personID: student.id, role: .student))
            for competency in data.competencies {
                for piece in 0..<evidence {
                    sequence += 1
                    let observed = now.addingTimeInterval(-Double(evidence - piece) * 86_400)
                    data.evidence.append(
                        EvidenceEvent(
                            id: .init("e-bench-\(sequence)"), sequence: sequence, action: .record,
                            studentID: student.id,
                            competencyID: competency.id, targetID: nil, score: Double(1 + random.next() % 4),
                            observedAt: observed, recordedAt: observed, recordedBy: teacher.id, source: .manual,
                            sectionID: sectionID, taskID: nil, criterionID: nil, comment: nil, reason: nil))
                }
            }
        }
        try await store.insert(data)
    }
}

import MasteryCore
import MasteryStore

/// Loads what section pages and the gradebook API show.
struct SectionData {
    var section: Section
    var course: Course
    var teachers: [Person]
    var students: [Person]
    var curriculum: Curriculum
    var gradebook: Gradebook

    static func load(_ sectionID: Section.ID, store: Store) async throws -> SectionData {
        guard let section = try await store.section(sectionID) else { throw AppError.notFound("The section") }
        guard let course = try await store.course(section.courseID) else { throw AppError.notFound("The course") }
        let curriculum = try await store.curriculum(course: course.id)
        let students = try await store.members(of: sectionID, as: .student)
        let teachers = try await store.members(of: sectionID, as: .teacher)
        let records = try await store.records(
            students: students.map(\.id), competencies: curriculum.competencies.map(\.id))
        let gradebook = Gradebook.build(students: students, curriculum: curriculum, records: records)
        return SectionData(
            section: section, course: course, teachers: teachers, students: students, curriculum: curriculum,
            gradebook: gradebook)
    }

    /// Share of assessed cells that are mastered (nil when nothing is assessed yet).
    var masteredShare: Double? {
        let cells = gradebook.rows.flatMap(\.cells).filter { $0.status == .assessed }
        guard !cells.isEmpty else { return nil }
        return Double(cells.filter(\.mastered).count) / Double(cells.count)
    }

    var policySummary: String {
        section.policyOverride.map { "\($0.summary) (this section's choice)" }
            ?? curriculum.frameworks.map { "\($0.code): \($0.policy.summary)" }.joined(separator: "; ")
    }
}

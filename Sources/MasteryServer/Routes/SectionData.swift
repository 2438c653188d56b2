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
        try await load(SectionFrame.load(sectionID, store: store), store: store)
    }

    /// The gradebook on `frame`: only the mastery records are read.
    static func load(_ frame: SectionFrame, store: Store) async throws -> SectionData {
        load(
            frame,
            records: try await store.records(
                students: frame.students.map(\.id), competencies: frame.curriculum.competencies.map(\.id)))
    }

    /// The gradebook on `frame` with `records`.
    static func load(_ frame: SectionFrame, records: [Person.ID: [Competency.ID: MasteryRecord]]) -> SectionData {
        let gradebook = Gradebook.build(students: frame.students, curriculum: frame.curriculum, records: records)
        return SectionData(
            section: frame.section, course: frame.course, teachers: frame.teachers, students: frame.students,
            curriculum: frame.curriculum, gradebook: gradebook)
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

/// Everything a section's gradebook shows but the mastery records: the section, its course, curriculum and
/// people. Evidence never changes it, so the gradebook keeps it under the change version (which every other
/// write moves) and reads only the records again when evidence arrives.
struct SectionFrame: Sendable {
    var section: Section
    var course: Course
    var teachers: [Person]
    var students: [Person]
    var curriculum: Curriculum

    static func load(_ sectionID: Section.ID, store: Store) async throws -> SectionFrame {
        guard let section = try await store.section(sectionID) else { throw AppError.notFound("The section") }
        guard let course = try await store.course(section.courseID) else { throw AppError.notFound("The course") }
        return SectionFrame(
            section: section, course: course, teachers: try await store.members(of: sectionID, as: .teacher),
            students: try await store.members(of: sectionID, as: .student),
            curriculum: try await store.curriculum(course: course.id))
    }
}

import Foundation
import MasteryCore
import MasteryInterop
import MasteryStore

/// The CSV exports shared by the pages and `masterly export`: a section's gradebook and a student's mastery
/// report. Callers check permissions first (the command line runs as the database's owner).
public struct Exports: Sendable {
    public let store: Store

    public init(store: Store) { self.store = store }

    /// The section's gradebook (values and levels), or nil when there is no such section.
    public func gradebookCSV(section id: Section.ID) async throws -> String? {
        guard try await store.section(id) != nil else { return nil }
        return GradebookCSV.export(try await SectionData.load(id, store: store).gradebook)
    }

    /// The student's mastery in every section they are in, or nil when there is no such student.
    public func masteryReportCSV(student id: Person.ID) async throws -> String? {
        guard let student = try await store.person(id), student.role == .student else { return nil }
        var blocks: [MasteryReportCSV.Block] = []
        for section in try await store.sections(of: id, as: .student) {
            guard let course = try await store.course(section.courseID) else { continue }
            blocks.append(
                .init(
                    section: section, courseTitle: course.title,
                    curriculum: try await store.curriculum(course: course.id)))
        }
        return MasteryReportCSV.export(student: student, blocks: blocks, records: try await store.records(student: id))
    }
}

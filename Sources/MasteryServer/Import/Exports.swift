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

    /// A section's final grades as OneRoster 1.2 gradebook files (nil when there is no such section): for a
    /// period (`periodID`) or all evidence so far; a closed period gives the grades frozen then.
    public func gradesCSV(
        section id: Section.ID, period periodID: String?, now: Date
    ) async throws -> OneRosterGradesCSV? {
        guard try await store.section(id) != nil else { return nil }
        let period = try await SectionGrades.period(periodID, store: store)
        let grades = try await SectionGrades.load(
            try await SectionFrame.load(id, store: store), period: period, asOf: nil, store: store)
        let school = try await store.organization(grades.frame.section.schoolID)
        return OneRosterGradesCSV(
            classSourcedID: grades.frame.section.sourcedID ?? id.rawValue,
            schoolSourcedID: school?.sourcedID ?? grades.frame.section.schoolID.rawValue,
            title: "Final grade — \(grades.frame.section.name)" + (period.map { " — \($0.title)" } ?? ""),
            description: grades.sheet.rule.name, periodSourcedID: period?.id.rawValue,
            startsOn: period?.startsOn ?? Section.isoDay(now), endsOn: period?.endsOn ?? Section.isoDay(now),
            gradedAt: grades.closure?.closedAt ?? now,
            students: grades.sheet.rows.map { row in
                let person = grades.student(row.studentID)
                let override = row.frozen.map { $0.override } ?? row.override
                return OneRosterGradesCSV.Student(
                    sourcedID: person?.sourcedID ?? row.studentID.rawValue, grade: row.grade, mean: row.computed.mean,
                    incomplete: row.grade == GradeRule.incompleteGrade,
                    comment: override.map { "Teacher's judgement: \($0.reason)" })
            })
    }
}

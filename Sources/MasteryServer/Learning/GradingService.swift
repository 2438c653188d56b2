import Foundation
import MasteryCore
import MasteryStore

/// Final grades, the same for the pages and the API: reading a section's grades, choosing the course's rule,
/// overriding one student's grade with a reason, and closing a grading period. Every call asks `Access.Policy`.
struct GradingService {
    let services: AppServices
    let user: Person
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store, today: services.clock) }

    /// The section's grades (`viewGradebook`), for a period and/or as of a date, optionally under a rule being
    /// previewed.
    func grades(
        section: Section.ID, period: GradingPeriod?, asOf: Date?, proposed: GradeRule? = nil
    ) async throws -> SectionGrades {
        try await authorizer.require(user, .viewGradebook, section: section)
        return try await SectionGrades.load(
            try await SectionFrame.load(section, store: store), period: period, asOf: asOf, proposed: proposed,
            store: store)
    }

    /// Asks before anything else is read from the request: someone who may not is refused, whatever they sent.
    func require(_ action: Access.Action, section: Section.ID) async throws {
        try await authorizer.require(user, action, section: section)
    }

    /// Whether the user may change this section's grades.
    func mayGrade(_ section: Section.ID) async throws -> Bool {
        try await authorizer.allows(user, .gradeSection, section: section)
    }

    /// Saves the rule of the section's course (every section of the course follows it).
    func saveRule(_ rule: GradeRule, section: Section.ID) async throws {
        try await authorizer.require(user, .gradeSection, section: section)
        let frame = try await SectionFrame.load(section, store: store)
        try await store.save(
            rule, course: frame.course.id, by: user.id, at: services.clock(), organization: frame.section.schoolID)
    }

    /// Overrides (or, with `grade` nil, withdraws the override of) one student's grade.
    func override(
        student: Person.ID, grade: String?, reason: String, section: Section.ID, period: GradingPeriod?
    ) async throws {
        try await authorizer.require(user, .gradeSection, section: section)
        let frame = try await SectionFrame.load(section, store: store)
        guard frame.students.contains(where: { $0.id == student }) else {
            throw AppError.invalid(message: "That student is not in this section.", field: "studentId")
        }
        if let period, try await store.closure(period: period.id, section: section) != nil {
            throw AppError.conflict("\(period.title) is closed for this section: its grades are on record.")
        }
        let trimmed = grade?.trimmingCharacters(in: .whitespacesAndNewlines)
        try await store.add(
            GradeOverride(
                studentID: student, sectionID: section, periodID: period?.id,
                grade: trimmed?.isEmpty == true ? nil : trimmed, reason: reason, recordedBy: user.id,
                recordedAt: services.clock()), organization: frame.section.schoolID)
    }

    /// Writes the comment on a student's report card (refused once the period is closed).
    func comment(_ text: String, student: Person.ID, section: Section.ID, period: GradingPeriod?) async throws {
        try await authorizer.require(user, .gradeSection, section: section)
        let frame = try await SectionFrame.load(section, store: store)
        guard frame.students.contains(where: { $0.id == student }) else {
            throw AppError.invalid(message: "That student is not in this section.", field: "studentId")
        }
        if let period, try await store.closure(period: period.id, section: section) != nil {
            throw AppError.conflict("\(period.title) is closed for this section: its report cards are final.")
        }
        try await store.writeReportComment(
            text.trimmingCharacters(in: .whitespacesAndNewlines), student: student, section: section,
            period: period?.id, by: user.id, at: services.clock(), organization: frame.section.schoolID)
    }

    /// Closes `period` for the section: every student's grade as it stands is kept.
    func close(period: GradingPeriod, section: Section.ID) async throws -> PeriodClosure {
        try await authorizer.require(user, .gradeSection, section: section)
        let grades = try await SectionGrades.load(
            try await SectionFrame.load(section, store: store), period: period, asOf: nil, store: store)
        guard grades.closure == nil else {
            throw AppError.conflict("\(period.title) is already closed for this section.")
        }
        let closure = PeriodClosure(
            periodID: period.id, sectionID: section, closedAt: services.clock(), closedBy: user.id,
            rule: grades.sheet.rule)
        try await store.close(
            closure,
            grades: grades.sheet.rows.map {
                FrozenGrade(studentID: $0.studentID, computed: $0.computed, override: $0.override)
            }, organization: grades.frame.section.schoolID)
        return closure
    }

    /// The strands whose academic competencies a course's grade counts (those a weight can be given to).
    static func weightedStrands(_ curriculum: Curriculum) -> [Strand] {
        let used = Set(curriculum.leafCompetencies.filter { $0.kind == .academic }.map(\.strandID))
        return curriculum.strands.filter { used.contains($0.id) }
    }

    /// Strand weights from a form (`weight-<strand id>`, 0–100; 1 or blank is the default and left out).
    static func weights(_ form: FormData, curriculum: Curriculum) throws -> [String: Double] {
        var weights: [String: Double] = [:]
        for strand in weightedStrands(curriculum) {
            if let weight = try form.double("weight-\(strand.id.rawValue)", in: 0...100), weight != 1 {
                weights[strand.id.rawValue] = weight
            }
        }
        return weights
    }

    /// A rule from a preset on the section's scale, with what to do about unassessed competencies.
    static func rule(preset: String, unassessed: String?, curriculum: Curriculum) throws -> GradeRule {
        guard let preset = GradeRule.Preset(rawValue: preset) else {
            throw AppError.invalid(
                message: "preset: use one of \(GradeRule.Preset.allCases.map(\.rawValue).joined(separator: ", ")).",
                field: "preset")
        }
        let scale = GradeSheet.scale(of: curriculum)
        var rule = scale.map(preset.rule(on:)) ?? GradeRule.standard(on: nil)
        if let unassessed, !unassessed.isEmpty {
            guard let choice = GradeRule.Unassessed(rawValue: unassessed) else {
                throw AppError.invalid(
                    message:
                        "unassessed: use one of \(GradeRule.Unassessed.allCases.map(\.rawValue).joined(separator: ", ")).",
                    field: "unassessed")
            }
            rule.unassessed = choice
        }
        return rule
    }
}

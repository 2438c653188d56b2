import Foundation
import MasteryCore
import MasteryStore

/// A section's grades as a page or the API shows them: for the current evidence, a grading period, or as the log
/// stood on a past date; under the course's rule (or one being previewed); with overrides and, for a closed
/// period, the grades frozen then.
struct SectionGrades {
    var frame: SectionFrame
    var period: GradingPeriod?
    var asOf: Date?
    var closure: PeriodClosure?
    /// Whether the rule is the course's saved one (false: the standard one, or a preview).
    var ruleIsSaved: Bool
    var sheet: GradeSheet
    /// The records the grades were computed from (for the period, or as of the date).
    var records: [Person.ID: [Competency.ID: MasteryRecord]]
    /// The teacher's comment on each student's report card.
    var comments: [Person.ID: String] = [:]

    static func load(
        _ frame: SectionFrame, period: GradingPeriod?, asOf: Date?, proposed: GradeRule? = nil, store: Store
    ) async throws -> SectionGrades {
        let section = frame.section.id
        var closure: PeriodClosure?
        var frozen: [Person.ID: FrozenGrade] = [:]
        if let period, let closed = try await store.closure(period: period.id, section: section) {
            closure = closed
            frozen = try await store.frozenGrades(period: period.id, section: section)
        }
        let saved = try await store.gradeRule(course: frame.course.id)
        let rule = proposed ?? closure?.rule ?? saved ?? GradeRule.standard(on: GradeSheet.scale(of: frame.curriculum))
        let students = frame.students.map(\.id)
        let records: [Person.ID: [Competency.ID: MasteryRecord]]
        if period == nil && asOf == nil {
            records = try await store.records(
                students: students, competencies: frame.curriculum.leafCompetencies.map(\.id))
        } else {
            records = try await pastRecords(frame, period: period, asOf: asOf, store: store)
        }
        return SectionGrades(
            frame: frame, period: period, asOf: asOf, closure: closure,
            ruleIsSaved: proposed == nil && (closure != nil || saved != nil),
            sheet: GradeSheet(
                students: students, curriculum: frame.curriculum, records: records, rule: rule,
                overrides: try await store.gradeOverrides(section: section, period: period?.id),
                frozen: frozen), records: records,
            comments: try await store.reportComments(section: section, period: period?.id))
    }

    /// The section's records as they stood at `asOf` (the log then, corrections included), on the evidence
    /// observed within `period` — recomputed from the events under each student's policy.
    static func pastRecords(
        _ frame: SectionFrame, period: GradingPeriod?, asOf: Date?, store: Store
    ) async throws -> [Person.ID: [Competency.ID: MasteryRecord]] {
        let students = frame.students.map(\.id)
        let events = try await store.events(
            students: students, competencies: frame.curriculum.leafCompetencies.map(\.id))
        var computed: [Person.ID: [Competency.ID: MasteryRecord]] = [:]
        for student in students {
            let policies = try await store.effectivePolicies(student: student, in: frame.curriculum)
            computed[student] = GradeSheet.records(
                student: student, events: events[student] ?? [:], curriculum: frame.curriculum, policies: policies,
                asOf: asOf, period: period)
        }
        return computed
    }

    /// The period named in a request (`?period=ID`), 404 when there is none by that id.
    static func period(_ id: String?, store: Store) async throws -> GradingPeriod? {
        guard let id, !id.isEmpty else { return nil }
        try InputRules.checkIdentifier(id, field: "period")
        guard let period = try await store.gradingPeriod(GradingPeriod.ID(id)) else {
            throw AppError.notFound("The grading period")
        }
        return period
    }

    /// A past date in a request (`?asOf=2026-11-30`): the end of that day (UTC).
    static func asOf(_ text: String?) throws -> Date? {
        guard let text else { return nil }
        guard GradingPeriod.isDate(text), let day = ISO8601DateFormatter.day.date(from: text) else {
            throw AppError.invalid(message: "asOf: '\(text.prefix(40))' is not a date (YYYY-MM-DD).", field: "asOf")
        }
        return day.addingTimeInterval(86_399)
    }

    func student(_ id: Person.ID) -> Person? { frame.students.first { $0.id == id } }
}

extension ISO8601DateFormatter {
    /// Dates written YYYY-MM-DD, read as midnight UTC.
    nonisolated(unsafe) static let day: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter
    }()
}

import Foundation
import MasteryCore
import SQLKit

/// Grading periods, grade rules, teachers' overrides and the grades frozen when a section's period closes.
extension Store {
    /// Every grading period: OneRoster academic sessions and those made by hand, earliest first.
    public func gradingPeriods() async throws -> [GradingPeriod] {
        try await driver.withConnection { db in
            let imported = try await db.raw(
                "SELECT sourced_id, title, type, start_date, end_date FROM academic_sessions"
            ).all().map { row in
                GradingPeriod(
                    id: try row.id("sourced_id"), title: try row.string("title"), kind: try row.string("type"),
                    startsOn: try row.string("start_date"), endsOn: try row.string("end_date"))
            }
            let made = try await db.raw("SELECT id, title, kind, starts_on, ends_on FROM grading_periods").all().map {
                row in
                GradingPeriod(
                    id: try row.id("id"), title: try row.string("title"), kind: try row.string("kind"),
                    startsOn: try row.string("starts_on"), endsOn: try row.string("ends_on"))
            }
            return (imported + made).sorted { ($0.startsOn, $0.endsOn, $0.title) < ($1.startsOn, $1.endsOn, $1.title) }
        }
    }

    public func gradingPeriod(_ id: GradingPeriod.ID) async throws -> GradingPeriod? {
        try await gradingPeriods().first { $0.id == id }
    }

    /// Adds a period made by hand (checked first).
    public func add(
        _ period: GradingPeriod, by actor: Person.ID, at now: Date, organization: Organization.ID?
    ) async throws {
        try GradingPeriod.validate(title: period.title, startsOn: period.startsOn, endsOn: period.endsOn)
        try await driver.withTransaction { db in
            try await db.insertRows(
                "grading_periods",
                columns: ["id", "title", "kind", "starts_on", "ends_on", "created_by", "created_at"],
                rows: [
                    [
                        period.id.rawValue, period.title, period.kind, period.startsOn, period.endsOn, actor.rawValue,
                        now.timeIntervalSince1970,
                    ]
                ])
            try await Self.audit(
                db, at: now, actor: actor, action: "grades.period", student: nil,
                subject: "grading period \(period.id.rawValue)",
                detail: "\(period.title) (\(period.startsOn) – \(period.endsOn))", organization: organization)
        }
    }

    // MARK: Rules

    /// The rule a course's grades follow: the course's own, else the district's, else nil (the standard preset).
    public func gradeRule(course: Course.ID) async throws -> GradeRule? {
        try await driver.withConnection { db in
            let row = try await db.raw(
                """
                SELECT rule FROM grade_rules WHERE course_id = \(bind: course.rawValue) OR course_id IS NULL \
                ORDER BY CASE WHEN course_id IS NULL THEN 1 ELSE 0 END, sequence DESC LIMIT 1
                """
            ).first()
            return try row.map { try JSONText.decode(GradeRule.self, try $0.string("rule")) }
        }
    }

    /// Saves the rule of a course (or of the district with `course` nil); kept beside every earlier one.
    public func save(
        _ rule: GradeRule, course: Course.ID?, by actor: Person.ID, at now: Date, organization: Organization.ID?
    ) async throws {
        try rule.validate()
        try await driver.withTransaction { db in
            try await db.insertRows(
                "grade_rules", columns: ["course_id", "rule", "saved_at", "saved_by"],
                rows: [[course?.rawValue, try JSONText.encode(rule), now.timeIntervalSince1970, actor.rawValue]])
            try await Self.audit(
                db, at: now, actor: actor, action: "grades.rule", student: nil,
                subject: course.map { "course \($0.rawValue)" } ?? "district", detail: rule.name,
                organization: organization)
        }
    }

    // MARK: Overrides

    /// The overrides in force in a section for a period (nil: the current grades), by student.
    public func gradeOverrides(
        section: Section.ID, period: GradingPeriod.ID?
    ) async throws -> [Person.ID: GradeOverride] {
        let rows = try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT * FROM grade_overrides WHERE section_id = \(bind: section.rawValue) \
                AND period_id = \(bind: period?.rawValue ?? "") ORDER BY sequence
                """
            ).all()
        }
        var result: [Person.ID: GradeOverride] = [:]
        for row in rows {
            let override = GradeOverride(
                studentID: try row.id("student_id"), sectionID: section, periodID: period,
                grade: try row.optionalString("grade"), reason: try row.string("reason"),
                recordedBy: try row.id("recorded_by"),
                recordedAt: Date(timeIntervalSince1970: try row.double("recorded_at")))
            result[override.studentID] = override.grade == nil ? nil : override
        }
        return result
    }

    /// Records an override (or, with a nil grade, its withdrawal), audited against the student.
    public func add(_ override: GradeOverride, organization: Organization.ID?) async throws {
        try GradeOverride.validate(grade: override.grade, reason: override.reason)
        try await driver.withTransaction { db in
            try await db.insertRows(
                "grade_overrides",
                columns: ["section_id", "student_id", "period_id", "grade", "reason", "recorded_at", "recorded_by"],
                rows: [
                    [
                        override.sectionID.rawValue, override.studentID.rawValue, override.periodID?.rawValue ?? "",
                        override.grade, override.reason, override.recordedAt.timeIntervalSince1970,
                        override.recordedBy.rawValue,
                    ]
                ])
            try await Self.audit(
                db, at: override.recordedAt, actor: override.recordedBy,
                action: override.grade == nil ? "grades.override.withdraw" : "grades.override",
                student: override.studentID, subject: "section \(override.sectionID.rawValue)",
                detail: "\(override.grade ?? "withdrawn"): \(override.reason)", organization: organization)
        }
    }

    // MARK: Report card comments

    /// The teacher's comment on each student's report card for a section and period (nil: all evidence so far).
    public func reportComments(section: Section.ID, period: GradingPeriod.ID?) async throws -> [Person.ID: String] {
        let rows = try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT student_id, text FROM report_comments WHERE section_id = \(bind: section.rawValue) \
                AND period_id = \(bind: period?.rawValue ?? "") ORDER BY sequence
                """
            ).all()
        }
        var result: [Person.ID: String] = [:]
        for row in rows {
            let text = try row.string("text")
            result[try row.id("student_id")] = text.isEmpty ? nil : text
        }
        return result
    }

    /// Writes (or, empty, clears) the comment on a student's report card; audited against the student.
    public func writeReportComment(
        _ text: String, student: Person.ID, section: Section.ID, period: GradingPeriod.ID?, by actor: Person.ID,
        at now: Date, organization: Organization.ID?
    ) async throws {
        guard text.count <= 2_000 else { throw MasteryCoreError.invalidPolicy("comment: at most 2,000 characters") }
        try await driver.withTransaction { db in
            try await db.insertRows(
                "report_comments",
                columns: ["section_id", "student_id", "period_id", "text", "written_by", "written_at"],
                rows: [
                    [
                        section.rawValue, student.rawValue, period?.rawValue ?? "", text, actor.rawValue,
                        now.timeIntervalSince1970,
                    ]
                ])
            try await Self.audit(
                db, at: now, actor: actor, action: "grades.comment", student: student,
                subject: "section \(section.rawValue)", detail: text, organization: organization)
        }
    }

    // MARK: Closing a period

    /// The closure of a section's period, if it is closed.
    public func closure(period: GradingPeriod.ID, section: Section.ID) async throws -> PeriodClosure? {
        try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT * FROM period_closures WHERE period_id = \(bind: period.rawValue) \
                AND section_id = \(bind: section.rawValue)
                """
            ).first().map { row in
                PeriodClosure(
                    periodID: period, sectionID: section,
                    closedAt: Date(timeIntervalSince1970: try row.double("closed_at")),
                    closedBy: try row.id("closed_by"), rule: try JSONText.decode(GradeRule.self, try row.string("rule"))
                )
            }
        }
    }

    /// Every closure of the given sections, the most recently closed first.
    public func closures(sections: [Section.ID]) async throws -> [PeriodClosure] {
        guard !sections.isEmpty else { return [] }
        return try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT * FROM period_closures WHERE section_id IN (\(binds: sections.map(\.rawValue))) \
                ORDER BY closed_at DESC, section_id
                """
            ).all().map { row in
                PeriodClosure(
                    periodID: try row.id("period_id"), sectionID: try row.id("section_id"),
                    closedAt: Date(timeIntervalSince1970: try row.double("closed_at")),
                    closedBy: try row.id("closed_by"), rule: try JSONText.decode(GradeRule.self, try row.string("rule"))
                )
            }
        }
    }

    /// Closes a section's period with its grades as they stand. A period closes once: a second close is a
    /// conflict and changes nothing.
    public func close(
        _ closure: PeriodClosure, grades: [FrozenGrade], organization: Organization.ID?
    ) async throws {
        try await driver.withTransaction { db in
            let existing = try await db.raw(
                """
                SELECT closed_at FROM period_closures WHERE period_id = \(bind: closure.periodID.rawValue) \
                AND section_id = \(bind: closure.sectionID.rawValue)
                """
            ).first()
            guard existing == nil else { throw StoreError.conflict("this period is already closed for the section") }
            try await db.insertRows(
                "period_closures", columns: ["period_id", "section_id", "closed_at", "closed_by", "rule"],
                rows: [
                    [
                        closure.periodID.rawValue, closure.sectionID.rawValue, closure.closedAt.timeIntervalSince1970,
                        closure.closedBy.rawValue, try JSONText.encode(closure.rule),
                    ]
                ])
            if !grades.isEmpty {
                try await db.insertRows(
                    "period_grades", columns: ["period_id", "section_id", "student_id", "frozen"],
                    rows: try grades.map {
                        [
                            closure.periodID.rawValue, closure.sectionID.rawValue, $0.studentID.rawValue,
                            try JSONText.encode($0),
                        ]
                    })
            }
            try await Self.audit(
                db, at: closure.closedAt, actor: closure.closedBy, action: "grades.close", student: nil,
                subject: "section \(closure.sectionID.rawValue)",
                detail: "period \(closure.periodID.rawValue) closed with \(grades.count) grades",
                organization: organization)
        }
    }

    /// The grades frozen when a section's period closed, by student.
    public func frozenGrades(period: GradingPeriod.ID, section: Section.ID) async throws -> [Person.ID: FrozenGrade] {
        let grades = try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT frozen FROM period_grades WHERE period_id = \(bind: period.rawValue) \
                AND section_id = \(bind: section.rawValue)
                """
            ).all().map { try JSONText.decode(FrozenGrade.self, try $0.string("frozen")) }
        }
        return Dictionary(grades.map { ($0.studentID, $0) }, uniquingKeysWith: { $1 })
    }

    /// Every event about `students` on `competencies`, in recorded order, grouped (a past grade is recomputed
    /// from them).
    public func events(
        students: [Person.ID], competencies: [Competency.ID]
    ) async throws -> [Person.ID: [Competency.ID: [EvidenceEvent]]] {
        guard !students.isEmpty, !competencies.isEmpty else { return [:] }
        let events = try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT * FROM evidence_events WHERE student_id IN (\(binds: students.map(\.rawValue))) \
                AND competency_id IN (\(binds: competencies.map(\.rawValue))) ORDER BY sequence
                """
            ).all().map(Rows.evidenceEvent)
        }
        var result: [Person.ID: [Competency.ID: [EvidenceEvent]]] = [:]
        for event in events { result[event.studentID, default: [:]][event.competencyID, default: []].append(event) }
        return result
    }
}

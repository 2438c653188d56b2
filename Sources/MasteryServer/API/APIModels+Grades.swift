import Foundation
import MasteryCore

/// The grades API's bodies.
extension APIModels {
    struct GradesBody: Encodable {
        struct Override: Encodable {
            var grade: String
            var reason: String
            var by: String
            var at: Date
        }

        struct StudentGrade: Encodable {
            var studentId: String
            var name: String
            /// The grade on record: frozen once the period is closed, else the override, else the computed one.
            var grade: String?
            /// What the rule gives on the evidence as it stands.
            var computedGrade: String?
            var explanation: String
            var mean: Double?
            var masteredShare: Double?
            var habitsMean: Double?
            var override: Override?
            /// A closed period whose evidence changed since: the rule would now give another grade.
            var changedSinceClosing: Bool
            /// The teacher's comment on the report card.
            var comment: String?
        }

        var rule: GradeRule
        /// False while the course has no rule of its own (the standard one applies) or when previewing.
        var ruleSaved: Bool
        var period: Period?
        var asOf: String?
        var closedAt: Date?
        var students: [StudentGrade]

        init(_ grades: SectionGrades, asOfText: String?) {
            rule = grades.sheet.rule
            ruleSaved = grades.ruleIsSaved
            period = grades.period.map(Period.init)
            asOf = asOfText
            closedAt = grades.closure?.closedAt
            students = grades.sheet.rows.map { row in
                let override = row.frozen.map { $0.override } ?? row.override
                return StudentGrade(
                    studentId: row.studentID.rawValue, name: grades.student(row.studentID)?.displayName ?? "",
                    grade: row.grade, computedGrade: row.computed.grade, explanation: row.computed.explanation,
                    mean: row.computed.mean.map(DisplayRounding.rounded),
                    masteredShare: row.computed.masteredShare.map(DisplayRounding.rounded),
                    habitsMean: row.computed.habitsMean.map(DisplayRounding.rounded),
                    override: override.flatMap { o in
                        o.grade.map {
                            Override(grade: $0, reason: o.reason, by: o.recordedBy.rawValue, at: o.recordedAt)
                        }
                    }, changedSinceClosing: row.changedSinceClosing, comment: grades.comments[row.studentID])
            }
        }
    }

    struct Period: Encodable {
        var id: String
        var title: String
        var kind: String
        var startsOn: String
        var endsOn: String

        init(_ period: GradingPeriod) {
            id = period.id.rawValue
            title = period.title
            kind = period.kind
            startsOn = period.startsOn
            endsOn = period.endsOn
        }
    }

    struct PeriodList: Encodable {
        var periods: [Period]
    }

    struct Closure: Encodable {
        var periodId: String
        var sectionId: String
        var closedAt: Date
        var closedBy: String
    }
}

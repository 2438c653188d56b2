import MasteryCore
import MasteryInterop

/// A section's final grades as a plain CSV for a spreadsheet: one row per student with the grade on record, the
/// rule's grade, the numbers behind it, the teacher's judgement and the report card comment.
enum GradesCSV {
    static func export(_ grades: SectionGrades) -> String {
        let header = [
            "student_id", "sourced_id", "student", "grade", "computed_grade", "mean_level", "mastered_share",
            "competencies_counted", "not_assessed", "habits_mean_level", "override_reason", "changed_since_closing",
            "comment", "rule", "period",
        ]
        let rows = grades.sheet.rows.map { row -> [String] in
            let person = grades.student(row.studentID)
            let override = row.frozen.map { $0.override } ?? row.override
            return [
                row.studentID.rawValue, person?.sourcedID ?? "", person?.sortName ?? "", row.grade ?? "",
                row.computed.grade ?? "", row.computed.mean.map(DisplayRounding.text) ?? "",
                row.computed.masteredShare.map(DisplayRounding.text) ?? "", String(row.computed.counted),
                String(row.computed.unassessed), row.computed.habitsMean.map(DisplayRounding.text) ?? "",
                override?.reason ?? "", row.changedSinceClosing ? "yes" : "", grades.comments[row.studentID] ?? "",
                grades.sheet.rule.name, grades.period?.title ?? "",
            ]
        }
        return CSVWriter.document(header: header, rows: rows)
    }
}

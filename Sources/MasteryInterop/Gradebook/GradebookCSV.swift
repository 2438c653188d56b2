import MasteryCore

/// A section's gradebook as CSV: one row per student, a value column and a level column per competency
/// (values with two decimals; empty when there is not enough evidence), then the per-kind summaries.
public enum GradebookCSV {
    public static func export(_ gradebook: Gradebook) -> String {
        var header = ["student_id", "student"]
        for competency in gradebook.competencies {
            header.append("\(competency.code) value")
            header.append("\(competency.code) level")
        }
        let kinds = CompetencyKind.allCases.filter { kind in gradebook.competencies.contains { $0.kind == kind } }
        header += kinds.map { "\($0.rawValue) mastered" }
        let rows = gradebook.rows.map { row -> [String] in
            var fields = [row.student.id.rawValue, row.student.sortName]
            for cell in row.cells {
                fields.append(cell.record?.value.map(DisplayRounding.text) ?? "")
                fields.append(cell.level?.label ?? "not enough evidence")
            }
            for kind in kinds {
                let summary = row.summaries.first { $0.kind == kind }
                fields.append(summary.map { "\($0.mastered)/\($0.total)" } ?? "")
            }
            return fields
        }
        return CSVWriter.document(header: header, rows: rows)
    }
}

import Foundation
import MasteryCore

/// One student's mastery across their sections as CSV: a row per section and competency with the value, the
/// level, whether it is mastered, how much evidence there is and how it was calculated.
public enum MasteryReportCSV {
    public struct Block: Sendable {
        public var section: Section
        public var courseTitle: String
        public var curriculum: Curriculum

        public init(section: Section, courseTitle: String, curriculum: Curriculum) {
            self.section = section
            self.courseTitle = courseTitle
            self.curriculum = curriculum
        }
    }

    public static let header = [
        "student_id", "student", "section", "course", "framework", "strand", "competency_code", "competency", "kind",
        "value", "level", "mastered", "evidence_count", "last_observed", "method",
    ]

    public static func export(student: Person, blocks: [Block], records: [Competency.ID: MasteryRecord]) -> String {
        var rows: [[String]] = []
        for block in blocks {
            for competency in block.curriculum.competencies {
                let record = records[competency.id]
                let scale = block.curriculum.scale(for: competency)
                let level = record?.levelValue.flatMap { value in scale?.levels.first { $0.value == value } }
                rows.append([
                    student.id.rawValue, student.sortName, block.section.name, block.courseTitle,
                    block.curriculum.framework(competency.frameworkID)?.code ?? "",
                    block.curriculum.strand(competency.strandID)?.title ?? "", competency.code, competency.title,
                    competency.kind.rawValue, record?.value.map(DisplayRounding.text) ?? "",
                    level?.label ?? "not enough evidence", record?.mastered == true ? "yes" : "no",
                    String(record?.evidenceCount ?? 0), record?.lastObservedAt.map(isoDate) ?? "", record?.method ?? "",
                ])
            }
        }
        return CSVWriter.document(header: header, rows: rows)
    }

    static func isoDate(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}

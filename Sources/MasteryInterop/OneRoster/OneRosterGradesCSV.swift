import Foundation
import MasteryCore

/// A section's final grades as the OneRoster 1.2 gradebook CSV files a student information system loads:
/// `categories.csv` (one category, the final grade), `lineItems.csv` (one line item for the section and period)
/// and `results.csv` (one result per student: the letter in `textScore`, the mean level in `score`).
/// Columns follow the 1.2 binding: the data model's fields in order, references as `…SourcedId`.
public struct OneRosterGradesCSV: Sendable {
    public struct Student: Sendable {
        public var sourcedID: String
        public var grade: String?
        public var mean: Double?
        public var incomplete: Bool
        /// Shown to the system as the result's comment (a teacher's judgement and its reason).
        public var comment: String?

        public init(sourcedID: String, grade: String?, mean: Double?, incomplete: Bool, comment: String?) {
            self.sourcedID = sourcedID
            self.grade = grade
            self.mean = mean
            self.incomplete = incomplete
            self.comment = comment
        }
    }

    public var classSourcedID: String
    public var schoolSourcedID: String
    public var title: String
    public var description: String
    /// The grading period's sourcedId (nil: the grades of all evidence so far).
    public var periodSourcedID: String?
    /// First and last day of what was graded (ISO dates).
    public var startsOn: String
    public var endsOn: String
    /// When the grades were final (the period's closing, or now).
    public var gradedAt: Date
    public var students: [Student]

    public init(
        classSourcedID: String, schoolSourcedID: String, title: String, description: String, periodSourcedID: String?,
        startsOn: String, endsOn: String, gradedAt: Date, students: [Student]
    ) {
        self.classSourcedID = classSourcedID
        self.schoolSourcedID = schoolSourcedID
        self.title = title
        self.description = description
        self.periodSourcedID = periodSourcedID
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.gradedAt = gradedAt
        self.students = students
    }

    public static let categoryID = "masterly-final-grade"

    public var lineItemID: String { "masterly-\(classSourcedID)-\(periodSourcedID ?? "to-date")" }

    public var categories: String {
        Self.document(
            header: ["sourcedId", "status", "dateLastModified", "title", "weight"],
            rows: [[Self.categoryID, "active", Self.dateTime(gradedAt), "Final grade (from mastery)", ""]])
    }

    public var lineItems: String {
        Self.document(
            header: [
                "sourcedId", "status", "dateLastModified", "title", "description", "assignDate", "dueDate",
                "classSourcedId", "schoolSourcedId", "categorySourcedId", "gradingPeriodSourcedId",
                "academicSessionSourcedId", "resultValueMin", "resultValueMax",
            ],
            rows: [
                [
                    lineItemID, "active", Self.dateTime(gradedAt), title, description, startsOn + "T00:00:00.000Z",
                    endsOn + "T23:59:59.000Z", classSourcedID, schoolSourcedID, Self.categoryID, periodSourcedID ?? "",
                    periodSourcedID ?? "", "", "",
                ]
            ])
    }

    public var results: String {
        let modified = Self.dateTime(gradedAt)
        let day = Section.isoDay(gradedAt)
        return Self.document(
            header: [
                "sourcedId", "status", "dateLastModified", "lineItemSourcedId", "studentSourcedId", "classSourcedId",
                "scoreStatus", "score", "textScore", "scoreDate", "comment", "incomplete",
            ],
            rows: students.map { student in
                [
                    "\(lineItemID)-\(student.sourcedID)", "active", modified, lineItemID, student.sourcedID,
                    classSourcedID, student.grade == nil ? "not submitted" : "fully graded",
                    student.mean.map(DisplayRounding.text) ?? "", student.grade ?? "", day, student.comment ?? "",
                    student.incomplete ? "true" : "false",
                ]
            })
    }

    /// An interchange file: values written exactly as they are (never prefixed against spreadsheet formulas).
    static func document(header: [String], rows: [[String]]) -> String {
        CSVWriter.exactLine(header) + rows.map(CSVWriter.exactLine).joined()
    }

    static func dateTime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

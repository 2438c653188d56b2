import Foundation
import MasteryCore

/// A flex day's attendance for the student information system, in OneRoster's CSV conventions: camelCase
/// header, `sourcedId`s for people and the school (our ids where an import gave none), ISO dates, one line per
/// student and session they were placed in — `present`, `absent`, or `unmarked` when the teacher has not said.
public struct FlexAttendanceCSV: Sendable {
    public static let header = [
        "sourcedId", "dateLastModified", "orgSourcedId", "date", "sessionTitle", "startMod", "userSourcedId",
        "givenName", "familyName", "attendanceStatus",
    ]

    public var day: FlexDay
    public var school: Organization
    public var marks: [String: [Person.ID: Bool]]
    public var people: [Person]
    public var exportedAt: Date

    public init(
        day: FlexDay, school: Organization, marks: [String: [Person.ID: Bool]], people: [Person], exportedAt: Date
    ) {
        self.day = day
        self.school = school
        self.marks = marks
        self.people = people
        self.exportedAt = exportedAt
    }

    public var text: String {
        let byID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [[String]] = []
        for session in day.sessions {
            for student in day.students where (day.assignments[student] ?? []).contains(session.id) {
                let person = byID[student]
                let status =
                    switch marks[session.id]?[student] {
                    case true?: "present"
                    case false?: "absent"
                    case nil: "unmarked"
                    }
                rows.append([
                    "\(day.id.rawValue):\(session.id):\(student.rawValue)",
                    exportedAt.formatted(.iso8601), school.sourcedID ?? school.id.rawValue, day.day, session.title,
                    "\(session.start)", person?.sourcedID ?? student.rawValue, person?.givenName ?? "",
                    person?.familyName ?? "", status,
                ])
            }
        }
        return CSVWriter.document(header: Self.header, rows: rows)
    }
}

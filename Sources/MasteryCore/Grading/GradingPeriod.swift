import Foundation

/// A stretch of the school year that gets a grade: a grading period, term, semester or school year. Imported from
/// OneRoster academic sessions or created by an administrator. Evidence counts in the period it was observed in;
/// a section's teacher closes the period for the section (`PeriodClosure`), which freezes its grades.
public struct GradingPeriod: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<GradingPeriod>

    public var id: ID
    public var title: String
    /// OneRoster's session type: `gradingPeriod`, `term`, `semester` or `schoolYear`.
    public var kind: String
    /// First and last day (ISO 8601 dates), both included.
    public var startsOn: String
    public var endsOn: String

    public init(id: ID, title: String, kind: String, startsOn: String, endsOn: String) {
        self.id = id
        self.title = title
        self.kind = kind
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    /// Whether evidence observed at `date` counts in this period.
    public func contains(_ date: Date) -> Bool {
        let day = Section.isoDay(date)
        return startsOn <= day && day <= endsOn
    }

    /// The kinds a period may have.
    public static let kinds = ["gradingPeriod", "term", "semester", "schoolYear"]

    /// Checks a period typed by hand: a title, real dates, the start not after the end.
    public static func validate(title: String, startsOn: String, endsOn: String) throws(MasteryCoreError) {
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .invalidPolicy("title: a grading period needs a title")
        }
        for (field, value) in [("startsOn", startsOn), ("endsOn", endsOn)] where !isDate(value) {
            throw .invalidPolicy("\(field): '\(value)' is not a date (YYYY-MM-DD)")
        }
        guard startsOn <= endsOn else {
            throw .invalidPolicy("endsOn: the period ends (\(endsOn)) before it starts (\(startsOn))")
        }
    }

    /// Whether `text` is a real calendar date written YYYY-MM-DD.
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2]), (1...12).contains(month), day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }
}

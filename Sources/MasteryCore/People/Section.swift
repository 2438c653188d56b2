import Foundation

/// One class of a course ("Math 6 — Period 2"), taught by one or more teachers.
public struct Section: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Section>

    public var id: ID
    public var courseID: Course.ID
    public var schoolID: Organization.ID
    public var name: String
    public var term: String
    /// Overrides the framework's calculation policy for this section's students, when set.
    public var policyOverride: MasteryPolicy?
    public var sourcedID: String?
    /// The last day of the section's term (ISO 8601 date, "2026-06-30"), when known.
    public var endsOn: String?

    public init(
        id: ID, courseID: Course.ID, schoolID: Organization.ID, name: String, term: String,
        policyOverride: MasteryPolicy? = nil, sourcedID: String? = nil, endsOn: String? = nil
    ) {
        self.endsOn = endsOn
        self.id = id
        self.courseID = courseID
        self.schoolID = schoolID
        self.name = name
        self.term = term
        self.policyOverride = policyOverride
        self.sourcedID = sourcedID
    }
}

extension Section {
    /// A section whose term ended before `today` (an ISO 8601 date) is an archive: it still opens, read-only.
    public func isArchived(today: String) -> Bool {
        guard let endsOn, !endsOn.isEmpty else { return false }
        return endsOn < today
    }

    /// Today's date as `isArchived` compares it (UTC).
    public static func isoDay(_ date: Date) -> String {
        // Days since 1970-01-01 to a civil date (the proleptic Gregorian algorithm of H. Hinnant's date library).
        let z = Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

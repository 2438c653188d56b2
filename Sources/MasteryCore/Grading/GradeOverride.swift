import Foundation

/// A teacher's professional judgement on a final grade: the grade they give instead, with the reason. Stored as an
/// event (append-only); the newest for a student, section and period wins, and a `grade` of nil withdraws it.
public struct GradeOverride: Hashable, Codable, Sendable {
    public var studentID: Person.ID
    public var sectionID: Section.ID
    public var periodID: GradingPeriod.ID?
    public var grade: String?
    public var reason: String
    public var recordedBy: Person.ID
    public var recordedAt: Date

    public init(
        studentID: Person.ID, sectionID: Section.ID, periodID: GradingPeriod.ID?, grade: String?, reason: String,
        recordedBy: Person.ID, recordedAt: Date
    ) {
        self.studentID = studentID
        self.sectionID = sectionID
        self.periodID = periodID
        self.grade = grade
        self.reason = reason
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// Checks what a teacher typed: a grade of 1–12 characters (or none, to withdraw) and a reason.
    public static func validate(grade: String?, reason: String) throws(MasteryCoreError) {
        if let grade, grade.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || grade.count > 12 {
            throw .invalidPolicy("grade: a grade is 1–12 characters")
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count >= 3 else { throw .invalidPolicy("reason: say why (a few words at least)") }
        guard trimmed.count <= 1_000 else { throw .invalidPolicy("reason: at most 1,000 characters") }
    }
}

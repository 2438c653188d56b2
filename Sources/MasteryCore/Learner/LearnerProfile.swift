import Foundation

/// Who a student is as a learner, in their own words and their teachers': interests, strengths, how they like
/// to learn, where they work best, aspirations, languages, people skills. `accommodations` is sensitive: only
/// staff with a need see it. Every save is a new version; the history is kept.
public struct LearnerProfile: Hashable, Codable, Sendable {
    public var studentID: Person.ID
    public var interests: String
    public var strengths: String
    public var learningPreferences: [PlaylistItem.Modality]
    public var preferredEnvironment: String
    public var aspirations: String
    public var languages: String
    public var interpersonalSkills: String
    public var intrapersonalSkills: String
    /// Sensitive: accommodations and supports.
    public var accommodations: String
    public var updatedAt: Date?
    public var updatedBy: Person.ID?

    public init(
        studentID: Person.ID, interests: String = "", strengths: String = "",
        learningPreferences: [PlaylistItem.Modality] = [], preferredEnvironment: String = "", aspirations: String = "",
        languages: String = "", interpersonalSkills: String = "", intrapersonalSkills: String = "",
        accommodations: String = "", updatedAt: Date? = nil, updatedBy: Person.ID? = nil
    ) {
        self.studentID = studentID
        self.interests = interests
        self.strengths = strengths
        self.learningPreferences = learningPreferences
        self.preferredEnvironment = preferredEnvironment
        self.aspirations = aspirations
        self.languages = languages
        self.interpersonalSkills = interpersonalSkills
        self.intrapersonalSkills = intrapersonalSkills
        self.accommodations = accommodations
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    /// The fields this version changed from `previous` (all that are filled in, for a first version), by the
    /// names the profile page uses.
    public func changedFields(from previous: LearnerProfile?) -> [String] {
        let base = previous ?? LearnerProfile(studentID: studentID)
        let fields: [(String, Bool)] = [
            ("interests", interests != base.interests), ("strengths", strengths != base.strengths),
            ("learning preferences", learningPreferences != base.learningPreferences),
            ("where I work best", preferredEnvironment != base.preferredEnvironment),
            ("aspirations", aspirations != base.aspirations), ("languages", languages != base.languages),
            ("working with others", interpersonalSkills != base.interpersonalSkills),
            ("knowing and managing myself", intrapersonalSkills != base.intrapersonalSkills),
            ("accommodations", accommodations != base.accommodations),
        ]
        return fields.filter(\.1).map(\.0)
    }

    /// The profile without its sensitive fields (for readers without a need to know).
    public var withoutSensitiveFields: LearnerProfile {
        var copy = self
        copy.accommodations = ""
        return copy
    }
}

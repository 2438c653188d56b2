extension Access {
    /// How the actor stands to the thing acted on. The server works this out from the database (enrolments,
    /// guardian links, schools); the policy only reads it.
    public enum Relation: String, CaseIterable, Codable, Sendable {
        /// The actor is the student whose record it is.
        case itself
        /// The actor is a linked guardian of the student (or of a student in the section).
        case guardian
        /// The actor teaches the section, or a section the student is enrolled in.
        case teacher
        /// The actor is a student enrolled in the section.
        case enrolled
        /// The actor belongs to the same school as the thing acted on.
        case sameSchool
        /// The actor belongs to the district the thing acted on is in.
        case sameDistrict
        /// The actor mentors the extended learning opportunity acted on.
        case mentor
        /// None of the above.
        case none
    }
}

extension Access {
    public enum Action: String, CaseIterable, Codable, Sendable {
        /// A student's tracker, mastery, evidence and backpack.
        case viewStudentRecord
        /// Record new evidence for a student.
        case recordEvidence
        /// Correct or exclude a student's evidence (audited, with a reason).
        case correctEvidence
        /// A section's name, teachers and course.
        case viewSection
        /// A section's roster and mastery gradebook.
        case viewGradebook
        /// A section's settings (its calculation policy override).
        case manageSection
        /// A student's own learning work: starting and finishing playlist items, handing in checkpoints.
        case workOnLearning
        /// A student's learner profile (interests, strengths, preferences).
        case editLearnerProfile
        /// Sensitive profile fields (accommodations): staff with a need only.
        case viewSensitiveProfile
        /// Read frameworks, scales and tasks.
        case viewFrameworks
        /// Build and change frameworks, scales and tasks.
        case manageFrameworks
        /// A school's staff and sections overview.
        case viewSchool
        /// People, roles, enrolments and imports.
        case manageRoster
        /// The audit log of changes to students' records.
        case viewAuditLog
    }
}

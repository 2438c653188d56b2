extension Access {
    public enum Action: String, CaseIterable, Codable, Sendable {
        /// A student's tracker, mastery, evidence and backpack.
        case viewStudentRecord
        /// A student's data backpack (their portable record): the student, their guardians (a family's right to
        /// inspect its child's records — without what the student keeps for their teachers only), their current
        /// teachers, and the school's administrators (who move it to another school).
        case viewBackpack
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
        /// A student's own learning work: playlist progress, goals and check-ins, reflections, drafting a
        /// learning plan (the student, and their teachers with them).
        case workOnLearning
        /// Sign off a learning plan: the student, their advisor (a teacher) and a guardian each acknowledge it.
        case acknowledgePlan
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
        /// Reading reflections a student keeps for "only my teachers and me".
        case readPrivateReflections
        /// Giving a student a one-time link (or sign-in card) to set their password.
        case issueSignInLink
        /// Writing in the student's own voice: reflections, and the pieces chosen for the conference.
        case writeStudentVoice
        /// Recording evidence as the teacher of a published flex session the student is placed in.
        case recordSessionEvidence
        /// The frameworks and strands a section's course assesses: administrators; the course's teachers too
        /// where the school lets them (`allows(_:_:_:archived:teachersChooseFrameworks:)`).
        case chooseCourseFrameworks
        /// Set up a school's flex days (sessions, templates), propose, adjust, publish and close them, and read their
        /// attendance: the school's coach and administrators.
        case coordinateFlexDays
        /// Take part in a school's flex days before they are published — see the sessions on offer, so a teacher
        /// may request students and a student may choose: the school's teachers and students.
        case joinFlexDay
        /// Ask for a student in a flex session (required or requested): the student's own teachers.
        case requestFlexStudents
        /// Rank the sessions one would like on a flex day: the student themselves.
        case chooseFlexSessions
        /// A section's final grades: choose the course's grade rule, override a grade with a reason, close a grading
        /// period (freezing its grades). The section's teachers and the school's administrators; still allowed once
        /// the term has ended, when grades are finished.
        case gradeSection
        /// Read the school's "Help for families": everyone of the school or district.
        case viewFamilyResources
        /// Write the school's (or district's) "Help for families": its administrators.
        case editFamilyResources
        /// The district's grade rule (what every course without its own follows): the district's administrators.
        case chooseDistrictGradeRule
        /// Propose an extended learning opportunity: the student themselves.
        case proposeLearningOpportunity
        /// Approve, give a mentor to, and complete a student's extended learning opportunity: a teacher of the
        /// student (their teacher of record or advisor).
        case superviseLearningOpportunity
        /// Consent to a student's extended learning opportunity: their guardian.
        case consentLearningOpportunity
        /// Log hours and observations on an extended learning opportunity: its mentor, and the student.
        case logLearningHours
        /// Read an extended learning opportunity: the student, their family and teachers, its mentor, the school's
        /// coach and administrators.
        case viewLearningOpportunity
        /// Settings of one's own account (the language of one's pages): the person themselves, whatever their role.
        case changeOwnSettings
    }
}

extension Access.Action {
    /// Asked of a section, whether the action changes it or its students' records through it (refused once the
    /// section's term has ended).
    public var changesSection: Bool {
        switch self {
        case .manageSection, .recordEvidence, .correctEvidence, .recordSessionEvidence, .issueSignInLink,
            .chooseCourseFrameworks:
            true
        default: false
        }
    }
}

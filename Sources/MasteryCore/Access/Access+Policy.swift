extension Access {
    /// The one authorization function. Deny unless a rule below allows.
    public enum Policy {
        /// On a section: as `allows(_:_:_:)`, except that nobody changes a section whose term has ended (an
        /// archive still opens, read-only).
        /// `teachersChooseFrameworks`: the section's school lets the teachers of a course choose what it assesses.
        public static func allows(
            _ role: Role, _ relation: Relation, _ action: Action, archived: Bool, teachersChooseFrameworks: Bool = false
        ) -> Bool {
            if archived && action.changesSection { return false }
            if action == .chooseCourseFrameworks, role == .teacher, relation == .teacher {
                return teachersChooseFrameworks
            }
            return allows(role, relation, action)
        }

        public static func allows(_ role: Role, _ relation: Relation, _ action: Action) -> Bool {
            switch action {
            case .viewStudentRecord:
                switch (role, relation) {
                case (.student, .itself), (.guardian, .guardian), (.teacher, .teacher): true
                case (.coach, .sameSchool), (.admin, .sameSchool), (.admin, .sameDistrict): true
                default: false
                }
            case .viewBackpack:
                switch (role, relation) {
                case (.student, .itself), (.guardian, .guardian), (.teacher, .teacher), (.admin, .sameSchool),
                    (.admin, .sameDistrict):
                    true
                default: false
                }
            case .recordEvidence, .correctEvidence:
                role == .teacher && relation == .teacher
            case .viewSection:
                switch (role, relation) {
                case (.teacher, .teacher), (.student, .enrolled), (.guardian, .guardian): true
                case (.coach, .sameSchool), (.admin, .sameSchool), (.admin, .sameDistrict): true
                default: false
                }
            case .viewGradebook:
                switch (role, relation) {
                case (.teacher, .teacher), (.coach, .sameSchool), (.admin, .sameSchool), (.admin, .sameDistrict): true
                default: false
                }
            case .manageSection:
                switch (role, relation) {
                case (.teacher, .teacher), (.admin, .sameSchool), (.admin, .sameDistrict): true
                default: false
                }
            case .acknowledgePlan:
                (role == .student && relation == .itself) || (role == .teacher && relation == .teacher)
                    || (role == .guardian && relation == .guardian)
            case .workOnLearning:
                (role == .student && relation == .itself) || (role == .teacher && relation == .teacher)
            case .editLearnerProfile:
                (role == .student && relation == .itself) || (role == .teacher && relation == .teacher)
            case .viewSensitiveProfile:
                (role == .teacher && relation == .teacher) || (role == .admin && relation == .sameSchool)
            case .viewFrameworks:
                role != .mentor && (relation == .sameSchool || relation == .sameDistrict)
            case .manageFrameworks:
                (role == .teacher || role == .admin) && (relation == .sameSchool || relation == .sameDistrict)
            case .viewSchool:
                switch (role, relation) {
                case (.coach, .sameSchool), (.admin, .sameSchool), (.admin, .sameDistrict): true
                default: false
                }
            case .issueSignInLink:
                switch (role, relation) {
                case (.teacher, .teacher), (.admin, .sameSchool), (.admin, .sameDistrict): true
                default: false
                }
            case .writeStudentVoice:
                role == .student && relation == .itself
            case .readPrivateReflections:
                (role == .student && relation == .itself) || (role == .teacher && relation == .teacher)
            case .recordSessionEvidence:
                role == .teacher && (relation == .teacher || relation == .sameSchool)
            case .chooseCourseFrameworks:
                role == .admin && (relation == .sameSchool || relation == .sameDistrict)
            case .changeOwnSettings:
                relation == .itself
            case .coordinateFlexDays:
                switch (role, relation) {
                case (.coach, .sameSchool), (.admin, .sameSchool), (.admin, .sameDistrict): true
                default: false
                }
            case .joinFlexDay:
                (role == .teacher || role == .student) && relation == .sameSchool
            case .viewFamilyResources:
                role != .mentor && (relation == .sameSchool || relation == .sameDistrict)
            case .editFamilyResources:
                role == .admin && (relation == .sameSchool || relation == .sameDistrict)
            case .chooseDistrictGradeRule:
                role == .admin && relation == .sameDistrict
            case .proposeLearningOpportunity:
                role == .student && relation == .itself
            case .superviseLearningOpportunity:
                role == .teacher && relation == .teacher
            case .consentLearningOpportunity:
                role == .guardian && relation == .guardian
            case .logLearningHours:
                (role == .mentor && relation == .mentor) || (role == .student && relation == .itself)
            case .viewLearningOpportunity:
                switch (role, relation) {
                case (.student, .itself), (.guardian, .guardian), (.teacher, .teacher), (.mentor, .mentor): true
                case (.coach, .sameSchool), (.admin, .sameSchool), (.admin, .sameDistrict): true
                default: false
                }
            case .gradeSection:
                switch (role, relation) {
                case (.teacher, .teacher), (.admin, .sameSchool), (.admin, .sameDistrict): true
                default: false
                }
            case .requestFlexStudents:
                role == .teacher && relation == .teacher
            case .chooseFlexSessions:
                role == .student && relation == .itself
            case .manageRoster, .viewAuditLog:
                role == .admin && (relation == .sameSchool || relation == .sameDistrict)
            }
        }
    }
}

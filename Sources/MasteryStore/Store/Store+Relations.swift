import Foundation
import MasteryCore
import SQLKit

/// How an actor stands to a student, a section or an organization: the facts `Access.Policy` decides on.
extension Store {
    /// The actor's relation to a student's record.
    public func relation(of actor: Person, toStudent studentID: Person.ID) async throws -> Access.Relation {
        if actor.id == studentID { return actor.role == .student ? .itself : .none }
        guard let student = try await person(studentID), student.role == .student else {
            throw StoreError.notFound(kind: "student", id: studentID.rawValue)
        }
        return try await driver.withConnection { db in
            switch actor.role {
            case .guardian:
                let linked =
                    try await db.raw(
                        """
                        SELECT 1 AS x FROM guardian_links WHERE guardian_id = \(bind: actor.id.rawValue) \
                        AND student_id = \(bind: studentID.rawValue)
                        """
                    ).first() != nil
                return linked
                    ? .guardian : try await Self.organizationRelation(db, actor: actor, to: student.organizationID)
            case .teacher:
                let teaches =
                    try await db.raw(
                        """
                        SELECT 1 AS x FROM enrollments AS t JOIN enrollments AS s ON s.section_id = t.section_id
                        WHERE t.person_id = \(bind: actor.id.rawValue) AND t.role = 'teacher'
                        AND s.person_id = \(bind: studentID.rawValue) AND s.role = 'student'
                        """
                    ).first() != nil
                return teaches
                    ? .teacher : try await Self.organizationRelation(db, actor: actor, to: student.organizationID)
            case .mentor:
                return .none
            case .admin, .coach, .student:
                return try await Self.organizationRelation(db, actor: actor, to: student.organizationID)
            }
        }
    }

    /// The actor's relation to a section.
    public func relation(of actor: Person, toSection sectionID: Section.ID) async throws -> Access.Relation {
        try await standing(of: actor, toSection: sectionID).relation
    }

    /// How an actor stands to a section, with the facts about the section the policy weighs.
    public struct SectionStanding: Sendable, Equatable {
        public var relation: Access.Relation
        /// The last day of the section's term, when known.
        public var endsOn: String?
        /// The section's school lets the teachers of a course choose what it assesses.
        public var teachersChooseFrameworks: Bool
    }

    /// The actor's relation to a section and the section's facts, from one query.
    public func standing(of actor: Person, toSection sectionID: Section.ID) async throws -> SectionStanding {
        try await driver.withConnection { db in
            // The section's school and the actor's own tie to it, in one query.
            let tie: SQLQueryString
            switch actor.role {
            case .teacher, .student:
                tie = """
                    SELECT 1 FROM enrollments WHERE section_id = sections.id \
                    AND person_id = \(bind: actor.id.rawValue) AND role = \(bind: actor.role == .teacher ? "teacher" : "student")
                    """
            case .guardian:
                tie = """
                    SELECT 1 FROM guardian_links JOIN enrollments ON enrollments.person_id = guardian_links.student_id
                    WHERE guardian_links.guardian_id = \(bind: actor.id.rawValue) \
                    AND enrollments.section_id = sections.id AND enrollments.role = 'student'
                    """
            case .admin, .coach, .mentor:
                tie = "SELECT 1 WHERE 1 = 0"
            }
            guard
                let row = try await db.raw(
                    """
                    SELECT school_id, ends_on, \
                    (SELECT teachers_choose_frameworks FROM organizations WHERE organizations.id = sections.school_id) \
                    AS teachers_choose, CASE WHEN EXISTS (\(tie)) THEN 1 ELSE 0 END AS tied FROM sections \
                    WHERE id = \(bind: sectionID.rawValue)
                    """
                ).first()
            else { throw StoreError.notFound(kind: "section", id: sectionID.rawValue) }
            let tied = try row.decode(column: "tied", as: Int.self) == 1
            let endsOn = try row.optionalString("ends_on")
            let choose = (try row.decode(column: "teachers_choose", as: Int?.self) ?? 0) == 1
            let relation: Access.Relation
            switch actor.role {
            case .teacher where tied: relation = .teacher
            case .student where tied: relation = .enrolled
            case .guardian: relation = tied ? .guardian : .none
            default: relation = try await Self.organizationRelation(db, actor: actor, to: try row.id("school_id"))
            }
            return Store.SectionStanding(relation: relation, endsOn: endsOn, teachersChooseFrameworks: choose)
        }
    }

    /// The actor's relation to an organization (a school or a district).
    public func relation(
        of actor: Person, toOrganization organizationID: Organization.ID
    ) async throws
        -> Access.Relation
    {
        try await driver.withConnection { db in
            try await Self.organizationRelation(db, actor: actor, to: organizationID)
        }
    }

    /// `sameSchool` when the actor belongs to the organization, `sameDistrict` when the actor belongs to the
    /// district the school is in (or the organization is that district).
    static func organizationRelation(
        _ db: any SQLDatabase, actor: Person, to organizationID: Organization.ID
    )
        async throws -> Access.Relation
    {
        // A mentor is of no school: they stand only to the opportunities they mentor.
        if actor.role == .mentor { return .none }
        if actor.organizationID == organizationID {
            let kind = try await db.raw("SELECT kind FROM organizations WHERE id = \(bind: organizationID.rawValue)")
                .first()?.string("kind")
            return kind == "district" ? .sameDistrict : .sameSchool
        }
        let parent = try await db.raw("SELECT parent_id FROM organizations WHERE id = \(bind: organizationID.rawValue)")
            .first()?.optionalString("parent_id")
        return parent == actor.organizationID.rawValue ? .sameDistrict : .none
    }
}

import Foundation
import MasteryCore
import SQLKit

/// Organizations, people, credentials, guardian links, courses, sections and enrolments.
extension Store {
    static let organizationColumns = ["id", "kind", "name", "parent_id", "sourced_id"]
    static func organizationRow(_ o: Organization) -> [SQLValue] {
        [o.id.rawValue, o.kind.rawValue, o.name, o.parentID?.rawValue, o.sourcedID]
    }

    static let personColumns = [
        "id", "role", "given_name", "family_name", "username", "organization_id", "grade_level", "sourced_id",
    ]
    static func personRow(_ p: Person) -> [SQLValue] {
        [
            p.id.rawValue, p.role.rawValue, p.givenName, p.familyName, p.username, p.organizationID.rawValue,
            p.gradeLevel, p.sourcedID,
        ]
    }

    static let sectionColumns = ["id", "course_id", "school_id", "name", "term", "policy_json", "sourced_id"]
    static func sectionRow(_ s: Section) throws -> [SQLValue] {
        [
            s.id.rawValue, s.courseID.rawValue, s.schoolID.rawValue, s.name, s.term,
            try s.policyOverride.map(JSONText.encode), s.sourcedID,
        ]
    }

    public func organization(_ id: Organization.ID) async throws -> Organization? {
        try await driver.withConnection { db in
            try await db.raw("SELECT * FROM organizations WHERE id = \(bind: id.rawValue)").first().map(
                Rows.organization)
        }
    }

    public func organizations() async throws -> [Organization] {
        try await driver.withConnection { db in
            try await db.raw("SELECT * FROM organizations ORDER BY kind, name").all().map(Rows.organization)
        }
    }

    public func person(_ id: Person.ID) async throws -> Person? {
        try await driver.withConnection { db in
            try await db.raw("SELECT * FROM people WHERE id = \(bind: id.rawValue)").first().map(Rows.person)
        }
    }

    public func people(_ ids: [Person.ID]) async throws -> [Person] {
        guard !ids.isEmpty else { return [] }
        return try await driver.withConnection { db in
            try await db.select().column("*").from("people").where("id", .in, ids.map(\.rawValue))
                .orderBy("family_name").orderBy("given_name").all().map(Rows.person)
        }
    }

    /// The person imported with `sourcedID` (a OneRoster user), if any.
    public func person(sourcedID: String) async throws -> Person? {
        try await driver.withConnection { db in
            try await db.raw("SELECT * FROM people WHERE sourced_id = \(bind: sourcedID)").first().map(Rows.person)
        }
    }

    /// Sets (or replaces) the password hash a person signs in with.
    public func setPassword(hash: String, for personID: Person.ID) async throws {
        try await driver.withTransaction { db in
            try await db.raw("DELETE FROM credentials WHERE person_id = \(bind: personID.rawValue)").run()
            try await db.insertRows(
                "credentials", columns: ["person_id", "password_hash"], rows: [[personID.rawValue, hash]])
        }
    }

    /// The person who signs in with `username` and their password hash, if any.
    public func credentials(username: String) async throws -> (person: Person, passwordHash: String)? {
        try await driver.withConnection { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT people.*, credentials.password_hash FROM people
                    JOIN credentials ON credentials.person_id = people.id
                    WHERE people.username = \(bind: username) AND people.active = 1
                    """
                ).first()
            else { return nil }
            return (try Rows.person(row), try row.string("password_hash"))
        }
    }

    /// The person with this username, active or not.
    public func person(username: String) async throws -> Person? {
        try await driver.withConnection { db in
            try await db.raw("SELECT * FROM people WHERE username = \(bind: username)").first().map(Rows.person)
        }
    }

    /// One stored password hash (to match its cost), or nil when nobody has a password yet.
    public func anyPasswordHash() async throws -> String? {
        try await driver.withConnection { db in
            try await db.raw("SELECT password_hash FROM credentials LIMIT 1").first().map {
                try $0.string("password_hash")
            }
        }
    }

    /// People of one organization with one role, sorted by name.
    public func people(in organizationID: Organization.ID, role: Role) async throws -> [Person] {
        try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT * FROM people WHERE organization_id = \(bind: organizationID.rawValue) \
                AND role = \(bind: role.rawValue) ORDER BY family_name, given_name
                """
            ).all().map(Rows.person)
        }
    }

    public func countPeople(in organizationID: Organization.ID, role: Role) async throws -> Int {
        try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT COUNT(*) AS n FROM people WHERE organization_id = \(bind: organizationID.rawValue) \
                AND role = \(bind: role.rawValue)
                """
            ).first()?.int("n") ?? 0
        }
    }

    public func children(ofGuardian guardianID: Person.ID) async throws -> [Person] {
        try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT people.* FROM people JOIN guardian_links ON guardian_links.student_id = people.id
                WHERE guardian_links.guardian_id = \(bind: guardianID.rawValue) ORDER BY given_name
                """
            ).all().map(Rows.person)
        }
    }

    public func guardians(ofStudent studentID: Person.ID) async throws -> [Person] {
        try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT people.* FROM people JOIN guardian_links ON guardian_links.guardian_id = people.id
                WHERE guardian_links.student_id = \(bind: studentID.rawValue) ORDER BY family_name
                """
            ).all().map(Rows.person)
        }
    }

    public func course(_ id: Course.ID) async throws -> Course? {
        try await driver.withConnection { db in
            guard let row = try await db.raw("SELECT * FROM courses WHERE id = \(bind: id.rawValue)").first() else {
                return nil
            }
            let frameworks = try await db.raw(
                "SELECT framework_id FROM course_frameworks WHERE course_id = \(bind: id.rawValue) ORDER BY position"
            ).all().map { try $0.string("framework_id") }
            let strands = try await db.raw(
                "SELECT strand_id FROM course_strands WHERE course_id = \(bind: id.rawValue) ORDER BY strand_id"
            ).all().map { Strand.ID(try $0.string("strand_id")) }
            return Course(
                id: id, schoolID: try row.id("school_id"), code: try row.string("code"), title: try row.string("title"),
                frameworkIDs: frameworks.map { Framework.ID(rawValue: $0) },
                sourcedID: try row.optionalString("sourced_id"), strandIDs: strands)
        }
    }

    public func section(_ id: Section.ID) async throws -> Section? {
        try await driver.withConnection { db in
            try await db.raw("SELECT * FROM sections WHERE id = \(bind: id.rawValue)").first().map(Rows.section)
        }
    }

    /// Sections where `personID` is enrolled with `role` (teacher or student), by name.
    public func sections(of personID: Person.ID, as role: Enrollment.Role) async throws -> [Section] {
        try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT sections.* FROM sections JOIN enrollments ON enrollments.section_id = sections.id
                WHERE enrollments.person_id = \(bind: personID.rawValue) AND enrollments.role = \(bind: role.rawValue)
                ORDER BY sections.name
                """
            ).all().map(Rows.section)
        }
    }

    /// Every section of a school, by name.
    public func sections(inSchool schoolID: Organization.ID) async throws -> [Section] {
        try await driver.withConnection { db in
            try await db.raw("SELECT * FROM sections WHERE school_id = \(bind: schoolID.rawValue) ORDER BY name")
                .all().map(Rows.section)
        }
    }

    /// The people enrolled in a section with `role`, by family name.
    public func members(of sectionID: Section.ID, as role: Enrollment.Role) async throws -> [Person] {
        try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT people.* FROM people JOIN enrollments ON enrollments.person_id = people.id
                WHERE enrollments.section_id = \(bind: sectionID.rawValue) AND enrollments.role = \(bind: role.rawValue)
                ORDER BY people.family_name, people.given_name
                """
            ).all().map(Rows.person)
        }
    }

    /// Sets or clears a section's calculation policy override, and recomputes its students' records.
    public func setPolicyOverride(
        _ policy: MasteryPolicy?, for sectionID: Section.ID, by actor: Person.ID, at now: Date
    ) async throws {
        let json = try policy.map(JSONText.encode)
        let flavor = self.flavor
        try await driver.withTransaction { db in
            try await db.raw("UPDATE sections SET policy_json = \(bind: json) WHERE id = \(bind: sectionID.rawValue)")
                .run()
            try await Self.audit(
                db, at: now, actor: actor, action: "section.policy", student: nil,
                subject: "section \(sectionID.rawValue)", detail: json ?? "framework policy",
                organization: try await Self.school(ofSection: sectionID, in: db))
            let students = try await db.raw(
                "SELECT person_id FROM enrollments WHERE section_id = \(bind: sectionID.rawValue) AND role = 'student'"
            ).all().map { Person.ID(try $0.string("person_id")) }
            _ = try await Self.recompute(students: students, in: db, flavor: flavor)
        }
    }

    /// The school a section belongs to (through its course), for scoping audit entries.
    static func school(ofSection sectionID: Section.ID, in db: any SQLDatabase) async throws -> Organization.ID? {
        try await db.raw(
            """
            SELECT courses.school_id FROM sections JOIN courses ON courses.id = sections.course_id \
            WHERE sections.id = \(bind: sectionID.rawValue)
            """
        ).first().map { Organization.ID(try $0.string("school_id")) }
    }
}

import Foundation
import MasteryCore
import SQLKit

/// A school's own accounts: the first administrator, people created and changed by administrators, one-time
/// invitations to set a password, and who has signed in.
extension Store {
    /// What the People page shows of an account beyond the person.
    public struct Account: Sendable, Equatable {
        public var person: Person
        public var email: String?
        public var hasPassword: Bool
        public var lastSignInAt: Date?
    }

    /// Whether any active administrator exists (the server shows how to create one when not).
    public func hasAdministrator() async throws -> Bool {
        try await driver.withConnection { db in
            try await db.raw("SELECT 1 AS found FROM people WHERE role = 'admin' AND active = 1 LIMIT 1").first() != nil
        }
    }

    /// The district: the one organization without a parent, if there is one.
    public func district() async throws -> Organization? {
        try await organizations().first { $0.kind == .district }
    }

    /// Creates the district (when there is none, named `districtName`) and the first administrator with a
    /// password; refuses an existing username, changing nothing.
    public func setUp(
        district districtName: String, administrator: Person, email: String?, passwordHash: String, at now: Date
    ) async throws -> Organization {
        try await driver.withTransaction { db in
            if try await db.raw("SELECT 1 AS found FROM people WHERE username = \(bind: administrator.username ?? "")")
                .first() != nil
            {
                throw StoreError.conflict("The username \(administrator.username ?? "") is taken.")
            }
            var district = try await db.raw("SELECT * FROM organizations WHERE parent_id IS NULL AND kind = 'district'")
                .first().map(Rows.organization)
            if district == nil {
                let made = Organization(id: .init("org-\(Self.shortID())"), kind: .district, name: districtName)
                try await db.insertRows(
                    "organizations", columns: ["id", "kind", "name", "parent_id", "sourced_id"],
                    rows: [Self.organizationRow(made)])
                district = made
            }
            var person = administrator
            person.organizationID = district!.id
            try await Self.insertPerson(person, email: email, in: db)
            try await db.insertRows(
                "credentials", columns: ["person_id", "password_hash"], rows: [[person.id.rawValue, passwordHash]])
            try await Self.audit(
                db, at: now, actor: person.id, action: "setup.administrator", student: nil,
                subject: "administrator \(person.username ?? person.id.rawValue)", detail: district!.name,
                organization: district!.id)
            return district!
        }
    }

    static func insertPerson(_ person: Person, email: String?, in db: any SQLDatabase) async throws {
        try await db.insertRows("people", columns: personColumns, rows: [personRow(person)])
        if let email {
            try await db.raw("UPDATE people SET email = \(bind: email) WHERE id = \(bind: person.id.rawValue)").run()
        }
    }

    /// A random lowercase id fragment.
    static func shortID() -> String {
        String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12))
    }

    /// Creates a person (an administrator adding someone by hand); audited.
    public func create(_ person: Person, email: String?, by actor: Person.ID, at now: Date) async throws {
        try await driver.withTransaction { db in
            if let username = person.username,
                try await db.raw("SELECT 1 AS found FROM people WHERE username = \(bind: username)").first() != nil
            {
                throw StoreError.conflict("The username \(username) is taken.")
            }
            try await Self.insertPerson(person, email: email, in: db)
            try await Self.audit(
                db, at: now, actor: actor, action: "person.create", student: person.role == .student ? person.id : nil,
                subject: "\(person.role.rawValue) \(person.username ?? person.id.rawValue)", detail: person.displayName,
                organization: person.organizationID)
        }
    }

    /// Changes a person's names, username, email, role, school or status. Deactivating ends their sessions and
    /// API tokens at once. Audited with what changed.
    public func update(_ person: Person, email: String?, by actor: Person.ID, at now: Date) async throws {
        try await driver.withTransaction { db in
            guard let before = try await db.raw("SELECT * FROM people WHERE id = \(bind: person.id.rawValue)").first()
            else { throw StoreError.notFound(kind: "person", id: person.id.rawValue) }
            let old = try Rows.person(before)
            if let username = person.username, username != old.username,
                try await db.raw("SELECT 1 AS found FROM people WHERE username = \(bind: username)").first() != nil
            {
                throw StoreError.conflict("The username \(username) is taken.")
            }
            try await db.raw(
                """
                UPDATE people SET given_name = \(bind: person.givenName), family_name = \(bind: person.familyName), \
                username = \(bind: person.username), role = \(bind: person.role.rawValue), \
                organization_id = \(bind: person.organizationID.rawValue), grade_level = \(bind: person.gradeLevel), \
                active = \(bind: person.isActive ? 1 : 0), email = \(bind: email) WHERE id = \(bind: person.id.rawValue)
                """
            ).run()
            if !person.isActive {
                for table in ["sessions", "api_tokens"] {
                    try await db.raw("DELETE FROM \(unsafeRaw: table) WHERE person_id = \(bind: person.id.rawValue)")
                        .run()
                }
            }
            var changes: [String] = []
            if old.displayName != person.displayName {
                changes.append("name \(old.displayName) → \(person.displayName)")
            }
            if old.username != person.username { changes.append("username → \(person.username ?? "none")") }
            if old.role != person.role { changes.append("role \(old.role.rawValue) → \(person.role.rawValue)") }
            if old.organizationID != person.organizationID {
                changes.append("school → \(person.organizationID.rawValue)")
            }
            if old.isActive != person.isActive { changes.append(person.isActive ? "reactivated" : "deactivated") }
            try await Self.audit(
                db, at: now, actor: actor, action: "person.update", student: person.role == .student ? person.id : nil,
                subject: "\(person.role.rawValue) \(person.username ?? person.id.rawValue)",
                detail: changes.isEmpty ? "details" : changes.joined(separator: "; "),
                organization: person.organizationID)
        }
    }

    /// Accounts matching a search (name, username or email, case-insensitive), filtered by role, school and
    /// status; at most `limit`, sorted by name.
    public func accounts(
        matching text: String?, role: Role?, schools: [Organization.ID]?, active: Bool?, limit: Int = 200
    ) async throws -> [Account] {
        try await driver.withConnection { db in
            var conditions: [SQLQueryString] = []
            if let text, !text.isEmpty {
                let pattern = "%\(text.lowercased())%"
                conditions.append(
                    """
                    (lower(people.given_name || ' ' || people.family_name) LIKE \(bind: pattern) \
                    OR lower(coalesce(people.username, '')) LIKE \(bind: pattern) \
                    OR lower(coalesce(people.email, '')) LIKE \(bind: pattern))
                    """)
            }
            if let role { conditions.append("people.role = \(bind: role.rawValue)") }
            if let schools {
                guard !schools.isEmpty else { return [] }
                conditions.append("people.organization_id IN (\(binds: schools.map(\.rawValue)))")
            }
            if let active { conditions.append("people.active = \(bind: active ? 1 : 0)") }
            var sql: SQLQueryString = """
                SELECT people.*, credentials.password_hash AS has_password FROM people \
                LEFT JOIN credentials ON credentials.person_id = people.id
                """
            for (index, condition) in conditions.enumerated() {
                sql = "\(sql) \(unsafeRaw: index == 0 ? "WHERE" : "AND") \(condition)"
            }
            sql =
                "\(sql) ORDER BY people.family_name, people.given_name, people.id LIMIT \(literal: max(1, min(limit, 5_000)))"
            return try await db.raw(sql).all().map(Self.account)
        }
    }

    public func account(_ id: Person.ID) async throws -> Account? {
        try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT people.*, credentials.password_hash AS has_password FROM people \
                LEFT JOIN credentials ON credentials.person_id = people.id WHERE people.id = \(bind: id.rawValue)
                """
            ).first().map(Self.account)
        }
    }

    static func account(_ row: any SQLRow) throws -> Account {
        Account(
            person: try Rows.person(row), email: try row.optionalString("email"),
            hasPassword: try row.optionalString("has_password") != nil,
            lastSignInAt: try row.decodeNil(column: "last_sign_in_at") ? nil : try row.date("last_sign_in_at"))
    }

    /// Notes a successful sign-in.
    public func recordSignIn(_ person: Person.ID, at now: Date) async throws {
        try await driver.withConnection { db in
            try await db.raw(
                "UPDATE people SET last_sign_in_at = \(bind: now.timeIntervalSince1970) WHERE id = \(bind: person.rawValue)"
            ).run()
        }
    }

    /// Sets a password (hash) and ends the person's other sessions; audited.
    public func setPassword(hash: String, for person: Person.ID, by actor: Person.ID, at now: Date) async throws {
        try await driver.withTransaction { db in
            try await db.raw("DELETE FROM credentials WHERE person_id = \(bind: person.rawValue)").run()
            try await db.insertRows(
                "credentials", columns: ["person_id", "password_hash"], rows: [[person.rawValue, hash]])
            try await db.raw("DELETE FROM sessions WHERE person_id = \(bind: person.rawValue)").run()
            try await Self.audit(
                db, at: now, actor: actor, action: "person.password", student: nil,
                subject: "person \(person.rawValue)",
                detail: "password set", organization: nil)
        }
    }

    // MARK: Invitations

    public enum InvitationState: Sendable, Equatable {
        case valid(Person)
        case used(Person)
        case expired(Person)
        case unknown
    }

    /// A one-time link secret for `person` to set their password, valid until `expiresAt`; audited.
    public func invite(_ person: Person.ID, by actor: Person.ID, at now: Date, expiresAt: Date) async throws -> String {
        let secret = Self.newSecret()
        try await driver.withTransaction { db in
            try await db.insertRows(
                "invitations", columns: ["token_hash", "person_id", "created_by", "created_at", "expires_at"],
                rows: [
                    [
                        Self.hash(secret), person.rawValue, actor.rawValue, now.timeIntervalSince1970,
                        expiresAt.timeIntervalSince1970,
                    ]
                ])
            try await Self.audit(
                db, at: now, actor: actor, action: "person.invite", student: nil, subject: "person \(person.rawValue)",
                detail: "one-time link until \(Int(expiresAt.timeIntervalSince1970))", organization: nil)
        }
        return secret
    }

    public func invitation(_ secret: String, at now: Date) async throws -> InvitationState {
        try await driver.withConnection { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT people.*, invitations.expires_at AS invitation_expires, invitations.used_at AS invitation_used \
                    FROM invitations JOIN people ON people.id = invitations.person_id \
                    WHERE invitations.token_hash = \(bind: Self.hash(secret))
                    """
                ).first()
            else { return .unknown }
            let person = try Rows.person(row)
            if !(try row.decodeNil(column: "invitation_used")) { return .used(person) }
            if try row.double("invitation_expires") <= now.timeIntervalSince1970 || !person.isActive {
                return .expired(person)
            }
            return .valid(person)
        }
    }

    /// Uses an invitation once: sets the password and marks the link used, in one transaction (a second use,
    /// even at the same moment, finds it used). Returns the person.
    public func redeem(_ secret: String, passwordHash: String, at now: Date) async throws -> Person {
        try await driver.withTransaction { db in
            let hash = Self.hash(secret)
            guard
                let row = try await db.raw(
                    """
                    SELECT people.*, invitations.expires_at AS invitation_expires FROM invitations \
                    JOIN people ON people.id = invitations.person_id \
                    WHERE invitations.token_hash = \(bind: hash) AND invitations.used_at IS NULL \
                    AND invitations.expires_at > \(bind: now.timeIntervalSince1970) AND people.active = 1
                    """
                ).first()
            else { throw StoreError.conflict("This link has been used or has expired.") }
            let person = try Rows.person(row)
            try await db.raw(
                "UPDATE invitations SET used_at = \(bind: now.timeIntervalSince1970) WHERE token_hash = \(bind: hash) AND used_at IS NULL"
            ).run()
            try await db.raw("DELETE FROM credentials WHERE person_id = \(bind: person.id.rawValue)").run()
            try await db.insertRows(
                "credentials", columns: ["person_id", "password_hash"], rows: [[person.id.rawValue, passwordHash]])
            try await db.raw("DELETE FROM sessions WHERE person_id = \(bind: person.id.rawValue)").run()
            try await Self.audit(
                db, at: now, actor: person.id, action: "person.password", student: nil,
                subject: "person \(person.id.rawValue)", detail: "password set through a one-time link",
                organization: nil)
            return person
        }
    }
}

extension Store {
    /// Links a guardian to a student (guardians are often missing from the SIS); audited. Linking twice is a no-op.
    public func linkGuardian(
        _ guardian: Person.ID, to student: Person.ID, by actor: Person.ID, at now: Date
    ) async throws {
        try await driver.withTransaction { db in
            let exists =
                try await db.raw(
                    "SELECT 1 AS found FROM guardian_links WHERE guardian_id = \(bind: guardian.rawValue) AND student_id = \(bind: student.rawValue)"
                ).first() != nil
            guard !exists else { return }
            try await db.insertRows(
                "guardian_links", columns: ["guardian_id", "student_id"], rows: [[guardian.rawValue, student.rawValue]])
            try await Self.audit(
                db, at: now, actor: actor, action: "guardian.link", student: student,
                subject: "guardian \(guardian.rawValue)", detail: "linked to the student", organization: nil)
        }
    }

    public func unlinkGuardian(
        _ guardian: Person.ID, from student: Person.ID, by actor: Person.ID, at now: Date
    ) async throws {
        try await driver.withTransaction { db in
            try await db.raw(
                "DELETE FROM guardian_links WHERE guardian_id = \(bind: guardian.rawValue) AND student_id = \(bind: student.rawValue)"
            ).run()
            try await Self.audit(
                db, at: now, actor: actor, action: "guardian.unlink", student: student,
                subject: "guardian \(guardian.rawValue)", detail: "unlinked from the student", organization: nil)
        }
    }
}

extension Store {
    /// How far a school is with going live: people who never signed in, courses, courses without frameworks and
    /// the frameworks its courses assess.
    public struct SchoolReadiness: Sendable, Equatable {
        public var neverSignedIn: Int
        public var withoutPassword: Int
        public var courses: Int
        public var coursesWithoutFrameworks: Int
        public var frameworksLinked: Int
    }

    public func readiness(of school: Organization.ID) async throws -> SchoolReadiness {
        try await driver.withConnection { db in
            func count(_ sql: SQLQueryString) async throws -> Int {
                try await db.raw(sql).first()?.int("n") ?? 0
            }
            let id = school.rawValue
            return SchoolReadiness(
                neverSignedIn: try await count(
                    "SELECT COUNT(*) AS n FROM people WHERE organization_id = \(bind: id) AND active = 1 AND last_sign_in_at IS NULL"
                ),
                withoutPassword: try await count(
                    """
                    SELECT COUNT(*) AS n FROM people LEFT JOIN credentials ON credentials.person_id = people.id \
                    WHERE people.organization_id = \(bind: id) AND people.active = 1 AND credentials.person_id IS NULL
                    """),
                courses: try await count("SELECT COUNT(*) AS n FROM courses WHERE school_id = \(bind: id)"),
                coursesWithoutFrameworks: try await count(
                    """
                    SELECT COUNT(*) AS n FROM courses WHERE school_id = \(bind: id) \
                    AND NOT EXISTS (SELECT 1 FROM course_frameworks WHERE course_frameworks.course_id = courses.id)
                    """),
                frameworksLinked: try await count(
                    """
                    SELECT COUNT(DISTINCT course_frameworks.framework_id) AS n FROM course_frameworks \
                    JOIN courses ON courses.id = course_frameworks.course_id WHERE courses.school_id = \(bind: id)
                    """))
        }
    }
}

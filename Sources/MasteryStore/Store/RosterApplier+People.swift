import Foundation
import MasteryCore
import SQLKit

/// People, their enrollments and their guardians.
extension RosterApplier {
    // MARK: People

    mutating func upsertPeople(_ line: inout ImportSummary.Line) async throws {
        let existing = try await stored(
            "people",
            [
                "id", "role", "given_name", "family_name", "username", "organization_id", "grade_level", "active",
                "sourced_id", "email",
            ])
        for (sourcedID, row) in existing {
            personIDs[sourcedID] = try row.string("id")
            personRoles[sourcedID] = Role(rawValue: try row.string("role"))
        }
        for record in live(.people, roster.people, \.origin) {
            let sourcedID = record.origin.sourcedID
            if let row = existing[sourcedID] {
                let id = try row.string("id")
                let storedRole = Role(rawValue: try row.string("role")) ?? .student
                let role = record.role ?? storedRole
                let storedOrganization = try row.string("organization_id")
                let organizationID =
                    record.organizationSourcedID.flatMap { organizationIDs[$0] } ?? storedOrganization
                personRoles[sourcedID] = role
                let same =
                    try row.string("role") == role.rawValue && row.string("given_name") == record.givenName
                    && row.string("family_name") == record.familyName
                    && row.optionalString("username") == record.username
                    && row.string("organization_id") == organizationID
                    && row.optionalString("grade_level") == record.gradeLevel && row.bool("active") == record.active
                    && (record.email == nil || row.optionalString("email") == record.email)
                if same {
                    line.unchanged += 1
                    continue
                }
                try await db.raw(
                    """
                    UPDATE people SET role = \(bind: role.rawValue), given_name = \(bind: record.givenName), \
                    family_name = \(bind: record.familyName), username = \(bind: record.username), \
                    organization_id = \(bind: organizationID), grade_level = \(bind: record.gradeLevel), \
                    active = \(bind: record.active ? 1 : 0) WHERE id = \(bind: id)
                    """
                ).run()
                // An email given in Masterly is kept when the roster has none.
                if let email = record.email {
                    try await db.raw("UPDATE people SET email = \(bind: email) WHERE id = \(bind: id)").run()
                }
                if !record.active { try await Self.endSessions(db, personID: id) }
                line.updated += 1
            } else {
                guard let role = record.role,
                    let organizationID = record.organizationSourcedID.flatMap({ organizationIDs[$0] })
                else { continue }
                let id = Store.importedID("p", sourcedID)
                personIDs[sourcedID] = id
                personRoles[sourcedID] = role
                try await db.insertRows(
                    "people", columns: Store.personColumns + ["active"],
                    rows: [
                        [
                            id, role.rawValue, record.givenName, record.familyName, record.username, organizationID,
                            record.gradeLevel, sourcedID, record.active ? 1 : 0,
                        ]
                    ])
                if let email = record.email {
                    try await db.raw("UPDATE people SET email = \(bind: email) WHERE id = \(bind: id)").run()
                }
                line.created += 1
            }
        }
    }

    /// People the source removed are deactivated: they cannot sign in, and keep their evidence.
    mutating func deactivatePeople(_ line: inout ImportSummary.Line) async throws {
        let stored = try await stored("people", ["sourced_id", "active"])
        for sourcedID in removedSourcedIDs(.people, records: roster.people, origin: \.origin, stored: stored.keys) {
            guard let row = stored[sourcedID], try row.bool("active"), let id = personIDs[sourcedID] else { continue }
            try await db.raw("UPDATE people SET active = 0 WHERE id = \(bind: id)").run()
            try await Self.endSessions(db, personID: id)
            line.removed += 1
        }
    }

    static func endSessions(_ db: any SQLDatabase, personID: String) async throws {
        try await db.raw("DELETE FROM sessions WHERE person_id = \(bind: personID)").run()
        try await db.raw("DELETE FROM api_tokens WHERE person_id = \(bind: personID)").run()
    }

    // MARK: Enrollments and guardians

    mutating func upsertEnrollments(_ line: inout ImportSummary.Line) async throws {
        let rows = try await db.raw(
            "SELECT section_id, person_id, role, sourced_id FROM enrollments WHERE sourced_id IS NOT NULL"
        ).all()
        var existing: [String: (section: String, person: String, role: String)] = [:]
        for row in rows {
            existing[try row.string("sourced_id")] = (
                try row.string("section_id"), try row.string("person_id"), try row.string("role")
            )
        }
        let deletedSections = Set(
            roster.sections.filter { $0.origin.deleted && !isStale(.sections, $0.origin) }.map(\.origin.sourcedID))
        let deletedPeople = Set(
            roster.people.filter { $0.origin.deleted && !isStale(.people, $0.origin) }.map(\.origin.sourcedID))
        var pairs: Set<String> = []
        for record in live(.enrollments, roster.enrollments, \.origin) {
            guard let role = record.role, !deletedSections.contains(record.sectionSourcedID),
                !deletedPeople.contains(record.personSourcedID),
                let sectionID = sectionIDs[record.sectionSourcedID], let personID = personIDs[record.personSourcedID],
                pairs.insert(sectionID + "\u{0}" + personID).inserted
            else { continue }
            if let current = existing[record.origin.sourcedID] {
                if current == (sectionID, personID, role.rawValue) {
                    line.unchanged += 1
                    continue
                }
                try await db.raw("DELETE FROM enrollments WHERE sourced_id = \(bind: record.origin.sourcedID)").run()
                line.updated += 1
            } else {
                line.created += 1
            }
            try await db.raw(
                "DELETE FROM enrollments WHERE section_id = \(bind: sectionID) AND person_id = \(bind: personID)"
            ).run()
            try await db.insertRows(
                "enrollments", columns: ["section_id", "person_id", "role", "sourced_id"],
                rows: [[sectionID, personID, role.rawValue, record.origin.sourcedID]])
        }
    }

    mutating func removeEnrollments(_ line: inout ImportSummary.Line) async throws {
        let stored = try await stored("enrollments", ["sourced_id"]).keys
        var removed = removedSourcedIDs(.enrollments, records: roster.enrollments, origin: \.origin, stored: stored)
        // Enrollments of sections or people the source deletes go with them.
        let goneSections = Set(
            removedSourcedIDs(.sections, records: roster.sections, origin: \.origin, stored: sectionIDs.keys)
                .compactMap { sectionIDs[$0] })
        let gonePeople = Set(
            removedSourcedIDs(.people, records: roster.people, origin: \.origin, stored: personIDs.keys)
                .compactMap { personIDs[$0] })
        if !goneSections.isEmpty || !gonePeople.isEmpty {
            for row in try await db.raw(
                "SELECT section_id, person_id, sourced_id FROM enrollments WHERE sourced_id IS NOT NULL"
            ).all() {
                if try goneSections.contains(row.string("section_id")) || gonePeople.contains(row.string("person_id")) {
                    removed.append(try row.string("sourced_id"))
                }
            }
        }
        for sourcedID in Set(removed).sorted() where stored.contains(sourcedID) {
            try await db.raw("DELETE FROM enrollments WHERE sourced_id = \(bind: sourcedID)").run()
            line.removed += 1
        }
    }

    /// Links a guardian and a student who name each other (in either direction) as agents.
    mutating func linkGuardians(_ line: inout ImportSummary.Line) async throws {
        var wanted: Set<[String]> = []
        for record in live(.people, roster.people, \.origin) {
            for agent in record.agentSourcedIDs {
                let pair = [record.origin.sourcedID, agent]
                switch (personRoles[pair[0]], personRoles[pair[1]]) {
                case (.guardian, .student): wanted.insert([pair[0], pair[1]])
                case (.student, .guardian): wanted.insert([pair[1], pair[0]])
                default: continue
                }
            }
        }
        for pair in wanted.sorted(by: { $0.joined() < $1.joined() }) {
            guard let guardian = personIDs[pair[0]], let student = personIDs[pair[1]] else { continue }
            let present = try await db.raw(
                """
                SELECT 1 AS found FROM guardian_links WHERE guardian_id = \(bind: guardian) \
                AND student_id = \(bind: student)
                """
            ).first()
            if present != nil {
                line.unchanged += 1
                continue
            }
            try await db.insertRows(
                "guardian_links", columns: ["guardian_id", "student_id"], rows: [[guardian, student]])
            line.created += 1
        }
    }
}

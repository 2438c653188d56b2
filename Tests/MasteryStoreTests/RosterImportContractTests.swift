import Foundation
import MasteryCore
import MasteryStore
import Testing

/// A small district roster as a student information system would send it, built directly (the OneRoster
/// reader has its own tests): one school, a course, a section, a teacher, two students and a guardian.
enum RosterFixture {
    static func origin(_ file: String, _ line: Int, _ id: String, deleted: Bool = false) -> RosterImport.Origin {
        RosterImport.Origin(file: file, line: line, sourcedID: id, deleted: deleted)
    }

    static func person(
        _ line: Int, _ id: String, _ role: Role, _ given: String, username: String? = nil, agents: [String] = [],
        deleted: Bool = false
    ) -> RosterImport.PersonRecord {
        RosterImport.PersonRecord(
            origin: origin("users.csv", line, id, deleted: deleted), role: role, active: true,
            username: username ?? id, givenName: given, familyName: "Roster", organizationSourcedID: "org-1",
            gradeLevel: role == .student ? "07" : nil, agentSourcedIDs: agents)
    }

    static func enrollment(
        _ line: Int, _ id: String, _ person: String, _ role: Enrollment.Role, deleted: Bool = false
    )
        -> RosterImport.EnrollmentRecord
    {
        RosterImport.EnrollmentRecord(
            origin: origin("enrollments.csv", line, id, deleted: deleted), sectionSourcedID: "cls-1",
            personSourcedID: person, role: role)
    }

    static func bulk(
        people: [RosterImport.PersonRecord]? = nil, enrollments: [RosterImport.EnrollmentRecord]? = nil
    )
        -> RosterImport
    {
        var roster = RosterImport(
            source: "test roster",
            modes: Dictionary(uniqueKeysWithValues: RosterImport.Kind.allCases.map { ($0, .bulk) }))
        roster.organizations = [
            .init(origin: origin("orgs.csv", 2, "org-1"), kind: .school, name: "Roster School", parentSourcedID: nil)
        ]
        roster.academicSessions = [
            .init(
                origin: origin("academicSessions.csv", 2, "term-1"), title: "Fall", type: "term",
                startDate: "2026-09-01", endDate: "2027-01-31", parentSourcedID: nil, schoolYear: "2027")
        ]
        roster.courses = [
            .init(origin: origin("courses.csv", 2, "crs-1"), title: "Math 7", code: "M7", schoolSourcedID: "org-1")
        ]
        roster.sections = [
            .init(
                origin: origin("classes.csv", 2, "cls-1"), name: "Math 7 (A)", courseSourcedID: "crs-1",
                schoolSourcedID: "org-1", termSourcedIDs: ["term-1"])
        ]
        roster.people =
            people ?? [
                person(2, "u-teacher", .teacher, "Tia"), person(3, "u-ann", .student, "Ann"),
                person(4, "u-ben", .student, "Ben"), person(5, "u-gus", .guardian, "Gus", agents: ["u-ann"]),
            ]
        roster.enrollments =
            enrollments ?? [
                enrollment(2, "e-1", "u-teacher", .teacher), enrollment(3, "e-2", "u-ann", .student),
                enrollment(4, "e-3", "u-ben", .student),
            ]
        return roster
    }
}

extension StoreContractTests {
    static let importer = Person.ID("system:test")

    @Test("A roster import creates, then a repeat changes nothing", arguments: Backend.available)
    func rosterImportIsIdempotent(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let first = try await store.apply(RosterFixture.bulk(), by: Self.importer, at: Fixture.start)
            #expect(first["people"]?.created == 4)
            #expect(first["enrollments"]?.created == 3)
            #expect(first["guardian links"]?.created == 1)
            let section = try #require(
                try await store.sections(of: Person.ID(rawValue: try await id(store, "u-teacher")), as: .teacher).first)
            #expect(section.name == "Math 7 (A)" && section.term == "Fall")
            #expect(try await store.members(of: section.id, as: .student).map(\.givenName) == ["Ann", "Ben"])
            let again = try await store.apply(RosterFixture.bulk(), by: Self.importer, at: Fixture.start)
            #expect(again.changedNothing)
            #expect(again["people"]?.unchanged == 4)
            let audit = try await store.auditLog()
            #expect(audit.filter { $0.action == "roster.import" }.count == 2)
        }
    }

    @Test("A preview (dry run) reports the changes and writes nothing", arguments: Backend.available)
    func rosterPreviewWritesNothing(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let preview = try await store.apply(
                RosterFixture.bulk(), by: Self.importer, at: Fixture.start, dryRun: true)
            #expect(preview["people"]?.created == 4)
            #expect(try await store.rosterSourcedIDs()[.people]?.isEmpty == true)
            #expect(try await store.auditLog().isEmpty)
        }
    }

    @Test(
        "A bulk roster without a student deactivates them and keeps their evidence", arguments: Backend.available)
    func rosterBulkRemovalDeactivates(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            _ = try await store.apply(RosterFixture.bulk(), by: Self.importer, at: Fixture.start)
            let ben = Person.ID(rawValue: try await id(store, "u-ben"))
            try await store.setPassword(hash: "hash-ben", for: ben)
            #expect(try await store.credentials(username: "u-ben") != nil)
            _ = try await store.append(
                [.record(student: ben, competency: Fixture.fractions, score: 3)], by: Fixture.teacher,
                at: Fixture.start)
            let people = [
                RosterFixture.person(2, "u-teacher", .teacher, "Tia"),
                RosterFixture.person(3, "u-ann", .student, "Ann"),
                RosterFixture.person(5, "u-gus", .guardian, "Gus", agents: ["u-ann"]),
            ]
            let enrollments = [
                RosterFixture.enrollment(2, "e-1", "u-teacher", .teacher),
                RosterFixture.enrollment(3, "e-2", "u-ann", .student),
            ]
            let summary = try await store.apply(
                RosterFixture.bulk(people: people, enrollments: enrollments), by: Self.importer, at: Fixture.start)
            #expect(summary["people"]?.removed == 1)
            #expect(summary["enrollments"]?.removed == 1)
            #expect(try await store.person(ben) != nil)
            #expect(try await store.credentials(username: "u-ben") == nil)
            #expect(try await store.evidence(student: ben)[Fixture.fractions]?.count == 1)
            // Masterly's own people are never touched by a roster.
            #expect(try await store.person(Fixture.student) != nil)
            #expect(try await store.credentials(username: Fixture.teacher.rawValue) != nil)
        }
    }

    @Test("A delta roster changes only what it lists", arguments: Backend.available)
    func rosterDelta(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            _ = try await store.apply(RosterFixture.bulk(), by: Self.importer, at: Fixture.start)
            var delta = RosterImport(
                source: "delta", modes: [.people: .delta, .enrollments: .delta])
            delta.people = [RosterFixture.person(2, "u-ann", .student, "Annie")]
            delta.enrollments = [RosterFixture.enrollment(2, "e-3", "u-ben", .student, deleted: true)]
            let version = try await store.changeVersion()
            let summary = try await store.apply(delta, by: Self.importer, at: Fixture.start)
            // Who may see what changed, so must the change version (pages cached per viewer rely on it).
            #expect(try await store.changeVersion() > version)
            #expect(summary["people"]?.updated == 1)
            #expect(summary["enrollments"]?.removed == 1)
            #expect(summary["sections"]?.removed == 0 && summary["organizations"]?.removed == 0)
            let ann = try #require(try await store.person(Person.ID(rawValue: try await id(store, "u-ann"))))
            #expect(ann.givenName == "Annie")
            let ben = try #require(try await store.person(Person.ID(rawValue: try await id(store, "u-ben"))))
            #expect(ben.givenName == "Ben")
            #expect(try await store.sections(of: ben.id, as: .student).isEmpty)
        }
    }

    @Test("A delivery that arrives out of order cannot put an older version back", arguments: Backend.available)
    func rosterOutOfOrder(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            func dated<R>(_ records: [R], _ path: WritableKeyPath<R, RosterImport.Origin>, day: Double) -> [R] {
                records.map { record in
                    var record = record
                    record[keyPath: path].modifiedAt = Fixture.day(day)
                    return record
                }
            }
            var bulk = RosterFixture.bulk()
            bulk.people = dated(bulk.people, \.origin, day: 10)
            bulk.enrollments = dated(bulk.enrollments, \.origin, day: 10)
            _ = try await store.apply(bulk, by: Self.importer, at: Fixture.start)
            let ann = Person.ID(rawValue: try await id(store, "u-ann"))
            let ben = Person.ID(rawValue: try await id(store, "u-ben"))
            func delta(_ name: String, nameDay: Double, dropDay: Double) -> RosterImport {
                var delta = RosterImport(source: "delta", modes: [.people: .delta, .enrollments: .delta])
                delta.people = dated([RosterFixture.person(2, "u-ann", .student, name)], \.origin, day: nameDay)
                delta.enrollments = dated(
                    [RosterFixture.enrollment(2, "e-3", "u-ben", .student, deleted: true)], \.origin, day: dropDay)
                return delta
            }
            // Day 12's change arrives first (without the drop), then day 11's, and a drop dated before day 10.
            var newer = delta("Annie", nameDay: 12, dropDay: 12)
            newer.enrollments = []
            #expect(try await store.apply(newer, by: Self.importer, at: Fixture.start)["people"]?.updated == 1)
            let late = try await store.apply(
                delta("Anna", nameDay: 11, dropDay: 9), by: Self.importer, at: Fixture.start)
            #expect(late["people"]?.stale == 1 && late["people"]?.updated == 0)
            #expect(late["enrollments"]?.stale == 1 && late["enrollments"]?.removed == 0)
            #expect(late.notes.count == 2 && late.notes[0].hasPrefix("users.csv:2: u-ann is dated"))
            #expect(late.description.contains("1 older than what Masterly has"))
            #expect(try await store.person(ann)?.givenName == "Annie")
            #expect(try await store.sections(of: ben, as: .student).count == 1)
            // A bulk file with an older copy of a record neither changes nor removes it; the rest applies.
            var stale = RosterFixture.bulk()
            stale.people = dated(stale.people, \.origin, day: 13)
            stale.people = stale.people.map { person in
                guard person.origin.sourcedID == "u-ben" else { return person }
                var older = RosterFixture.person(4, "u-ben", .student, "Benjamin")
                older.origin.modifiedAt = Fixture.day(5)
                return older
            }
            let summary = try await store.apply(stale, by: Self.importer, at: Fixture.start)
            #expect(summary["people"]?.stale == 1 && summary["people"]?.removed == 0)
            #expect(try await store.person(ben)?.givenName == "Ben")
            #expect(try await store.person(ann)?.givenName == "Ann")
            // The same delivery again is not older than itself.
            #expect(try await store.apply(stale, by: Self.importer, at: Fixture.start)["people"]?.stale == 1)
            // Day 10's bulk again: older for the three people day 13 changed; Ben's day-10 copy is still current.
            #expect(try await store.apply(bulk, by: Self.importer, at: Fixture.start)["people"]?.stale == 3)
        }
    }

    @Test("A username Masterly already uses refuses the roster and writes nothing", arguments: Backend.available)
    func rosterUsernameConflict(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            let people = [RosterFixture.person(7, "u-x", .teacher, "Xena", username: Fixture.teacher.rawValue)]
            await #expect {
                _ = try await store.apply(
                    RosterFixture.bulk(people: people, enrollments: []), by: Self.importer, at: Fixture.start)
            } throws: { error in
                (error as? RosterImportConflict)?.description
                    == "users.csv:7: username: username 't1' already belongs to another person in Masterly"
            }
            #expect(try await store.rosterSourcedIDs()[.organizations]?.isEmpty == true)
        }
    }

    /// The Masterly id of the person imported with `sourcedID`.
    func id(_ store: Store, _ sourcedID: String) async throws -> String {
        try #require(try await store.person(sourcedID: sourcedID)).id.rawValue
    }
}

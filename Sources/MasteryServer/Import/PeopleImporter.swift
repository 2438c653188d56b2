import Foundation
import MasteryCore
import MasteryInterop
import MasteryStore

/// Applies a people CSV (`PeopleCSV`) for an administrator: people are matched by username, created or
/// updated in the schools the administrator manages, with only roles they may grant, and guardians linked to
/// the students they name. Everything is checked before anything is written; importing the same file again
/// changes nothing.
struct PeopleImporter {
    let admin: PeopleAdmin
    var store: Store { admin.store }

    private enum Change {
        case create(Person, email: String?)
        case update(Person, email: String?)
        case unchanged(Person)

        var person: Person {
            switch self {
            case .create(let person, _), .update(let person, _), .unchanged(let person): person
            }
        }
    }

    func run(_ data: Data, fileName: String, at now: Date, dryRun: Bool) async throws -> ImportOutcome {
        let file: PeopleCSV
        do {
            file = try PeopleCSV(data, fileName: fileName)
        } catch {
            return ImportOutcome(summary: nil, problems: error.problems)
        }
        var problems: [ImportProblem] = []
        func problem(_ row: PeopleCSV.Row, _ field: String, _ message: String) {
            problems.append(ImportProblem(file: fileName, line: row.line, field: field, message: message))
        }
        let schools = admin.organizations.filter { $0.kind == .school }
        var changes: [Change] = []
        var byUsername: [String: Person] = [:]
        for row in file.rows {
            let school: Organization?
            if let name = row.school {
                school = admin.organizations.first {
                    $0.id.rawValue == name || $0.sourcedID == name || $0.name.lowercased() == name.lowercased()
                }
                if school == nil { problem(row, "school", "'\(name)' is not a school you manage") }
            } else if schools.count == 1 || admin.organizations[0].kind == .school {
                school = admin.organizations[0].kind == .school ? admin.organizations[0] : schools[0]
            } else {
                school = nil
                problem(row, "school", "is empty; you manage several schools, so name one")
            }
            guard let school else { continue }
            guard admin.grantableRoles(in: school).contains(row.role) else {
                problem(row, "role", "a \(row.role.displayName.lowercased()) cannot be added to \(school.name)")
                continue
            }
            if let existing = try await store.person(username: row.username) {
                guard admin.schoolIDs.contains(existing.organizationID) else {
                    problem(row, "username", "'\(row.username)' belongs to someone in a school you do not manage")
                    continue
                }
                var person = existing
                person.role = row.role
                person.givenName = row.givenName
                person.familyName = row.familyName
                person.organizationID = school.id
                person.gradeLevel = row.grade ?? existing.gradeLevel
                let before = try await store.account(existing.id)?.email
                let email = row.email ?? before
                changes.append(
                    person == existing && email == before ? .unchanged(person) : .update(person, email: email))
                byUsername[row.username.lowercased()] = person
            } else {
                let person = Person(
                    id: .init("p-\(row.role.rawValue)-\(UUID().uuidString.lowercased().prefix(8))"), role: row.role,
                    givenName: row.givenName, familyName: row.familyName, username: row.username,
                    organizationID: school.id, gradeLevel: row.grade)
                changes.append(.create(person, email: row.email))
                byUsername[row.username.lowercased()] = person
            }
        }
        var links: [(guardian: Person, student: Person, line: Int)] = []
        for row in file.rows where !row.guardianOf.isEmpty {
            guard let guardian = byUsername[row.username.lowercased()] else { continue }
            for name in row.guardianOf {
                var student = byUsername[name.lowercased()]
                if student == nil, let found = try await store.person(username: name),
                    admin.schoolIDs.contains(found.organizationID)
                {
                    student = found
                }
                guard let student, student.role == .student else {
                    problem(row, "guardian_of", "'\(name)' is not a student of your schools")
                    continue
                }
                links.append((guardian, student, row.line))
            }
        }
        var enrolments: [(person: Person, section: Section)] = []
        var schoolSections: [Organization.ID: [Section]] = [:]
        for row in file.rows where !row.sections.isEmpty {
            guard let person = byUsername[row.username.lowercased()] else { continue }
            if schoolSections[person.organizationID] == nil {
                schoolSections[person.organizationID] = try await store.sections(inSchool: person.organizationID)
            }
            for name in row.sections {
                let found = (schoolSections[person.organizationID] ?? []).filter {
                    $0.id.rawValue == name || $0.sourcedID == name || $0.name.lowercased() == name.lowercased()
                }
                guard found.count == 1, let section = found.first else {
                    problem(
                        row, "sections",
                        found.isEmpty
                            ? "'\(name)' is not a section of the person's school"
                            : "'\(name)' names \(found.count) sections; use the section's id")
                    continue
                }
                enrolments.append((person, section))
            }
        }
        guard problems.isEmpty else { return ImportOutcome(summary: nil, problems: problems) }
        var people = ImportSummary.Line(kind: "people")
        var linked = ImportSummary.Line(kind: "guardian links")
        for change in changes {
            switch change {
            case .create(let person, let email):
                people.created += 1
                if !dryRun { try await store.create(person, email: email, by: admin.admin.id, at: now) }
            case .update(let person, let email):
                people.updated += 1
                if !dryRun { try await store.update(person, email: email, by: admin.admin.id, at: now) }
            case .unchanged:
                people.unchanged += 1
            }
        }
        for link in links {
            let existing = try await store.children(ofGuardian: link.guardian.id).contains { $0.id == link.student.id }
            if existing {
                linked.unchanged += 1
            } else {
                linked.created += 1
                if !dryRun {
                    try await store.linkGuardian(link.guardian.id, to: link.student.id, by: admin.admin.id, at: now)
                }
            }
        }
        var enrolled = ImportSummary.Line(kind: "enrolments")
        for (person, section) in enrolments {
            let role: Enrollment.Role = person.role == .student ? .student : .teacher
            let members = try await store.members(of: section.id, as: role)
            if members.contains(where: { $0.id == person.id }) {
                enrolled.unchanged += 1
            } else {
                enrolled.created += 1
                if !dryRun { try await store.enrol(person.id, in: section.id, as: role, by: admin.admin.id, at: now) }
            }
        }
        return ImportOutcome(
            summary: ImportSummary(lines: [people, linked, enrolled]), problems: [],
            headline: "\(changes.count) people in \(fileName)")
    }
}

import Foundation
import MasteryCore
import MasteryInterop
import Testing

/// The real OneRoster exports in `../shared/data/interop/oneroster` (read in place, never copied): two must
/// import, three must be refused with their errors located, and nothing else.
@Suite(
    "OneRoster sample exports",
    .enabled(
        if: SharedFolder.file("data/interop/oneroster") != nil,
        "../shared/data/interop/oneroster is not here: the real-export checks are skipped"))
struct OneRosterSampleTests {
    func read(_ set: String) throws -> (roster: RosterImport, warnings: [ImportProblem]) {
        let url = try #require(SharedFolder.file("data/interop/oneroster/\(set)"))
        return try OneRosterReader().read(try OneRosterPackage(contentsOf: url))
    }

    func refusal(_ set: String) throws -> [ImportProblem] {
        do {
            _ = try read(set)
            Issue.record("\(set) was accepted")
            return []
        } catch let error as ImportError {
            return error.problems
        }
    }

    @Test("The all-quoted 1.1 roster hub export imports, with its role mismatches as warnings")
    func lepo() throws {
        let (roster, warnings) = try read("v1p1-lepo-roster-hub-en")
        #expect(roster.organizations.count == 1 && roster.academicSessions.count == 4 && roster.courses.count == 2)
        #expect(roster.sections.count == 5 && roster.people.count == 20 && roster.enrollments.count == 30)
        #expect(roster.people.allSatisfy { $0.role == .student })
        #expect(roster.enrollments.filter { $0.role == .teacher }.count == 5)
        #expect(warnings.count == 8)
        #expect(
            warnings.first?.description
                == "warning: manifest.csv:10: fiel.demographics: unknown manifest key (did you mean file.demographics?); ignored"
        )
        #expect(
            warnings.map(\.description).contains(
                "warning: enrollments.csv:2: role: user 'us0001' is student in users.csv but enrolled as teacher in class 'cl0001'"
            ))
    }

    @Test("The 1.2 delta test set imports cleanly through roles.csv")
    func delta12() throws {
        let (roster, warnings) = try read("v1p2-moodle-enrol-oneroster_test_data")
        #expect(warnings.isEmpty)
        #expect(roster.mode(.people) == .delta)
        let person = try #require(roster.people.first)
        #expect(person.role == .student && person.username == "brucewayne")
        #expect(roster.sections.first?.name == "Basic Detection")
    }

    @Test("The messiest export (1.2 full data set) is refused with every error located")
    func messiest() throws {
        let problems = try refusal("v1p2-moodle-enrol-v1p2_full_dataset")
        let errors = problems.filter { $0.severity == .error }.map(\.description)
        #expect(errors.count == 20)
        #expect(errors.first == "orgs.csv:2: parentSourcedId: unknown org 'org-sch-222-3456' (not in orgs.csv)")
        #expect(errors.contains("roles.csv:1: column 10: empty column name"))
        #expect(errors.contains("roles.csv:2: row: 9 fields but the header has 11"))
        #expect(
            errors.contains(
                "users.csv:2: dateLastModified: '1/05/2023' is not a date-time (expected YYYY-MM-DDThh:mm:ss[.sss]Z)"))
        #expect(problems.filter { $0.severity == .warning }.count == 21)
    }

    @Test("The two other broken exports are refused for what would corrupt the roster")
    func otherRefusals() throws {
        let oat = try refusal("v1p1-oat-sa-base").filter { $0.severity == .error }.map(\.description)
        #expect(oat.count == 7)
        #expect(oat.first == "academicSessions.csv:1: schoolYear: required column missing from header")
        let full = try refusal("v1p1-moodle-enrol-Test_full_data_set").filter { $0.severity == .error }
            .map(\.description)
        #expect(full.count == 6)
        #expect(
            full.contains(
                "classes.csv:2: courseSourcedId: unknown course 'crs-222-2023-456-12345' (courses.csv declared absent)")
        )
        #expect(
            full.contains(
                "academicSessions.csv:4: status: 'inactive' is not one of active, tobedeleted ('inactive' is a OneRoster 1.0 value)"
            ))
    }
}

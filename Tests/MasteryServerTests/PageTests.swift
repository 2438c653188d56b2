import Foundation
import HTTPTypes
import MasteryCore
import MasteryServer
import MasteryStore
import Testing

@Suite("Role pages and their authorization")
struct PageTests {
    @Test(
        "Every role lands on a home page with its own real data",
        arguments: ["teacher", "student", "guardian", "coach", "admin"])
    func homes(_ username: String) async throws {
        try await withApp { client, services in
            var browser = TestBrowser(client)
            _ = try await browser.login(username)
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(
                home.body.contains("<main") && home.body.contains("<h1>") && home.body.contains("id=\"logout-form\""))
            let person = try #require(try await services.store.credentials(username: username)?.person)
            #expect(home.body.contains(person.givenName))
            switch username {
            case "teacher": #expect(home.body.components(separatedBy: "class=\"section-link\"").count - 1 >= 2)
            case "student": #expect(home.body.contains("MATH.") && home.body.contains("I can"))
            case "guardian":
                let child = try #require(try await services.store.children(ofGuardian: person.id).first)
                #expect(home.body.contains(child.displayName))
            default: #expect(home.body.contains("section-link"))
            }
        }
    }

    @Test("A teacher's gradebook shows every student and competency; another teacher's is refused")
    func gradebookPage() async throws {
        try await withApp { client, services in
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let teacher = try #require(try await services.store.credentials(username: "teacher")?.person)
            let sections = try await services.store.sections(of: teacher.id, as: .teacher)
            #expect(sections.count >= 2)
            let page = try await browser.get("/sections/\(sections[0].id.rawValue)")
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"gradebook\""))
            let students = try await services.store.members(of: sections[0].id, as: .student)
            #expect(page.body.components(separatedBy: "data-student-id=").count - 1 == students.count)
            #expect(page.body.contains("Not yet") || page.body.contains("Proficient"))
            let all = try await services.store.organizations().filter { $0.kind == .school }
            var others: [Section] = []
            for school in all { others += try await services.store.sections(inSchool: school.id) }
            let foreign = try #require(others.first { section in !sections.contains { $0.id == section.id } })
            #expect(try await browser.get("/sections/\(foreign.id.rawValue)").status == .forbidden)
            #expect(try await browser.get("/sections/no-such-section").status == .notFound)
            let csv = try await browser.get("/sections/\(sections[0].id.rawValue)/gradebook.csv")
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.body.split(separator: "\r\n").count == students.count + 1)
        }
    }

    @Test("A student sees only themself: another student is 403, an unknown id 404")
    func studentPrivacy() async throws {
        try await withApp { client, services in
            var browser = TestBrowser(client)
            _ = try await browser.login("student")
            let me = try #require(try await services.store.credentials(username: "student")?.person)
            let tracker = try await browser.get("/students/\(me.id.rawValue)")
            // The tracker charts growth over time in each section: an SVG with a text alternative.
            #expect(tracker.status == .ok && tracker.body.contains("<h3>My growth</h3>"))
            #expect(tracker.body.contains("<svg") && tracker.body.contains("one line per competency"))
            // The student chooses which competencies to chart: one chosen, one line.
            let chosen = try #require(
                tracker.body.range(of: #"name="chart" value="[^"]+""#, options: .regularExpression).map {
                    String(tracker.body[$0].dropFirst(#"name="chart" value=""#.count).dropLast())
                })
            let narrowed = try await browser.get("/students/\(me.id.rawValue)?chart=\(chosen)")
            #expect(narrowed.body.contains("series-0") && !narrowed.body.contains("series-1"))
            #expect(narrowed.body.contains(#"name="chart" value="\#(chosen)" checked"#))
            let section = try #require(try await services.store.sections(of: me.id, as: .student).first)
            let classmate = try #require(
                try await services.store.members(of: section.id, as: .student).first { $0.id != me.id })
            let refused = try await browser.get("/students/\(classmate.id.rawValue)")
            #expect(refused.status == .forbidden)
            #expect(
                refused.body.contains("Not allowed")
                    && !refused.body.contains(classmate.familyName + ", " + classmate.givenName))
            #expect(try await browser.get("/students/nobody").status == .notFound)
            #expect(try await browser.get("/sections/\(section.id.rawValue)").status == .forbidden)
            #expect(try await browser.get("/admin/audit").status == .forbidden)
        }
    }

    @Test("A guardian sees their child and no other")
    func guardianPrivacy() async throws {
        try await withApp { client, services in
            var browser = TestBrowser(client)
            _ = try await browser.login("guardian")
            let guardian = try #require(try await services.store.credentials(username: "guardian")?.person)
            let child = try #require(try await services.store.children(ofGuardian: guardian.id).first)
            let page = try await browser.get("/students/\(child.id.rawValue)")
            #expect(page.status == .ok && page.body.contains(child.displayName))
            let section = try #require(try await services.store.sections(of: child.id, as: .student).first)
            let other = try #require(
                try await services.store.members(of: section.id, as: .student).first { $0.id != child.id })
            #expect(try await browser.get("/students/\(other.id.rawValue)").status == .forbidden)
            #expect(!page.body.contains("id=\"record-form\""))
        }
    }

    @Test("The drill-down explains the value and compares every method")
    func drillDown() async throws {
        try await withApp { client, services in
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let student = try #require(try await services.store.credentials(username: "student")?.person)
            let records = try await services.store.records(student: student.id)
            let (competencyID, record) = try #require(records.first { $0.value.status == .assessed })
            let page = try await browser.get("/students/\(student.id.rawValue)/competencies/\(competencyID.rawValue)")
            #expect(page.status == .ok)
            #expect(page.body.contains("How it was calculated"))
            #expect(page.body.contains(DisplayRounding.text(record.value!)))
            for kind in CalculationMethod.Kind.allCases { #expect(page.body.contains(kind.displayName)) }
            #expect(page.body.contains("<svg class=\"growth-chart\""))
            #expect(page.body.contains("id=\"record-form\""))
        }
    }

    @Test("The audit log is for administrators")
    func auditLog() async throws {
        try await withApp { client, _ in
            var admin = TestBrowser(client)
            _ = try await admin.login("admin")
            let page = try await admin.get("/admin/audit")
            #expect(page.status == .ok && page.body.contains("Audit log"))
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            #expect(try await teacher.get("/admin/audit").status == .forbidden)
        }
    }
}

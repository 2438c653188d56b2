import Foundation
import HTTPTypes
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

/// Terms: a section knows when its term ends (from OneRoster academic sessions, or set by hand); after that it
/// is a read-only archive that still opens.
@Suite("Terms and the archive")
struct TermTests {
    @Test("ISO days from dates, and archived only after the last day")
    func days() {
        #expect(Section.isoDay(Date(timeIntervalSince1970: 0)) == "1970-01-01")
        #expect(Section.isoDay(Date(timeIntervalSince1970: 1_795_426_200)) == "2026-11-23")
        #expect(Section.isoDay(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29")
        #expect(Section.isoDay(Date(timeIntervalSince1970: -86_400)) == "1969-12-31")
        let section = Section(id: "s", courseID: "c", schoolID: "o", name: "S", term: "T", endsOn: "2026-06-30")
        #expect(!section.isArchived(today: "2026-06-30"))
        #expect(section.isArchived(today: "2026-07-01"))
        #expect(!Section(id: "s", courseID: "c", schoolID: "o", name: "S", term: "T").isArchived(today: "2999-01-01"))
        #expect(Access.Policy.allows(.teacher, .teacher, .viewGradebook, archived: true))
        #expect(!Access.Policy.allows(.teacher, .teacher, .manageSection, archived: true))
        #expect(!Access.Policy.allows(.admin, .sameDistrict, .manageSection, archived: true))
        #expect(Access.Policy.allows(.teacher, .teacher, .manageSection, archived: false))
    }

    @Test("A past term's section opens read-only for its teacher; every change to it is refused saying why")
    func archive() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            var admin = TestBrowser(client)
            _ = try await admin.login("admin")
            let course = try #require(try await store.courses().first { $0.schoolID == "org-school-1" })
            let past = try await admin.post(
                "/admin/courses/\(course.id.rawValue)/sections",
                [("name", "Last year's class"), ("term", "2024–25"), ("endsOn", "2025-06-30")])
            let pastPath = try #require(past.location)
            let pastID = String(pastPath.dropFirst("/admin/sections/".count))
            let current = try await admin.post(
                "/admin/courses/\(course.id.rawValue)/sections",
                [("name", "This year's class"), ("term", "2026–27"), ("endsOn", "2999-06-30")])
            let currentID = String(try #require(current.location).dropFirst("/admin/sections/".count))
            let bad = try await admin.post(
                "/admin/courses/\(course.id.rawValue)/sections", [("name", "X"), ("endsOn", "2025-02-30")])
            #expect(bad.status == .unprocessableContent)
            for id in [pastID, currentID] {
                _ = try await admin.post(
                    "/admin/sections/\(id)/members", [("role", "teacher"), ("usernames", "teacher")])
                _ = try await admin.post(
                    "/admin/sections/\(id)/members", [("role", "student"), ("usernames", "student")])
            }
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            let archived = try await teacher.get("/sections/\(pastID)")
            #expect(archived.status == .ok)
            #expect(archived.body.contains("Archive: this section's term ended on 2025-06-30"))
            #expect(!archived.body.contains("/sections/\(pastID)/quick-check"))
            let open = try await teacher.get("/sections/\(currentID)")
            #expect(!open.body.contains("id=\"archived\""))
            #expect(open.body.contains("/sections/\(currentID)/quick-check"))
            for path in ["groups", "settings", "sign-in/cards"] {
                let refused = try await teacher.post("/sections/\(pastID)/\(path)", [("student", "all")])
                #expect(refused.status == .conflict, "\(path)")
                #expect(refused.body.contains("read-only archive"), "\(path)")
            }
            #expect(try await teacher.get("/sections/\(pastID)/groups").status == .conflict)
            let home = try await teacher.get("/")
            #expect(home.body.contains("past-sections"))
            #expect(home.body.contains("Last year&#39;s class") || home.body.contains("Last year's class"))
            // Someone who could never change it still gets 403, not the archive's reason.
            var other = TestBrowser(client)
            _ = try await other.login("teacher5")
            #expect(try await other.post("/sections/\(pastID)/groups", []).status == .forbidden)
        }
    }
}

import Foundation
import HTTPTypes
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

/// What a course assesses: whole frameworks or some of their strands, chosen by administrators, and by the
/// course's teachers where the school lets them.
@Suite("Course frameworks and strands")
struct CourseChoiceTests {
    @Test("A course that keeps one strand shows only that strand's competencies; teachers choose only when allowed")
    func strandsAndTeachers() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let section = try #require(try await store.section("sec-1"))
            let course = try #require(try await store.course(section.courseID))
            let whole = try await store.curriculum(course: course.id)
            let framework = try #require(whole.frameworks.first)
            let strandsOfFramework = whole.strands.filter { $0.frameworkID == framework.id }
            try #require(strandsOfFramework.count > 1)
            let kept = strandsOfFramework[0]
            let frameworkIDs = course.frameworkIDs.map { ("framework", $0.rawValue) }

            var admin = TestBrowser(client)
            _ = try await admin.login("admin")
            let saved = try await admin.post(
                "/admin/courses/\(course.id.rawValue)/frameworks", frameworkIDs + [("strand", kept.id.rawValue)])
            #expect(saved.status == .seeOther)
            let limited = try await store.curriculum(course: course.id)
            let expected = whole.competencies.filter { $0.frameworkID != framework.id || $0.strandID == kept.id }
            #expect(limited.competencies.map(\.id) == expected.map(\.id))
            #expect(limited.competencies.count < whole.competencies.count)
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            let gradebook = try await teacher.get("/sections/sec-1")
            let dropped = try #require(
                whole.competencies.first { $0.frameworkID == framework.id && $0.strandID != kept.id })
            #expect(!gradebook.body.contains(">\(dropped.code)<"))

            // Teachers may not choose until the school lets them.
            #expect(try await teacher.post("/sections/sec-1/frameworks", frameworkIDs).status == .forbidden)
            #expect(!(try await teacher.get("/sections/sec-1/settings").body.contains("course-choice")))
            #expect(
                try await admin.post("/admin/schools/org-school-1/settings", [("teachersChooseFrameworks", "on")])
                    .status == .seeOther)
            #expect(try await teacher.get("/sections/sec-1/settings").body.contains("course-choice"))
            let chosen = try await teacher.post("/sections/sec-1/frameworks", frameworkIDs)
            #expect(chosen.status == .seeOther)
            #expect(try await store.course(course.id)?.strandIDs == [])
            #expect(try await store.curriculum(course: course.id).competencies.count == whole.competencies.count)
            // A teacher of the school who does not teach the course: still 403.
            var other = TestBrowser(client)
            _ = try await other.login("teacher2")
            if try await store.relation(
                of: try #require(try await store.person(username: "teacher2")), toSection: "sec-1")
                != .teacher
            {
                #expect(try await other.post("/sections/sec-1/frameworks", frameworkIDs).status == .forbidden)
            }
            let audit = try await store.auditLog(AuditQuery(actionPrefix: "course.frameworks"))
            #expect(audit.count == 2)
            #expect(try await store.auditLog(AuditQuery(actionPrefix: "school.settings")).count == 1)
        }
    }
}

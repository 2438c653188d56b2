import Foundation
import HTTPTypes
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("A framework from nothing")
struct FrameworkCreationTests {
    @Test("An administrator starts an empty framework, adds a strand and a competency, and links a course to it")
    func startFromNothing() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            var admin = TestBrowser(client)
            _ = try await admin.login("admin")
            #expect(try await admin.get("/frameworks").body.contains("new-framework-form"))
            let created = try await admin.post("/frameworks", [("code", "SCI-7"), ("title", "Science 7")])
            #expect(created.status == .seeOther)
            let location = try #require(created.location)
            let framework = try #require(try await store.frameworks().first { $0.code == "SCI-7" })
            #expect(location == "/frameworks/\(framework.id.rawValue)?saved=1")
            // Its scale is its own: editing it cannot change another framework's.
            #expect(try await store.frameworks().filter { $0.scaleID == framework.scaleID }.count == 1)
            let path = "/frameworks/\(framework.id.rawValue)"
            #expect(
                try await admin.post("\(path)/strands", [("code", "L"), ("title", "Life science")]).status == .seeOther)
            let strand = try #require(try await store.curriculum(frameworks: [framework.id]).strands.first)
            let added = try await admin.post(
                "\(path)/competencies",
                [("code", "L.1"), ("title", "I can explain photosynthesis"), ("strand", strand.id.rawValue)])
            #expect(added.status == .seeOther)
            #expect(try await store.curriculum(frameworks: [framework.id]).competencies.map(\.code) == ["L.1"])
            let course = try #require(try await store.courses().first)
            #expect(
                try await admin.post(
                    "/admin/courses/\(course.id.rawValue)/frameworks", [("framework", framework.id.rawValue)]
                )
                .status == .seeOther)
            #expect(try await store.course(course.id)?.frameworkIDs.contains(framework.id) == true)
            let editor = try await admin.get("/frameworks/\(framework.id.rawValue)")
            #expect(editor.status == .ok && editor.body.contains("Science 7"))
            let duplicate = try await admin.post("/frameworks", [("code", "SCI-7"), ("title", "Again")])
            #expect(duplicate.status == .unprocessableContent)
            #expect(duplicate.body.contains("SCI-7 exists already"))
            #expect(try await store.frameworks().filter { $0.code == "SCI-7" }.count == 1)
            let empty = try await admin.post("/frameworks", [("code", ""), ("title", "")])
            #expect(empty.status == .unprocessableContent)
            let audit = try await store.auditLog(AuditQuery(actionPrefix: "framework.create"))
            #expect(audit.count == 1)
            var student = TestBrowser(client)
            _ = try await student.login("student")
            #expect(try await student.post("/frameworks", [("code", "X"), ("title", "X")]).status == .forbidden)
        }
    }
}

import Foundation
import HTTPTypes
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

/// Schools without a student information system make courses and sections and enrol people by hand or by CSV.
@Suite("Courses, sections and enrolments by hand")
struct ClassTests {
    @Test("An administrator adds a course and a section, enrols a teacher and students; the teacher sees the gradebook")
    func byHand() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            var admin = TestBrowser(client)
            _ = try await admin.login("admin")
            let created = try await admin.post(
                "/admin/courses", [("code", "ART-5"), ("title", "Art 5"), ("school", "org-school-1")])
            #expect(created.status == .seeOther)
            let course = try #require(try await store.courses().first { $0.code == "ART-5" })
            #expect(course.schoolID == "org-school-1")
            let duplicate = try await admin.post(
                "/admin/courses", [("code", "ART-5"), ("title", "Again"), ("school", "org-school-1")])
            #expect(duplicate.status == .unprocessableContent)
            let framework = try #require(try await store.frameworks().first)
            _ = try await admin.post(
                "/admin/courses/\(course.id.rawValue)/frameworks", [("framework", framework.id.rawValue)])

            let section = try await admin.post(
                "/admin/courses/\(course.id.rawValue)/sections", [("name", "Art 5A"), ("term", "2026–27")])
            let location = try #require(section.location)
            #expect(location.hasPrefix("/admin/sections/"))
            let sectionID = Section.ID(String(location.dropFirst("/admin/sections/".count)))
            #expect(try await admin.get(location).body.contains("Art 5A"))

            let students = try await store.members(of: "sec-1", as: .student).prefix(3)
            let names = students.compactMap(\.username)
            let refused = try await admin.post(
                "\(location)/members",
                [("role", "student"), ("usernames", (names + ["nobody-here", "teacher"]).joined(separator: "\n"))])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("nobody-here: nobody of this school has that username"))
            #expect(refused.body.contains("teacher is a teacher, not a student"))
            #expect(try await store.members(of: sectionID, as: .student).isEmpty)
            #expect(
                try await admin.post(
                    "\(location)/members", [("role", "student"), ("usernames", names.joined(separator: ", "))]
                )
                .status == .seeOther)
            #expect(
                try await admin.post("\(location)/members", [("role", "teacher"), ("usernames", "teacher2")]).status
                    == .seeOther)
            #expect(Set(try await store.members(of: sectionID, as: .student).compactMap(\.username)) == Set(names))

            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher2")
            let gradebook = try await teacher.get("/sections/\(sectionID.rawValue)")
            #expect(gradebook.status == .ok)
            for student in students { #expect(gradebook.body.contains(student.familyName)) }

            let first = try #require(students.first)
            #expect(
                try await admin.post("\(location)/members/\(first.id.rawValue)/remove", []).status == .seeOther)
            #expect(try await store.members(of: sectionID, as: .student).count == names.count - 1)
            let audit = Set(try await store.auditLog(AuditQuery(actionPrefix: "section.")).map(\.action))
            #expect(audit.isSuperset(of: ["section.create", "section.enrol", "section.unenrol"]))

            #expect(
                try await teacher.post("/admin/courses", [("code", "X"), ("title", "X"), ("school", "org-school-1")])
                    .status == .forbidden)
            #expect(try await teacher.post("\(location)/members", [("usernames", "student")]).status == .forbidden)
        }
    }

    @Test("The people CSV enrols students and teachers in sections named by name or id; an unknown one is located")
    func byCSV() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            var admin = TestBrowser(client)
            _ = try await admin.login("admin")
            let section = try #require(try await store.section("sec-1"))
            let csv = """
                role,given_name,username,school,sections
                student,Nia,nia,org-school-1,\(section.name)
                teacher,Omar,omar,org-school-1,sec-1
                """
            let preview = try await admin.upload(
                "/admin/import", [("kind", "people")], file: ("file", "people.csv", Data(csv.utf8)))
            #expect(preview.status == .ok)
            let token = try #require(PeopleImportTests.token(preview.body))
            #expect(try await admin.post("/admin/import/confirm", [("token", token)]).status == .ok)
            #expect(try await store.members(of: "sec-1", as: .student).contains { $0.username == "nia" })
            #expect(try await store.members(of: "sec-1", as: .teacher).contains { $0.username == "omar" })
            let bad = "role,given_name,username,school,sections\nstudent,Zoe,zoe,org-school-1,No Such Section\n"
            let refused = try await admin.upload(
                "/admin/import", [("kind", "people")], file: ("file", "bad.csv", Data(bad.utf8)))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("bad.csv:2 sections</code> 'No Such Section' is not a section"))
            #expect(try await store.person(username: "zoe") == nil)
        }
    }
}

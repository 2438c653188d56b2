import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryInterop
import MasteryStore
import Testing

@testable import MasteryServer

/// Schools without a student information system add people by CSV, with the other imports' located errors.
@Suite("People by CSV")
struct PeopleImportTests {
    static func token(_ body: String) -> String? {
        body.range(of: #"name="token" value=""#).map { String(body[$0.upperBound...].prefix { $0 != "\"" }) }
    }

    @Test("Every problem is named with file, line and column; nothing is read from a file with errors")
    func located() throws {
        let header = "role,given_name,family_name,username,email,school,grade,guardian_of\n"
        #expect(throws: ImportError.self) { try PeopleCSV(Data("rol,given_name,username\n".utf8), fileName: "p.csv") }
        do {
            _ = try PeopleCSV(Data("rol,given_name,username\n".utf8), fileName: "p.csv")
        } catch {
            let text = error.description
            #expect(text.contains("p.csv:1: rol: unknown column"))
            #expect(text.contains("p.csv:1: role: the column is missing"))
        }
        let rows =
            header + "teacher,Ada,Lovelace,ada,ada@x.org,,,\n" + "wizard,Bob,,bob,,,,\n" + "student,,X,sam,,,,\n"
            + "student,Sam,Y,ada,not-an-email,,,\n" + "teacher,Tim,Z,tim,,,,sam\n" + "student,Al,B,a b,,,,\n"
        do {
            _ = try PeopleCSV(Data(rows.utf8), fileName: "p.csv")
            Issue.record("a file with errors was read")
        } catch {
            let text = error.description
            for expected in [
                "p.csv:3: role: 'wizard' is not one of", "p.csv:4: given_name: is empty",
                "p.csv:5: username: 'ada' is also on line 2", "p.csv:5: email: 'not-an-email' is not an email address",
                "p.csv:6: guardian_of: only a guardian's line names students", "p.csv:7: username: 'a b' has spaces",
            ] {
                #expect(text.contains(expected), "missing: \(expected) in \(text)")
            }
        }
        let good = try PeopleCSV(
            Data((header + "guardian,Rosa,Rivera,rrivera,rosa@x.org,,,sam; tim\n").utf8), fileName: "p.csv")
        #expect(good.rows.first?.guardianOf == ["sam", "tim"])
    }

    @Test("An administrator checks, then imports; guardians are linked; the same file again changes nothing")
    func importThroughThePage() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let csv = """
                role,given_name,family_name,username,email,school,grade,guardian_of
                teacher,Ada,Lovelace,alovelace,ada@lakeside.example,org-school-1,,
                student,Sam,Rivera,srivera,,org-school-1,4,
                guardian,Rosa,Rivera,rrivera,rosa@example.org,org-school-1,,srivera;student
                """
            var admin = TestBrowser(client)
            _ = try await admin.login("admin")
            let preview = try await admin.upload(
                "/admin/import", [("kind", "people")], file: ("file", "people.csv", Data(csv.utf8)))
            #expect(preview.status == .ok)
            #expect(try await store.person(username: "srivera") == nil)
            let token = try #require(Self.token(preview.body))
            let done = try await admin.post("/admin/import/confirm", [("token", token)])
            #expect(done.status == .ok)
            let sam = try #require(try await store.person(username: "srivera"))
            #expect(sam.role == .student && sam.gradeLevel == "4" && sam.organizationID == "org-school-1")
            let rosa = try #require(try await store.person(username: "rrivera"))
            let children = Set(try await store.children(ofGuardian: rosa.id).compactMap(\.username))
            #expect(children == ["srivera", "student"])
            #expect(try await store.account(rosa.id)?.email == "rosa@example.org")

            let again = try await admin.upload(
                "/admin/import", [("kind", "people")], file: ("file", "people.csv", Data(csv.utf8)))
            #expect(again.status == .ok)
            let changes = try await store.auditLog(AuditQuery(actionPrefix: "person.")).count
            let second = try await admin.post(
                "/admin/import/confirm", [("token", try #require(Self.token(again.body)))])
            #expect(second.status == .ok)
            #expect(try await store.auditLog(AuditQuery(actionPrefix: "person.")).count == changes)

            // A school administrator of another school, a foreign school, a role they may not grant: refused, located.
            let bad = """
                role,given_name,username,school
                student,Zed,zed,org-nowhere
                teacher,Ada,teacher5,
                """
            let refused = try await admin.upload(
                "/admin/import", [("kind", "people")], file: ("file", "bad.csv", Data(bad.utf8)))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("bad.csv:2 school</code> 'org-nowhere' is not a school you manage"))
            #expect(refused.body.contains("bad.csv:3 school</code> is empty; you manage several schools"))
            #expect(try await store.person(username: "zed") == nil)
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            #expect(
                try await teacher.upload(
                    "/admin/import", [("kind", "people")], file: ("file", "people.csv", Data(csv.utf8))
                ).status == .forbidden)
        }
    }
}

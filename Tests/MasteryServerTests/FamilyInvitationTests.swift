import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

/// Guardians join with an invitation tied to their child.
@Suite("Family invitations")
struct FamilyInvitationTests {
    static func invitePath(in body: String) -> String? {
        guard let range = body.range(of: "/invite/") else { return nil }
        return "/invite/" + body[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    @Test(
        "A teacher invites a family member; the link makes an account tied to the child; the same email links a sibling"
    )
    func inviteJoinAndSibling() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let students = try await store.members(of: "sec-1", as: .student)
            let child = try #require(students.first)
            let sibling = try #require(students.last { $0.id != child.id })
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            let page = try await teacher.get("/students/\(child.id.rawValue)/family")
            #expect(page.status == .ok)
            let invited = try await teacher.post(
                "/students/\(child.id.rawValue)/family",
                [("givenName", "Rosa"), ("familyName", "Díaz"), ("email", "Rosa.Diaz@example.org")])
            #expect(invited.status == .ok)
            let path = try #require(Self.invitePath(in: invited.body))
            let guardians = try await store.guardians(ofStudent: child.id)
            let rosa = try #require(guardians.first { $0.givenName == "Rosa" })
            #expect(rosa.role == .guardian)
            #expect(rosa.username == "rosa.diaz")
            #expect(rosa.organizationID == child.organizationID)

            // Rosa chooses a password through the link and sees her child.
            var family = TestBrowser(client)
            #expect(try await family.get(path).status == .ok)
            let joined = try await family.post(
                path, [("password", "a long family password"), ("confirm", "a long family password")])
            #expect(joined.status == .seeOther)
            let home = try await family.get("/")
            #expect(home.body.contains(child.givenName))

            // The same email for a sibling links the same account; no second person.
            let again = try await teacher.post(
                "/students/\(sibling.id.rawValue)/family", [("givenName", "Rosa"), ("email", "rosa.diaz@EXAMPLE.org")])
            #expect(again.status == .ok)
            #expect(again.body.contains("already had an account"))
            #expect(try await store.people(email: "rosa.diaz@example.org").count == 1)
            #expect(try await store.children(ofGuardian: rosa.id).map(\.id).contains(sibling.id))
            let audit = try await store.auditLog(
                AuditQuery(actor: try #require(try await store.person(username: "teacher")).id))
            #expect(Set(audit.map(\.action)).isSuperset(of: ["person.create", "guardian.link", "person.invite"]))
        }
    }

    @Test("Bad input names the field and changes nothing; other schools' teachers and families are refused")
    func refusals() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let child = try #require(try await store.members(of: "sec-1", as: .student).first)
            let before = try await store.guardians(ofStudent: child.id).count
            let teacherPerson = try #require(try await store.person(username: "teacher2"))
            try await store.update(teacherPerson, email: "t2@example.org", by: "p-admin", at: TestSchool.now)
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            let path = "/students/\(child.id.rawValue)/family"
            let noName = try await teacher.post(path, [("givenName", ""), ("email", "x@example.org")])
            #expect(noName.status == .unprocessableContent)
            #expect(noName.body.contains("first name"))
            let staffEmail = try await teacher.post(path, [("givenName", "T"), ("email", "t2@example.org")])
            #expect(staffEmail.status == .unprocessableContent)
            let badEmail = try await teacher.post(path, [("givenName", "T"), ("email", "not an email")])
            #expect(badEmail.status == .unprocessableContent)
            #expect(try await store.guardians(ofStudent: child.id).count == before)
            for user in ["teacher5", "guardian", "student", "coach"] {
                var browser = TestBrowser(client)
                _ = try await browser.login(user)
                #expect(try await browser.post(path, [("givenName", "X")]).status == .forbidden, "\(user)")
            }
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

/// Sign-in cards: printed by the teacher, read by a real QR decoder, used to sign in; revoked and replaced.
@Suite("Sign-in cards for young students")
struct SignInCardTests {
    /// The QR codes of a printed sheet, read back: the SVG's modules redrawn as an image and decoded by zbarimg.
    static func links(in page: String) throws -> [String] {
        var links: [String] = []
        var rest = page[...]
        while let start = rest.range(of: ##"<path fill="#000" d=""##) {
            let d = rest[start.upperBound...].prefix { $0 != "\"" }
            rest = rest[start.upperBound...]
            guard let viewBox = page.range(of: #"viewBox="0 0 "#) else { break }
            let side = Int(page[viewBox.upperBound...].prefix { $0 != " " })! - 8
            var modules = Array(repeating: Array(repeating: false, count: side), count: side)
            for command in d.split(separator: "M") {
                let numbers = command.prefix { $0 != "h" }.split(separator: " ").compactMap { Int($0) }
                modules[numbers[1] - 4][numbers[0] - 4] = true
            }
            links.append(try QRCodeTests.decode(modules: modules))
        }
        return links
    }

    @Test("A teacher prints cards; scanning one asks 'Is this you?' and signs the student in; revoked cards stop")
    func printScanSignIn() async throws {
        guard QRCodeTests.zbarimg != nil || QRCodeTests.required else { return }
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let students = try await store.members(of: "sec-1", as: .student)
            let student = try #require(students.first { $0.username == "student" })
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            let list = try await teacher.get("/sections/sec-1/sign-in")
            #expect(list.status == .ok)
            #expect(list.body.contains(student.displayName))
            let sheet = try await teacher.post("/sections/sec-1/sign-in/cards", [("student", student.id.rawValue)])
            #expect(sheet.status == .ok)
            let links = try Self.links(in: sheet.body)
            #expect(links.count == 1)
            let link = try #require(links.first)
            let path = try #require(URL(string: link)?.path)
            #expect(path.hasPrefix("/card/"))

            var device = TestBrowser(client)
            let ask = try await device.get(path)
            #expect(ask.status == .ok)
            #expect(ask.body.contains("Hi, \(student.displayName)!"))
            let signedIn = try await device.post(path, [])
            #expect(signedIn.status == .seeOther)
            let home = try await device.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains(student.displayName))
            #expect(!home.body.contains("login-form"))

            // A new card replaces the old one; revoking stops the new one too. Both audited.
            let second = try Self.links(
                in: try await teacher.post("/sections/sec-1/sign-in/cards", [("student", "all")]).body)
            #expect(second.count == students.count)
            var other = TestBrowser(client)
            #expect(try await other.get(path).status == .gone)
            let revoked = try await teacher.post("/sections/sec-1/sign-in/revoke", [("student", "all")])
            #expect(revoked.location == "/sections/sec-1/sign-in?revoked=\(students.count)")
            for link in second {
                let path = try #require(URL(string: link)?.path)
                #expect(try await other.get(path).status == .gone)
                #expect(try await other.post(path, []).status == .gone)
            }
            let audit = try await store.auditLog(AuditQuery(actionPrefix: "card."))
            #expect(Set(audit.map(\.action)) == ["card.issue", "card.revoke"])
        }
    }

    @Test("Only the section's teachers (and administrators) print cards or links, and only for its students")
    func authorization() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let students = try await services.store.members(of: "sec-1", as: .student)
            let id = try #require(students.first).id.rawValue
            for user in ["student", "guardian", "teacher5", "coach"] {
                var browser = TestBrowser(client)
                _ = try await browser.login(user)
                #expect(try await browser.get("/sections/sec-1/sign-in").status == .forbidden, "\(user)")
                #expect(
                    try await browser.post("/sections/sec-1/sign-in/cards", [("student", id)]).status == .forbidden,
                    "\(user)")
            }
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            // A student of another section: refused naming the field, nothing issued.
            let inSection = Set(students.map(\.id))
            let outsider = try await services.store.members(of: "sec-2", as: .student).first {
                !inSection.contains($0.id)
            }
            #expect(outsider != nil)
            if let outsider {
                let refused = try await teacher.post(
                    "/sections/sec-1/sign-in/cards", [("student", outsider.id.rawValue)])
                #expect(refused.status == .unprocessableContent)
                #expect(try await services.store.signInCards(of: [outsider.id]).isEmpty)
            }
            let link = try await teacher.post("/sections/sec-1/sign-in/link", [("student", id)])
            #expect(link.status == .ok)
            #expect(link.body.contains("/invite/"))
        }
    }
}

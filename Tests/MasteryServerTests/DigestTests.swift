import Foundation
import HTTPTypes
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

/// The weekly email's letters: to those with an email who kept it on, in their language, about only their own
/// children; and the message as it goes on the wire.
@Suite("Weekly email")
struct DigestTests {
    @Test("A guardian's letter is in their language and names only their children; an opt-out gets none")
    func letters() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let guardian = try #require(try await store.credentials(username: "guardian")?.person)
            let student = try #require(try await store.credentials(username: "student")?.person)
            let other = try #require(try await store.credentials(username: "teacher")?.person)
            for (person, address) in [
                (guardian, "meera@family.example.org"), (student, "camila@student.example.org"),
                (other, "teacher@school.example.org"),
            ] {
                try await store.update(person, email: address, by: person.id, at: TestSchool.now)
            }
            try await store.setLanguage("es", for: guardian.id, at: TestSchool.now)
            let children = try await store.children(ofGuardian: guardian.id)
            let child = try #require(children.first)
            _ = try await store.append(
                [
                    .record(
                        student: child.id,
                        competency: try #require(try await store.records(student: child.id).keys.first), score: 3)
                ],
                by: "p-teacher-1", at: TestSchool.now)

            let digest = WeeklyDigest(services: services, publicURL: "https://masterly.example.org")
            var letters = try await digest.letters()
            // Staff get none; the guardian's is in Spanish and names their child.
            #expect(Set(letters.map(\.message.to)) == ["meera@family.example.org", "camila@student.example.org"])
            let letter = try #require(letters.first { $0.person.id == guardian.id }).message
            #expect(letter.subject == "Esta semana en Masterly" && letter.language == "es")
            #expect(letter.body.hasPrefix("Hola, \(guardian.givenName):") && letter.body.contains(child.givenName))
            #expect(letter.body.contains("https://masterly.example.org/me/digest"))
            let strangers = try await store.members(of: "sec-3", as: .student).filter { s in
                !children.contains { $0.id == s.id }
            }
            #expect(!strangers.contains { letter.body.contains($0.displayName) })
            #expect(services.languages.misses.all.isEmpty, "untranslated: \(services.languages.misses.all.sorted())")

            // The student turns it off on their settings page; no letter then.
            var browser = TestBrowser(client)
            _ = try await browser.login("student")
            #expect(try await browser.get("/me/digest").body.contains("digest-off"))
            #expect(try await browser.post("/me/digest", [("digest", "off")]).status == .seeOther)
            #expect(try await browser.post("/me/digest", [("digest", "sometimes")]).status == .unprocessableContent)
            letters = try await digest.letters()
            #expect(letters.map(\.message.to) == ["meera@family.example.org"])
            #expect(try await store.auditLog(limit: 5).contains { $0.action == "person.digest" })
        }
    }

    @Test("On the wire: UTF-8 subject encoded, CRLF lines, a leading dot doubled")
    func wire() throws {
        let text = SMTPClient.wire(
            .init(to: "a@example.org", subject: "Esta semana · Masterly", body: "Hola\n.hidden\nfin", language: "es"),
            from: "m@example.org", now: Date(timeIntervalSince1970: 0))
        #expect(text.contains("Subject: =?utf-8?B?"))
        #expect(text.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"))
        #expect(text.contains("\r\nHola\r\n..hidden\r\nfin\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(throws: SMTPClient.Failure.self) { try SMTPClient(url: "http://mail", from: "m@example.org") }
    }
}

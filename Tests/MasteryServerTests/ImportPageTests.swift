import Foundation
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("Import page")
struct ImportPageTests {
    /// A tiny CASE package with its own document identifier (so it never meets another test's framework).
    static func casePackage(title: String) -> Data {
        let document = "5e1f0c3a-7b2d-4c4e-9f10-\(String(format: "%012x", abs(title.hashValue) % 0xffff_ffff_ffff))"
        let item = "6a2b1d4c-8e3f-4a5b-9c6d-7e8f9a0b1c2d"
        let package: [String: Any] = [
            "CFDocument": [
                "identifier": document, "uri": "https://case.example/\(document)", "creator": "Test",
                "title": title, "lastChangeDateTime": "2026-01-01T00:00:00Z",
            ],
            "CFItems": [
                [
                    "identifier": item, "uri": "https://case.example/\(item)", "fullStatement": "I can test imports.",
                    "humanCodingScheme": "IMP.1", "lastChangeDateTime": "2026-01-01T00:00:00Z",
                ]
            ],
            "CFAssociations": [
                [
                    "identifier": "7b3c2e5d-9f4a-4b6c-8d7e-8f9a0b1c2d3e", "associationType": "isChildOf",
                    "uri": "https://case.example/a1",
                    "originNodeURI": ["identifier": item, "uri": "https://case.example/\(item)", "title": "IMP.1"],
                    "destinationNodeURI": ["identifier": document, "uri": "https://case.example/d", "title": title],
                    "lastChangeDateTime": "2026-01-01T00:00:00Z",
                ]
            ],
        ]
        return try! JSONSerialization.data(withJSONObject: package)
    }

    @Test("An administrator checks a CASE file, sees the preview, confirms, and can export the framework")
    func checkThenImport() async throws {
        try await withApp { client, services in
            var browser = TestBrowser(client)
            _ = try await browser.login("admin")
            let page = try await browser.get("/admin/import")
            #expect(
                page.status == .ok && page.body.contains("id=\"import-form\"")
                    && page.body.contains("multipart/form-data"))
            let title = "Import page test \(UUID().uuidString.prefix(8))"
            let preview = try await browser.upload(
                "/admin/import", [("kind", "case")], file: ("file", "imp.json", Self.casePackage(title: title)))
            #expect(preview.status == .ok)
            #expect(preview.body.contains("Ready to import imp.json") && preview.body.contains("id=\"confirm-form\""))
            #expect(try await services.store.frameworks().contains { $0.title == title } == false)
            let token = try #require(
                preview.body.range(of: #"name="token" value=""#).map {
                    String(preview.body[$0.upperBound...].prefix { $0 != "\"" })
                })
            let done = try await browser.post("/admin/import/confirm", [("token", token)])
            #expect(done.status == .ok && done.body.contains("Imported imp.json"))
            let framework = try #require(try await services.store.frameworks().first { $0.title == title })
            #expect(
                try await services.store.curriculum(frameworks: [framework.id]).competencies.map(\.code) == ["IMP.1"])
            let again = try await browser.post("/admin/import/confirm", [("token", token)])
            #expect(again.status == .unprocessableContent && again.body.contains("expired or was already imported"))
            let export = try await browser.get("/frameworks/\(framework.id.rawValue)/export/case.json")
            #expect(
                export.status == .ok && export.body.contains("\"caseVersion\" : \"1.1\"")
                    && export.body.contains("IMP.1"))
            let moodle = try await browser.get("/frameworks/\(framework.id.rawValue)/export/moodle.csv")
            #expect(moodle.status == .ok && moodle.body.hasPrefix("Parent ID number,ID number"))
            let audit = try await browser.get("/admin/audit")
            #expect(audit.status == .ok)
        }
    }

    @Test("A broken file is refused with its problems listed, and nothing is kept to confirm")
    func refusedFile() async throws {
        try await withApp { client, services in
            var browser = TestBrowser(client)
            _ = try await browser.login("admin")
            _ = try await browser.get("/admin/import")
            let before = try await services.store.frameworks().count
            let roster = try await browser.upload(
                "/admin/import", [("kind", "oneroster")], file: ("file", "roster.zip", Data("not a zip".utf8)))
            #expect(roster.status == .unprocessableContent)
            #expect(
                roster.body.contains("roster.zip cannot be imported")
                    && roster.body.contains("not a readable zip archive"))
            #expect(!roster.body.contains("confirm-form"))
            let moodle = try await browser.upload(
                "/admin/import", [("kind", "moodle")],
                file: ("file", "bad.csv", Data("a,b\n,X,Y,,1,,,,,,,,1,\n".utf8)))
            #expect(moodle.status == .unprocessableContent && moodle.body.contains("bad.csv:1"))
            // Nothing of either file was written (other tests may import their own frameworks meanwhile).
            #expect(try await services.store.frameworks().filter { $0.code == "X" || $0.title == "Y" }.isEmpty)
            _ = before
        }
    }

    @Test("Only administrators reach the import page; forged posts without the form token are refused")
    func authorization() async throws {
        try await withApp { client, _ in
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            #expect(try await teacher.get("/admin/import").status == .forbidden)
            let post = try await teacher.upload(
                "/admin/import", [("kind", "case")], file: ("file", "x.json", Self.casePackage(title: "Forbidden")))
            #expect(post.status == .forbidden)
            var admin = TestBrowser(client)
            _ = try await admin.login("admin")
            let forged = try await admin.upload(
                "/admin/import", [("kind", "case")], file: ("file", "x.json", Self.casePackage(title: "Forged")),
                csrf: false)
            #expect(forged.status == .forbidden)
        }
    }
}

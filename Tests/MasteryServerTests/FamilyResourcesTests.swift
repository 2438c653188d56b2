import Foundation
import HTTPTypes
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

/// "Help for families": Masterly's text in the reader's language until the school writes its own; the school's
/// administrators write it (as text, never markup); nobody else.
@Suite("Help for families")
struct FamilyResourcesTests {
    @Test("A family reads Masterly's text in its language, then the school's own words; only administrators write")
    func resources() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            var family = TestBrowser(client)
            _ = try await family.login("guardian")
            let standard = try await family.get("/resources")
            #expect(standard.status == .ok && standard.body.contains("Learning by mastery"))
            let spanish = try await family.get("/resources?lang=es")
            #expect(spanish.body.contains("Aprender por dominio") && spanish.body.contains("Ayuda para familias"))
            #expect(services.languages.misses.all.isEmpty, "untranslated: \(services.languages.misses.all.sorted())")

            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            _ = try await teacher.get("/")
            #expect(try await teacher.post("/admin/resources", [("text-en", "mine")]).status == .forbidden)
            #expect(try await teacher.get("/resources").status == .ok)

            var admin = TestBrowser(client)
            _ = try await admin.login("admin")
            let editor = try await admin.get("/admin/resources")
            #expect(editor.status == .ok && editor.body.contains("Learning by mastery"))
            let saved = try await admin.post(
                "/admin/resources",
                [
                    (
                        "text-en",
                        "# Our school\n\nCome to the <b>open day</b>.\n\n- Bring questions\n- Meet the teachers"
                    ),
                    ("text-es", FamilyResourcesPage.standard("es")),
                ])
            #expect(saved.status == .seeOther)
            let ours = try await family.get("/resources?lang=en")
            #expect(ours.body.contains("<h2>Our school</h2>") && ours.body.contains("<li>Bring questions</li>"))
            #expect(ours.body.contains("&lt;b&gt;open day&lt;/b&gt;") && !ours.body.contains("<b>open day</b>"))
            // Spanish was left as Masterly's text: it stays Masterly's (and follows its updates).
            #expect(try await family.get("/resources?lang=es").body.contains("Aprender por dominio"))
            #expect(try await services.store.auditLog(limit: 5).contains { $0.action == "resources.save" })
        }
    }
}

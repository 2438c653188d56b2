import Foundation
import HTTPTypes
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

/// Pages in the reader's language: `?lang=`, kept by the browser; a person's saved choice; the browser's
/// Accept-Language; English otherwise. The pages families and students read are complete in Spanish: a message
/// missing from the catalogue fails here.
@Suite("Languages")
struct LanguageTests {
    @Test("The language chosen: ?lang=, then the browser's cookie, then the saved choice, then Accept-Language")
    func choice() throws {
        let languages = try Languages()
        #expect(languages.choose(asked: "es", cookie: "en", saved: "en", acceptLanguage: "en") == "es")
        #expect(languages.choose(asked: "xx", cookie: nil, saved: "es", acceptLanguage: nil) == "es")
        #expect(languages.choose(asked: nil, cookie: "es", saved: "en", acceptLanguage: nil) == "es")
        #expect(
            languages.choose(asked: nil, cookie: nil, saved: nil, acceptLanguage: "fr-CA, es-MX;q=0.8, en;q=0.5")
                == "es")
        #expect(languages.choose(asked: nil, cookie: nil, saved: nil, acceptLanguage: "es;q=0, en") == "en")
        #expect(languages.choose(asked: nil, cookie: nil, saved: nil, acceptLanguage: nil) == "en")
    }

    @Test("The Spanish catalogue keeps every placeholder, leaves nothing empty, and its two parts never overlap")
    func spanishCatalogue() {
        func placeholders(_ text: String) -> Set<String> {
            Set(text.matches(of: /\{[a-z]+\}/).map { String($0.output) })
        }
        let all = SpanishCatalog.catalog
        for key in all.keys {
            let text = all.message(key) ?? ""
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(key)")
            #expect(placeholders(key) == placeholders(text), "\(key) → \(text)")
        }
        // Each message in one part of the catalogue only (a second entry would silently lose).
        let parts = [
            SpanishCatalog.messages, SpanishCatalog.learningMessages, SpanishCatalog.flexDayMessages,
            SpanishCatalog.gradeMessages,
        ]
        for (index, part) in parts.enumerated() {
            for other in parts[(index + 1)...] {
                #expect(Set(part.keys).isDisjoint(with: other.keys), "\(Set(part.keys).intersection(other.keys))")
            }
        }
    }

    @Test("A district adds a language with a catalogue file, no code; a bad file is named")
    func catalogueFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("masterly-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(
            #"{"code": "pt", "name": "Português", "messages": {"Sign out": "Sair", "{count} students": "{count} alunos"}}"#
                .utf8
        ).write(to: folder.appendingPathComponent("pt.json"))
        let languages = try Languages(folder: folder.path)
        #expect(languages.choices.map(\.code) == ["en", "es", "pt"])
        let t = languages.translator("pt")
        #expect(t("Sign out") == "Sair" && t.plural(3, "{count} student", "{count} students") == "3 alunos")
        #expect(t("Goals") == "Goals" && languages.misses.all == ["pt: Goals"])
        try Data(#"{"code": "not a code", "name": "x", "messages": {}}"#.utf8)
            .write(to: folder.appendingPathComponent("zz.json"))
        #expect(throws: CatalogError.self) { try Languages(folder: folder.path) }
        do {
            _ = try ServerConfiguration.resolve(flags: ["languages": folder.path], environment: [:])
            Issue.record("a bad catalogue was accepted")
        } catch {
            #expect(error.description.contains("zz.json"))
        }
    }

    @Test("A guardian reads the family pages in Spanish, every message translated; the choice is kept")
    func guardianInSpanish() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let guardianPerson = try #require(try await store.credentials(username: "guardian")?.person)
            let child = try #require(try await store.children(ofGuardian: guardianPerson.id).first)
            let competency = try #require(try await store.records(student: child.id).keys.sorted().first)
            var guardian = TestBrowser(client)
            let login = try await guardian.get("/login?lang=es")
            #expect(login.body.contains(#"<html lang="es">"#) && login.body.contains("Iniciar sesión en Masterly"))
            _ = try await guardian.post("/login", [("username", "guardian"), ("password", "masterly-demo")])
            // The browser keeps the choice: no parameter needed from here on.
            for path in [
                "/", "/students/\(child.id.rawValue)",
                "/students/\(child.id.rawValue)/competencies/\(competency.rawValue)",
            ] {
                let page = try await guardian.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.body.contains(#"<html lang="es">"#) && page.body.contains("Cerrar sesión"), "\(path)")
            }
            #expect(try await guardian.get("/").body.contains("Mis hijos"))
            #expect(services.languages.misses.all.isEmpty, "untranslated: \(services.languages.misses.all.sorted())")

            // Kept for the account: a new browser (no cookie, English Accept-Language) signs in to Spanish.
            let kept = try await guardian.post("/me/language", [("language", "es"), ("return", "/")])
            #expect(kept.status == .seeOther && kept.location == "/")
            #expect(try await store.person(guardianPerson.id)?.language == "es")
            #expect(try await store.auditLog(limit: 5).contains { $0.action == "person.language" })
            var another = TestBrowser(client)
            _ = try await another.login("guardian")
            #expect(try await another.get("/").body.contains("Mis hijos"))
            let api = try await APIClient.signIn(client, "guardian")
            #expect(try await api.call("/api/v1/me").object["language"] as? String == "es")
            // A language there are no pages in is refused, naming the field; nothing changes.
            let refused = try await guardian.post("/me/language", [("language", "xx")])
            #expect(refused.status == .unprocessableContent)
            #expect(try await store.person(guardianPerson.id)?.language == "es")
        }
    }

    @Test(
        "Why an activity is not open yet is told in the student's language, naming the activity",
        arguments: [
            NextStepAdvisor.Refusal.notInCourses,
            .opensAtLevel(item: "Fraction lab", level: "Proficient", value: 3, competency: "MA.4"),
            .opensAtLevel(item: "Fraction lab", level: nil, value: 2.5, competency: "MA.4"),
            .opensWithCheckpoint(item: "Fraction lab"), .notOpenOnPathway(item: "Fraction lab"),
            .lockedUntilMastered(item: "Fraction lab", names: ["MA.1", "MA.2"]),
        ])
    func refusalsInSpanish(_ refusal: NextStepAdvisor.Refusal) throws {
        let spanish = NextStepWords(t: try Languages().translator("es")).refusal(refusal)
        let english = NextStepWords(t: try Languages().translator("en")).refusal(refusal)
        #expect(english == refusal.english)
        #expect(spanish != english)
        if refusal != .notInCourses { #expect(spanish.contains("“Fraction lab”")) }
        if case .lockedUntilMastered = refusal { #expect(spanish.contains("MA.1 y MA.2")) }
        if case .opensAtLevel(_, let level?, _, _) = refusal {
            #expect(spanish.contains("(3)") && !spanish.contains(level))
        }
    }

    @Test("A student reads their own pages in Spanish, every message translated")
    func studentInSpanish() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let studentPerson = try #require(try await store.credentials(username: "student")?.person)
            var student = TestBrowser(client)
            let login = try await student.get("/login?lang=es")
            #expect(login.body.contains(#"<html lang="es">"#))
            _ = try await student.post("/login", [("username", "student"), ("password", "masterly-demo")])
            // The browser keeps the choice: no parameter needed from here on.
            for (page, title) in [
                ("next-steps", "Mis próximos pasos"), ("reflections", "Mis reflexiones"), ("profile", "Mi perfil"),
                ("backpack", "Mi mochila de datos"), ("conference", "Informe para la reunión"),
            ] {
                let path = "/students/\(studentPerson.id.rawValue)/\(page)"
                let response = try await student.get(path)
                #expect(response.status == .ok, "\(path)")
                #expect(response.body.contains(#"<html lang="es">"#) && response.body.contains(title), "\(path)")
            }
            // Why each step is recommended, in Spanish too — dates as Spanish writes them.
            let steps = try await student.get("/students/\(studentPerson.id.rawValue)/next-steps").body
            #expect(steps.contains("en tu ruta “") && steps.contains("Estás en "))
            #expect(!steps.contains("It is on your pathway") && !steps.contains("You are at "))
            #expect(!steps.contains("Its target date was") && !steps.contains("Must-do"))
            let home = try await student.get("/").body
            #expect(
                !home.contains("It is on your pathway") && !home.contains("You are at ")
                    && !home.contains("You mastered "))
            #expect(
                steps.range(of: #"Su fecha objetivo era el \d{1,2} de [a-z]+ de \d{4}"#, options: .regularExpression)
                    != nil)
            #expect(services.languages.misses.all.isEmpty, "untranslated: \(services.languages.misses.all.sorted())")
        }
    }

    @Test("A cached page is kept per language: switching language never serves the other one's copy")
    func cachedPerLanguage() async throws {
        try await withOwnApp(adjust: { _ in }) { client, _ in
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            #expect(try await teacher.get("/sections/sec-1").body.contains("Sign out"))
            _ = try await teacher.get("/?lang=es")  // the browser now keeps Spanish
            let again = try await teacher.get("/sections/sec-1")
            #expect(again.body.contains("Cerrar sesión") && !again.body.contains(">Sign out<"))
        }
    }

    @Test("A refused page keeps the reader's header and language, and offers no sign-in to someone signed in")
    func refusedPage() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let stranger = try #require(
                try await services.store.credentials(username: "teacher5")?.person)
            var student = TestBrowser(client)
            _ = try await student.login("student")
            let page = try await student.get("/students/\(stranger.id.rawValue)?lang=es")
            #expect(page.status == .forbidden || page.status == .notFound)
            #expect(page.body.contains("Cerrar sesión") && page.body.contains(#"<html lang="es">"#))
            #expect(!page.body.contains(#"href="/login""#))
        }
    }
}

@Suite("Needs you list")
struct NeedsYouListTests {
    @Test("A guardian is told a plan awaits them, reads it in their language, marks it read; it leaves once done")
    func guardianPlan() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let guardianPerson = try #require(try await store.credentials(username: "guardian")?.person)
            let child = try #require(try await store.children(ofGuardian: guardianPerson.id).first)
            let plan = LearningPlan(
                id: "plan-needs-you", studentID: child.id, title: "Plan for spring",
                goals: [.init(arena: .academic, text: "Finish ratios", actionSteps: ["Practice"])], status: .inReview,
                updatedAt: TestSchool.now.addingTimeInterval(-3600))
            try await store.save(plan, by: child.id, at: TestSchool.now, action: "submit")
            let api = try await APIClient.signIn(client, "guardian")
            let list = try await api.call("/api/v1/me/notifications")
            let items = try #require(list.object["items"] as? [[String: Any]])
            let item = try #require(items.first { ($0["url"] as? String)?.contains("plan-needs-you") == true })
            #expect(item["kind"] as? String == "plan-acknowledgement" && item["read"] as? Bool == false)
            #expect((item["text"] as? String)?.contains("Plan for spring") == true)
            #expect((item["createdAt"] as? String).flatMap { RFC3339.date($0) } != nil)
            // On the family's home, in Spanish.
            var guardian = TestBrowser(client)
            _ = try await guardian.get("/login?lang=es")
            _ = try await guardian.post("/login", [("username", "guardian"), ("password", "masterly-demo")])
            let home = try await guardian.get("/")
            #expect(home.body.contains("Necesita su atención") && home.body.contains("Plan for spring"))
            #expect(services.languages.misses.all.isEmpty, "untranslated: \(services.languages.misses.all.sorted())")
            // Marked read: still listed (it still needs them), no longer new.
            #expect(try await guardian.post("/me/notifications/read", []).status == .seeOther)
            let read = try await api.call("/api/v1/me/notifications").object["items"] as? [[String: Any]] ?? []
            #expect(read.allSatisfy { $0["read"] as? Bool == true } && !read.isEmpty)
            #expect(try await store.auditLog(limit: 5).contains { $0.action == "person.notifications-read" })
            // Acknowledged: gone.
            _ = try await guardian.get("/students/\(child.id.rawValue)/plan")
            #expect(
                try await guardian.post("/students/\(child.id.rawValue)/plan/plan-needs-you/acknowledge", []).status
                    == .seeOther)
            let after = try await api.call("/api/v1/me/notifications").object["items"] as? [[String: Any]] ?? []
            #expect(!after.contains { ($0["url"] as? String)?.contains("plan-needs-you") == true })
        }
    }

    @Test("A family reads a competency in plain words; the arithmetic is one click away; teachers keep the methods")
    func familyDrillDown() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let guardianPerson = try #require(try await store.credentials(username: "guardian")?.person)
            let child = try #require(try await store.children(ofGuardian: guardianPerson.id).first)
            let competency = try #require(try await store.records(student: child.id).keys.sorted().first)
            let path = "/students/\(child.id.rawValue)/competencies/\(competency.rawValue)"
            var guardian = TestBrowser(client)
            _ = try await guardian.login("guardian")
            let family = try await guardian.get(path)
            #expect(family.status == .ok && !family.body.contains("What would each method give?"))
            let details = try #require(family.body.range(of: #"<details class="how-calculated">"#))
            let policy = try #require(family.body.range(of: "Calculation policy:"))
            #expect(details.lowerBound < policy.lowerBound, "the calculation is inside the details")
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            let staff = try await teacher.get(path)
            #expect(staff.body.contains("What would each method give?") && !staff.body.contains("how-calculated"))
        }
    }
}

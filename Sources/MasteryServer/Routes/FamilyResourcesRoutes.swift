import Foundation
import Hummingbird
import MasteryCore
import MasteryStore
import Plot

/// "Help for families" (`/resources`) for everyone of a school, and its editor for the school's administrators
/// (`/admin/resources`): the school's own words, else the district's, else Masterly's.
struct FamilyResourcesRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/resources") { request, context in
            let user = try context.requireUser()
            try await authorizer.require(user, .viewFamilyResources, organization: user.organizationID)
            let language = context.translator.code
            let page = FamilyResourcesPage(
                text: try await text(for: user.organizationID, language: language),
                scale: try await scale())
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.get("/admin/resources") { request, context in
            let user = try context.requireUser()
            try await authorizer.require(user, .editFamilyResources, organization: user.organizationID)
            var texts: [String: String] = [:]
            for language in Self.languages {
                texts[language] = try await store.familyResources(organization: user.organizationID, language: language)
            }
            let page = FamilyResourcesEditor(texts: texts, saved: request.uri.queryParameters["saved"] != nil)
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/admin/resources") { _, context in
            let user = try context.requireUser()
            try await authorizer.require(user, .editFamilyResources, organization: user.organizationID)
            for language in Self.languages {
                let body = (context.form["text-\(language)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                // Masterly's own text left as it was is not a school's text.
                let own = body == FamilyResourcesPage.standard(language).trimmingCharacters(in: .whitespacesAndNewlines)
                try await store.saveFamilyResources(
                    own ? "" : body, organization: user.organizationID, language: language, by: user.id,
                    at: services.clock())
            }
            return HTMLResponse.redirect("/admin/resources?saved=1")
        }
    }

    /// The languages a school writes its text in (those Masterly has pages in).
    static let languages = ["en", "es"]

    /// The levels families read about: the scale of the district's first framework.
    func scale() async throws -> ProficiencyScale? {
        guard let framework = try await store.frameworks().first else { return nil }
        return try await store.scale(framework.scaleID)
    }

    /// The school's text, else its district's, else Masterly's.
    func text(for organization: Organization.ID, language: String) async throws -> String {
        if let own = try await store.familyResources(organization: organization, language: language) { return own }
        if let parent = try await store.organization(organization)?.parentID,
            let district = try await store.familyResources(organization: parent, language: language)
        {
            return district
        }
        return FamilyResourcesPage.standard(language)
    }
}

/// An administrator writes the school's text for families, in each language.
struct FamilyResourcesEditor {
    var texts: [String: String]
    var saved: Bool

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Help for families", page,
            Layout.heading(
                "Help for families",
                lead:
                    "What families read under \"Help for families\". Plain text: a line starting \"# \" is a heading, lines starting \"- \" a list, a blank line a new paragraph. Leave a language empty to use Masterly's text."
            ),
            .if(saved, Components.notice("Saved.", error: false)),
            .form(
                .method(.post), .action("/admin/resources"), .class("card"),
                Layout.csrfField(page.csrfToken),
                .forEach(FamilyResourcesRoutes.languages) { language in
                    .div(
                        .class("field"),
                        .label(.for("text-\\(language)"), .text(language == "es" ? "Español" : "English")),
                        .textarea(
                            .id("text-\\(language)"), .name("text-\\(language)"),
                            .attribute(named: "rows", value: "16"),
                            .attribute(named: "lang", value: language),
                            .text(texts[language] ?? FamilyResourcesPage.standard(language))))
                },
                .button(.type(.submit), .class("button primary"), "Save")))
    }
}

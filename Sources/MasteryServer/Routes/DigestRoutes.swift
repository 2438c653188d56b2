import Foundation
import Hummingbird
import MasteryCore
import MasteryStore
import Plot

/// `/me/digest`: a person turns their weekly email off or back on (the email's own link leads here).
struct DigestRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get("/me/digest") { request, context in
            let user = try context.requireUser()
            try Authorizer(store: services.store).require(user, .changeOwnSettings, account: user.id)
            let page = DigestPage(
                off: try await services.store.digestOff(user.id), saved: request.uri.queryParameters["saved"] != nil)
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/me/digest") { _, context in
            let user = try context.requireUser()
            try Authorizer(store: services.store).require(user, .changeOwnSettings, account: user.id)
            guard let choice = context.form.text("digest"), ["on", "off"].contains(choice) else {
                throw AppError.invalid(message: "Choose on or off.", field: "digest")
            }
            try await services.store.setDigest(off: choice == "off", for: user.id, at: services.clock())
            return HTMLResponse.redirect("/me/digest?saved=1")
        }
    }
}

/// The weekly email: on or off, in the reader's language.
struct DigestPage {
    var off: Bool
    var saved: Bool

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        return Layout.page(
            t("Weekly email"), page,
            Layout.heading(
                t("Weekly email"),
                lead: t(
                    "Once a week, what changed and what needs you, sent to the email address the school has for you.")),
            .if(saved, Components.notice(t("Saved."), error: false)),
            .form(
                .method(.post), .action("/me/digest"), .class("card"),
                Layout.csrfField(page.csrfToken),
                .fieldset(
                    .element(named: "legend", text: t("Send me the weekly email")),
                    .div(
                        .class("choice"),
                        .input(.type(.radio), .id("digest-on"), .name("digest"), .value("on"), .checked(!off)),
                        .label(.for("digest-on"), .text(t("Yes")))),
                    .div(
                        .class("choice"),
                        .input(.type(.radio), .id("digest-off"), .name("digest"), .value("off"), .checked(off)),
                        .label(.for("digest-off"), .text(t("No, stop it"))))),
                .button(.type(.submit), .class("button primary"), .text(t("Save")))))
    }
}

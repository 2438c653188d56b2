import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// `POST /me/language`: a signed-in person keeps a language for their pages (the footer's menu), or follows their
/// browser again (`language` empty). The answer goes back to the page they were on, in that language.
struct LanguageRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.post("/me/language") { _, context in
            let user = try context.requireUser()
            try Authorizer(store: services.store).require(user, .changeOwnSettings, account: user.id)
            let code = try context.form.identifier("language")
            if let code, !services.languages.knows(code) {
                throw AppError.invalid(message: "There are no pages in the language '\(code)'.", field: "language")
            }
            try await services.store.setLanguage(code, for: user.id, at: services.clock())
            var response = HTMLResponse.redirect(Self.localPath(context.form.text("return")) ?? "/")
            response.setCookie(LanguageMiddleware.cookie(code, secure: services.configuration.secureCookies))
            return response
        }
    }

    /// A path on this site to return to (never another host, never a scheme).
    static func localPath(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.hasPrefix("/\\"),
            !text.contains(where: { $0.isNewline })
        else { return nil }
        return text
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import MasteryCore

/// Chooses the language of each answer (`Languages.choose`) after sign-in is known. `?lang=es` on any page shows
/// it in Spanish and keeps that choice in this browser (a cookie, so the next page follows without a parameter);
/// a signed-in person's saved choice applies wherever the browser has none.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "masterly_lang"
    let services: AppServices

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let languages = services.languages
        let asked = request.uri.queryParameters["lang"].map(String.init)
        let code = languages.choose(
            asked: asked, cookie: request.cookies[Self.cookieName]?.value, saved: context.user?.language,
            acceptLanguage: request.headers[.acceptLanguage])
        context.translator = languages.translator(code)
        context.languageChoices = languages.choices
        // Failures are answered here, where the page knows who is reading and in which language.
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = ErrorMiddleware.response(for: error, request: request, context: context)
        }
        if let asked, languages.knows(asked) {
            response.setCookie(Self.cookie(asked, secure: services.configuration.secureCookies))
        }
        return response
    }

    /// The browser's language for a year; nil clears it (the browser follows the account's choice again).
    static func cookie(_ code: String?, secure: Bool) -> Cookie {
        Cookie(
            name: cookieName, value: code ?? "", maxAge: code == nil ? 0 : 365 * 86_400, path: "/", secure: secure,
            httpOnly: true, sameSite: .lax)
    }
}

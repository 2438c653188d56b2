import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// Starts a signed-in browser session, whichever way the person proved who they are (password, one-time
/// link, single sign-on, sign-in card): a new session secret, the sign-in recorded, and the response that
/// sets the session cookie and a form token bound to that session (one taken before signing in no longer
/// works).
struct SessionStart {
    let services: AppServices

    func redirect(_ person: Person, to location: String = "/") async throws -> Response {
        let now = services.clock()
        let hours = services.configuration.sessionHours
        let secret = try await services.store.issue(
            .session, for: person.id, at: now, expiresAt: now.addingTimeInterval(Double(hours) * 3600))
        try await services.store.pruneExpired(at: now)
        try await services.store.recordSignIn(person.id, at: now)
        var response = HTMLResponse.redirect(location)
        let secure = services.configuration.secureCookies
        response.setCookie(Cookies.sessionCookie(secret, hours: hours, secure: secure))
        response.setCookie(Cookies.csrfCookie(CSRFMiddleware.token(forSession: secret), secure: secure))
        return response
    }
}

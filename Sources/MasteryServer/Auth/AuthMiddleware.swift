import Foundation
import HTTPTypes
import Hummingbird
import MasteryStore

/// Finds who is signed in: API requests (`/api/…`) by their bearer token only, pages by the session cookie
/// only. The API never accepts the cookie, so pages' CSRF protection cannot be bypassed through it.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        var context = context
        let now = services.clock()
        if request.uri.path.hasPrefix("/api/") {
            if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
                let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
                guard let holder = try await services.store.signedIn(holding: token, kind: .apiToken, at: now) else {
                    throw AppError.unauthorized("The API token is unknown or has expired.")
                }
                context.user = holder.person
                context.changeVersion = holder.changeVersion
            }
        } else if let secret = request.cookies[Cookies.session]?.value, !secret.isEmpty {
            if let holder = try await services.store.signedIn(holding: secret, kind: .session, at: now) {
                context.user = holder.person
                context.changeVersion = holder.changeVersion
                context.sessionSecret = secret
            }
        }
        return try await next(request, context)
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import MasteryCore
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
        // A section's gradebook (page or JSON) is cached under the section's version: read it with the sign-in.
        let section = Self.gradebookSection(request.uri.path)
        if request.uri.path.hasPrefix("/api/") {
            if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
                let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
                guard
                    let holder = try await services.store.signedIn(
                        holding: token, kind: .apiToken, at: now, section: section)
                else {
                    throw AppError.unauthorized("The API token is unknown or has expired.")
                }
                context.user = holder.person
                context.changeVersion = holder.changeVersion
                context.sectionVersion = section.flatMap { id in holder.sectionVersion.map { (id, $0) } }
            }
        } else if let secret = request.cookies[Cookies.session]?.value, !secret.isEmpty {
            if let holder = try await services.store.signedIn(
                holding: secret, kind: .session, at: now, section: section)
            {
                context.user = holder.person
                context.changeVersion = holder.changeVersion
                context.sectionVersion = section.flatMap { id in holder.sectionVersion.map { (id, $0) } }
                context.sessionSecret = secret
            }
        }
        return try await next(request, context)
    }

    /// The section whose gradebook `path` asks for: `/sections/{id}` or `/api/v1/sections/{id}/gradebook`.
    static func gradebookSection(_ path: String) -> Section.ID? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 3, parts[1] == "sections", !parts[2].isEmpty { return Section.ID(String(parts[2])) }
        if parts.count == 6, parts[1] == "api", parts[2] == "v1", parts[3] == "sections", !parts[4].isEmpty,
            parts[5] == "gradebook"
        {
            return Section.ID(String(parts[4]))
        }
        return nil
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MasteryCore
import MasteryStore

/// Maps every error to the right status with a JSON error body (`{ "error": { "code", "message", "field"?,
/// "line"? } }`) for the API and an HTML error page for people. Unexpected errors are logged and shown as a
/// plain 500 without details.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            return Self.response(for: error, request: request, context: context)
        }
    }

    /// The answer to a request that failed: JSON for the API, an error page (in the request's language, with
    /// the signed-in person's header when known) for people. `LanguageMiddleware` answers with it from inside
    /// sign-in, so the page knows who is reading; this middleware, for failures before that.
    static func response(for error: any Error, request: Request, context: AppRequestContext) -> Response {
        let appError = Self.map(error)
        let route = context.endpointPath ?? "unmatched"
        if appError == .internalError {
            context.logger.error("\(request.method) \(route) failed: \(String(reflecting: error))")
        } else if case .unavailable = appError {
            context.logger.warning("\(request.method) \(route): the database is unavailable: \(error)")
        }
        if request.uri.path.hasPrefix("/api/") || request.uri.path == "/health" {
            return APIResponse.error(appError)
        }
        var response = HTMLResponse.render(
            ErrorPage(error: appError).render(PageContext(context, path: request.uri.path)), status: appError.status)
        if case .unauthorized = appError, request.method == .get {
            response = Response(status: .seeOther, headers: [.location: "/login"])
        }
        if let seconds = appError.retryAfter { response.headers[.retryAfter] = String(seconds) }
        return response
    }

    static func map(_ error: any Error) -> AppError {
        switch error {
        case let error as AppError: return error
        case let error as StoreError:
            switch error {
            case .notFound(let kind, _): return .notFound("The \(kind)")
            case .invalid(let message): return .invalid(message: message)
            case .conflict(let message): return .conflict(message)
            default: return .internalError
            }
        case let error as MasteryCoreError: return .invalid(message: error.description)
        case let error as Accounts.Failure: return .invalid(message: error.description)
        case let error as any HTTPResponseError:
            switch error.status {
            case .notFound: return .notFound("The page")
            case .unauthorized: return .unauthorized("Please sign in.")
            case .forbidden: return .forbidden
            case .contentTooLarge: return .tooLarge("The request is larger than this page accepts.")
            case .badRequest, .unprocessableContent: return .invalid(message: "The request could not be read: \(error)")
            default: return .internalError
            }
        case is DecodingError: return .invalid(message: "The request body is not valid JSON for this route: \(error)")
        case let error where Store.isUnavailable(error): return .unavailable(retryAfter: 5)
        default: return .internalError
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import MasteryStore

/// Protects every form: each browser gets a random token in an HttpOnly cookie, every page's forms carry it
/// in a hidden `_csrf` field, and a form post whose field does not match the cookie is refused (403) before
/// any route sees it. API routes use bearer tokens, never cookies, and are exempt.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices
    static let fieldName = "_csrf"
    static let maxFormBytes = 1_000_000
    /// Uploads (rosters, frameworks) may be larger than ordinary forms.
    static let maxUploadBytes = 64_000_000

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        var context = context
        var request = request
        let existing = request.cookies[Cookies.csrf]?.value ?? ""
        let isNew = existing.count < 20
        context.csrfToken = isNew ? Store.newSecret() : existing
        if request.method != .get, request.method != .head, !request.uri.path.hasPrefix("/api/") {
            let form: FormData
            if let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:)) {
                let body = try await request.collectBody(upTo: Self.maxUploadBytes)
                guard let multipart = MultipartForm(body: Data(body.readableBytesView), boundary: boundary) else {
                    throw AppError.invalid(message: "The upload could not be read (malformed multipart form).")
                }
                form = FormData(multipart: multipart)
            } else {
                let body = try await request.collectBody(upTo: Self.maxFormBytes)
                form = FormData(urlEncoded: String(buffer: body))
            }
            guard !isNew, let sent = form[Self.fieldName], Self.constantTimeEqual(sent, existing) else {
                throw AppError.csrf
            }
            context.form = form
        }
        var response = try await next(request, context)
        if isNew {
            response.setCookie(Cookies.csrfCookie(context.csrfToken, secure: services.configuration.secureCookies))
        }
        return response
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}

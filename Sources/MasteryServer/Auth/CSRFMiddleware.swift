import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import MasteryCore
import MasteryStore
import NIOCore

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
        let cookie = request.cookies[Cookies.csrf]?.value ?? ""
        // Signed in, the token is derived from the session: bound to it, new at every sign-in, gone at sign-out.
        // Before signing in (the login form) it is the browser's random cookie.
        let bound = context.sessionSecret.map(Self.token(forSession:))
        let isNew = bound == nil && cookie.count < 20
        let existing = bound ?? cookie
        context.csrfToken = isNew ? Store.newSecret() : existing
        if request.method != .get, request.method != .head, !request.uri.path.hasPrefix("/api/") {
            let form: FormData
            if let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:)) {
                // Large uploads only where a file is expected, and only from someone signed in who may
                // import; every other multipart post gets the ordinary limit, read before anything else.
                let limit = Self.uploadLimit(path: request.uri.path, user: context.user)
                let body = try await Self.collect(&request, upTo: limit)
                guard let multipart = MultipartForm(body: Data(body.readableBytesView), boundary: boundary) else {
                    throw AppError.invalid(message: "The upload could not be read (malformed multipart form).")
                }
                form = FormData(multipart: multipart)
            } else {
                let body = try await Self.collect(&request, upTo: Self.maxFormBytes)
                form = FormData(urlEncoded: String(buffer: body))
            }
            guard !isNew, let sent = form[Self.fieldName], Self.constantTimeEqual(sent, existing) else {
                throw AppError.csrf
            }
            context.form = try form.validated()
        }
        var response = try await next(request, context)
        if isNew || (bound != nil && cookie != bound) {
            response.setCookie(Cookies.csrfCookie(context.csrfToken, secure: services.configuration.secureCookies))
        }
        return response
    }

    /// The upload limit of a multipart post: `maxUploadBytes` on the import page for someone signed in who may
    /// import (administrators), room for every file of a hand-in on a playlist item, `maxFormBytes` elsewhere.
    static func uploadLimit(path: String, user: Person?) -> Int {
        // Handing in work (photos, documents) on a playlist item.
        if user != nil, path.hasPrefix("/students/"), path.hasSuffix("/submit"), path.contains("/items/") {
            return WorkFileType.maxFiles * WorkFileType.maxFileBytes + 200_000
        }
        guard let user, user.role == .admin, uploadPaths.contains(path) else {
            return maxFormBytes
        }
        return maxUploadBytes
    }

    static let uploadPaths: Set<String> = ["/admin/import"]

    /// The body, refused with 413 naming the limit as soon as it is declared or read past it.
    static func collect(_ request: inout Request, upTo limit: Int) async throws -> ByteBuffer {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw AppError.tooLarge("The request is larger than the \(ByteWording.size(limit)) this page accepts.")
        }
        do {
            return try await request.collectBody(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw AppError.tooLarge("The request is larger than the \(ByteWording.size(limit)) this page accepts.")
        }
    }

    /// The CSRF token of a login session: a hash of the session's secret (which never leaves its cookie).
    static func token(forSession secret: String) -> String {
        SHA256.hash(data: Data("masterly-csrf:\(secret)".utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}

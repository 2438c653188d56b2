import HTTPTypes
import Hummingbird
import Plot

/// Pages as responses: `text/html` with security headers.
enum HTMLResponse {
    static func render(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html.render())))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

/// Security headers on every response.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Served over HTTPS (secure cookies): browsers are told to keep to HTTPS.
    var https = false

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        // One spelling per resource: `//api/v1/me` or `/a/./b` is not another way in (the API's bearer-only
        // rule and the CSRF exemption both look at the path).
        var response =
            Self.isCanonical(request.uri.path)
            ? try await next(request, context) : APIResponse.error(.notFound("The page"))
        // Nothing with a person's data is kept by browsers or proxies unless a route says otherwise.
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        if https { response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains" }
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        return response
    }

    /// A path without empty, `.` or `..` segments and without encoded slashes.
    static func isCanonical(_ path: String) -> Bool {
        guard path.hasPrefix("/") else { return false }
        if path.contains("//") || path.lowercased().contains("%2f") || path.lowercased().contains("%5c") {
            return false
        }
        return !path.split(separator: "/").contains { $0 == "." || $0 == ".." }
    }
}

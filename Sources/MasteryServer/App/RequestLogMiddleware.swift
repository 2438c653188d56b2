import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Gives every request an id — the proxy's `X-Request-Id` when it sends a plausible one (nginx's `$request_id`),
/// else the server's own — carried by every log entry made while answering it and returned in `X-Request-Id`,
/// and logs one line per request: method, route pattern (never the path, which can hold an invitation token),
/// status and duration.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let id = request.headers[.xRequestID].flatMap(Self.acceptable) ?? context.id
        // Hummingbird's own key, which `context.id` reads; JSON logs name it `request_id`.
        context.logger[metadataKey: "hb.request.id"] = .string(id)
        let start = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[.xRequestID] = id
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "route": .string(context.endpointPath ?? "unmatched"),
                "status": .stringConvertible(response.status.code),
                "duration_ms": .string(String(format: "%.1f", milliseconds)),
            ])
        return response
    }

    /// Up to 64 letters, digits, `-`, `_` or `.`: anything else is not logged as given.
    static func acceptable(_ value: String) -> String? {
        guard (1...64).contains(value.count),
            value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        else { return nil }
        return value
    }
}

extension HTTPField.Name {
    static let xRequestID = Self("X-Request-Id")!
}

import Foundation
import HTTPTypes
import Hummingbird

/// JSON responses with sorted keys (stable output) and the API's error shape.
enum APIResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var field: String?
            var line: Int?
        }
        var error: Detail
    }

    static func error(_ error: AppError) -> Response {
        var field: String?
        var line: Int?
        if case .invalid(_, let f, let l) = error {
            field = f
            line = l
        }
        var response = json(
            ErrorBody(error: .init(code: error.code, message: error.message, field: field, line: line)),
            status: error.status)
        if let seconds = error.retryAfter { response.headers[.retryAfter] = String(seconds) }
        return response
    }
}

import HTTPTypes
import Hummingbird

/// Every error a request can end in. One middleware maps it to a status, a JSON error body for the API and
/// an HTML error page for people.
public enum AppError: Error, Equatable, Sendable {
    /// Not signed in, or wrong credentials (never says which).
    case unauthorized(String)
    case forbidden
    case notFound(String)
    case csrf
    /// Input that cannot be accepted, naming the field (and line, for files).
    case invalid(message: String, field: String? = nil, line: Int? = nil)
    case conflict(String)
    /// A body or upload over the route's limit, naming the limit.
    case tooLarge(String)
    /// A file of a kind the route does not accept, naming the kinds it does.
    case unsupportedType(String)
    /// Too many failed sign-ins: try again after `retryAfter` seconds.
    case tooManyAttempts(retryAfter: Int)
    /// The database cannot be reached: try again after `retryAfter` seconds.
    case unavailable(retryAfter: Int)
    case internalError

    var status: HTTPResponse.Status {
        switch self {
        case .unauthorized: .unauthorized
        case .forbidden, .csrf: .forbidden
        case .notFound: .notFound
        case .invalid: .unprocessableContent
        case .conflict: .conflict
        case .tooLarge: .contentTooLarge
        case .unsupportedType: .unsupportedMediaType
        case .tooManyAttempts: .tooManyRequests
        case .unavailable: .serviceUnavailable
        case .internalError: .internalServerError
        }
    }

    var code: String {
        switch self {
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .csrf: "csrf"
        case .notFound: "not_found"
        case .invalid: "invalid"
        case .conflict: "conflict"
        case .tooLarge: "too_large"
        case .unsupportedType: "unsupported_type"
        case .tooManyAttempts: "too_many_attempts"
        case .unavailable: "unavailable"
        case .internalError: "internal"
        }
    }

    var message: String {
        switch self {
        case .unauthorized(let message): message
        case .forbidden: "You are not allowed to see or change this."
        case .csrf: "This form has expired or did not come from Masterly. Go back, reload the page and try again."
        case .notFound(let what): "\(what) was not found."
        case .invalid(let message, _, _): message
        case .conflict(let message): message
        case .tooLarge(let message): message
        case .unsupportedType(let message): message
        case .tooManyAttempts(let seconds):
            "Too many attempts to sign in. Wait \(RetryWording.duration(seconds)) and try again, or ask your teacher or school office to reset your password."
        case .unavailable: "Masterly cannot reach its database just now. Please try again in a moment."
        case .internalError: "Something went wrong on our side. It has been logged."
        }
    }

    var title: String {
        switch self {
        case .unauthorized: "Please sign in"
        case .forbidden, .csrf: "Not allowed"
        case .notFound: "Not found"
        case .invalid: "Check your input"
        case .conflict: "Conflict"
        case .tooLarge: "Too large"
        case .unsupportedType: "File type not accepted"
        case .tooManyAttempts: "Please wait"
        case .unavailable: "Back in a moment"
        case .internalError: "Something went wrong"
        }
    }

    /// Seconds for the `Retry-After` header, when the error has them.
    var retryAfter: Int? {
        switch self {
        case .tooManyAttempts(let seconds), .unavailable(let seconds): seconds
        default: nil
        }
    }
}

/// "1 minute", "45 seconds": how long to wait, in words.
enum RetryWording {
    static func duration(_ seconds: Int) -> String {
        if seconds >= 120 { return "\((seconds + 59) / 60) minutes" }
        if seconds >= 60 { return "1 minute" }
        return seconds == 1 ? "1 second" : "\(max(seconds, 1)) seconds"
    }
}

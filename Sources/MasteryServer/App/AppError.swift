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
    case internalError

    var status: HTTPResponse.Status {
        switch self {
        case .unauthorized: .unauthorized
        case .forbidden, .csrf: .forbidden
        case .notFound: .notFound
        case .invalid: .unprocessableContent
        case .conflict: .conflict
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
        case .internalError: "Something went wrong"
        }
    }
}

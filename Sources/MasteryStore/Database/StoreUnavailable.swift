import AsyncKit
import NIOCore
import PostgresKit

extension Store {
    /// Whether `error` means the database cannot be reached right now (refused or dropped connection, a closed
    /// or exhausted pool) rather than a fault of the request: the server then answers 503 with `Retry-After`,
    /// never 500, and a client or load balancer tries again.
    public static func isUnavailable(_ error: any Error) -> Bool {
        switch error {
        case is ConnectionPoolError, is ConnectionPoolTimeoutError, is ChannelError, is IOError,
            is DatabaseDeadlineExceeded:
            return true
        case let error as PSQLError:
            if error.code == .server, let state = error.serverInfo?[.sqlState] {
                // 08 connection exception, 53 insufficient resources (too many connections), 57 operator
                // intervention (shutting down, starting up, statement timeout), 40001/40P01 retry the transaction.
                return ["08", "53", "57"].contains(String(state.prefix(2))) || ["40001", "40P01"].contains(state)
            }
            return [.connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .uncleanShutdown]
                .contains(error.code)
        default:
            return false
        }
    }
}

/// A database call ran past the store's deadline: its connection was closed (and will be replaced) rather than
/// left to hang a request.
public struct DatabaseDeadlineExceeded: Error, CustomStringConvertible {
    public let deadline: Duration
    public var description: String { "the database did not answer within \(deadline)" }
}

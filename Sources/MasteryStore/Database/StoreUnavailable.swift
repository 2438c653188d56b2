import AsyncKit
import NIOCore
import PostgresKit

extension Store {
    /// Whether `error` means the database cannot be reached right now (refused or dropped connection, a closed
    /// or exhausted pool) rather than a fault of the request: the server then answers 503 with `Retry-After`,
    /// never 500, and a client or load balancer tries again.
    public static func isUnavailable(_ error: any Error) -> Bool {
        switch error {
        case is ConnectionPoolError, is ConnectionPoolTimeoutError, is ChannelError, is IOError:
            return true
        case let error as PSQLError:
            return [.connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .uncleanShutdown]
                .contains(error.code)
        default:
            return false
        }
    }
}

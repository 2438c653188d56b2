import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// Runs the application until SIGTERM or SIGINT, then drains: it stops accepting connections and lets requests
/// in flight finish (each database call is bounded by the store's deadline), but never for longer than `drain` —
/// after that the server is stopped, so a load balancer's restart or a deploy always completes.
public func serve(_ application: some ApplicationProtocol, drain: Duration, logger: Logger) async throws {
    var configuration = ServiceGroupConfiguration(
        services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    configuration.maximumGracefulShutdownDuration = drain
    configuration.maximumCancellationDuration = .seconds(2)
    try await ServiceGroup(configuration: configuration).run()
}

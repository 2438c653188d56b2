import Foundation
import Hummingbird
import Prometheus

/// The server's own measurements, in Prometheus's text format at `/metrics` (swift-prometheus): request
/// latency by route pattern (never by id), method and status class, and how often a gradebook came from the
/// cache. Each server keeps its own; Prometheus scrapes every server.
public final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    static let buckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]

    public init() {}

    func requestDuration(route: String, method: String, status: Int) -> DurationHistogram {
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "masterly", metricName: "http_request_duration", unitName: "seconds",
                helpText: "Time to answer a request, by route pattern, method and status class"),
            labels: [("route", route), ("method", method), ("status", "\(status / 100)xx")], buckets: Self.buckets)
    }

    func gradebookCache(hit: Bool) -> Counter {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "masterly", metricName: "gradebook_cache", unitName: "total",
                helpText: "Gradebook pages and JSON answered from the cache (hit) or rendered (miss)"),
            labels: [("result", hit ? "hit" : "miss")])
    }

    /// Counts a gradebook answered from the cache (or rendered).
    func countGradebook(hit: Bool) { gradebookCache(hit: hit).increment() }

    /// The Prometheus text exposition of everything measured so far.
    func exposition() -> String { registry.emitToString() }
}

/// Times every request (outside the error middleware, so it sees the status people get).
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let metrics: ServerMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        metrics.requestDuration(
            route: context.endpointPath ?? "unmatched", method: request.method.rawValue,
            status: Int(response.status.code)
        ).record(ContinuousClock.now - start)
        return response
    }
}

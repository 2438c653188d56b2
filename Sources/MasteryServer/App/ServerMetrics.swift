import Foundation
import Hummingbird
import MasteryStore
import NIOConcurrencyHelpers
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

    private var renderDuration: DurationHistogram {
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "masterly", metricName: "gradebook_render", unitName: "seconds",
                helpText: "Time to load and render a gradebook that was not in the cache"),
            buckets: Self.buckets)
    }

    /// Runs `render` (a gradebook not found in the cache) and records how long it took.
    func timeRender<T>(_ render: () async throws -> T) async rethrows -> T {
        let start = ContinuousClock.now
        let value = try await render()
        renderDuration.record(ContinuousClock.now - start)
        return value
    }

    /// The pool figures already reported, so the running totals are added as they grow.
    private let reportedPool = NIOLockedValueBox(PoolUse())

    /// Brings the database pool's figures up to date (each scrape).
    func observe(_ pool: PoolUse) {
        func gauge(_ name: String, _ help: String) -> Gauge {
            registry.makeGauge(
                descriptor: MetricNameDescriptor(namespace: "masterly", metricName: name, helpText: help))
        }
        gauge("db_connections_in_use", "Database connections held by requests now").set(to: Double(pool.inUse))
        gauge("db_connections_max", "The most database connections this server opens").set(to: Double(pool.capacity))
        let before = reportedPool.withLockedValue { reported in
            defer { reported = pool }
            return reported
        }
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "masterly", metricName: "db_connections_acquired", unitName: "total",
                helpText: "Database connections handed out")
        ).increment(by: Int64(max(0, pool.acquired - before.acquired)))
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "masterly", metricName: "db_connection_wait_seconds", unitName: "total",
                helpText: "Time spent waiting for a free database connection")
        ).increment(by: max(0, pool.waitSeconds - before.waitSeconds))
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "masterly", metricName: "db_deadline_exceeded", unitName: "total",
                helpText: "Database calls cut off at the deadline (their connections closed and replaced)")
        ).increment(by: Int64(max(0, pool.deadlinesExceeded - before.deadlinesExceeded)))
    }

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

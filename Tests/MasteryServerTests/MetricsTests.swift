import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import MasteryServer

@Suite("Metrics")
struct MetricsTests {
    @Test("/metrics counts requests by route pattern and status class, and gradebook cache hits and misses")
    func exposition() async throws {
        try await withOwnApp(adjust: { _ in }) { client, _ in
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            _ = try await teacher.get("/sections/sec-1")
            _ = try await teacher.get("/sections/sec-1")
            _ = try await teacher.get("/sections/no-such-section")
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = String(buffer: metrics.body)
            let route = #"route="/sections/{id}""#
            let lines = text.split(separator: "\n").filter { $0.contains(route) && $0.contains("_count") }
            // Two answered pages and a 404, counted under the route pattern: never under an id.
            #expect(lines.contains { $0.contains(#"status="2xx""#) && $0.hasSuffix(" 2") })
            #expect(lines.contains { $0.contains(#"status="4xx""#) && $0.hasSuffix(" 1") })
            #expect(!text.contains("sec-1"))
            #expect(text.contains(#"masterly_gradebook_cache_total{result="hit"} 1"#))
            // A miss for the rendered page and one for the unknown section (looked up before it was found missing).
            #expect(text.contains(#"masterly_gradebook_cache_total{result="miss"} 2"#))
        }
    }
}

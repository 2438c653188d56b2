import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
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
            // One render timed (the unknown section fails before rendering); the pool's use is reported.
            #expect(text.contains("masterly_gradebook_render_seconds_count 1"))
            #expect(text.contains("masterly_db_connections_in_use 0"))
            let acquired = text.split(separator: "\n").first { $0.hasPrefix("masterly_db_connections_acquired_total ") }
            #expect((acquired?.split(separator: " ").last).flatMap { Int($0) }.map { $0 > 0 } == true)
            #expect(text.contains("masterly_db_deadline_exceeded_total 0"))
        }
    }

    @Test("Every answer carries a request id: the proxy's X-Request-Id when plausible, else the server's own")
    func requestID() async throws {
        try await withOwnApp(adjust: { _ in }) { client, _ in
            let given = try await client.execute(
                uri: "/health", method: .get, headers: [HTTPField.Name("X-Request-Id")!: "3f2a9c0d1e-nginx"])
            #expect(given.headers[HTTPField.Name("X-Request-Id")!] == "3f2a9c0d1e-nginx")
            let hostile = try await client.execute(
                uri: "/health", method: .get, headers: [HTTPField.Name("X-Request-Id")!: "<script>\u{0}"])
            let own = try #require(hostile.headers[HTTPField.Name("X-Request-Id")!])
            #expect(own != "<script>\u{0}" && !own.isEmpty && own.allSatisfy { $0.isLetter || $0.isNumber })
            let other = try await client.execute(uri: "/health", method: .get)
            #expect(other.headers[HTTPField.Name("X-Request-Id")!] != own)
        }
    }

    @Test("JSON logs: one object per line with the request id under request_id")
    func jsonLog() throws {
        let lines = LockedLines()
        var handler = JSONLogHandler(label: "masterly", write: { lines.append($0) })
        handler[metadataKey: "hb.request.id"] = "abc123"
        handler.log(
            event: LogEvent(
                level: .warning, message: "the database is \"unavailable\"\nretrying", metadata: ["route": "/x"],
                source: "MasteryServer", file: #fileID, function: #function, line: #line))
        let line = try #require(lines.all.first)
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["request_id"] == "abc123" && object["level"] == "warning" && object["route"] == "/x")
        #expect(object["message"] == "the database is \"unavailable\"\nretrying" && object["label"] == "masterly")
        #expect(object["time"].map { $0.hasPrefix("20") } == true)
    }
}

/// Lines written by a log handler under test.
final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

import Foundation
import Testing

@testable import MasteryServer

/// However many viewers open the same gradebook at once, it is rendered once per version.
@Suite("Single-flight rendering")
struct SingleFlightTests {
    actor Counter {
        var renders = 0
        func add() -> Int {
            renders += 1
            return renders
        }
    }

    /// Opens once `open()` is called; renders wait on it, so every reader arrives while the first render runs.
    actor Gate {
        var waiting: [CheckedContinuation<Void, Never>] = []
        var isOpen = false
        func wait() async {
            if isOpen { return }
            await withCheckedContinuation { waiting.append($0) }
        }
        func open() {
            isOpen = true
            for continuation in waiting { continuation.resume() }
            waiting = []
        }
    }

    @Test("Twenty simultaneous readers of one key and version share one render; a new version renders again")
    func oneRender() async throws {
        let cache = VersionedCache<String>()
        let counter = Counter()
        let gate = Gate()
        let render: @Sendable () async throws -> String = {
            let number = await counter.add()
            await gate.wait()
            return "page \(number)"
        }
        let values = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await cache.value("sec-1", version: 7, orRender: render) } }
            // Let the readers reach the cache while the first render waits (if one came later it would find the
            // stored value: the count stays 1 either way; without single flight the early ones would each render).
            try await Task.sleep(for: .milliseconds(50))
            await gate.open()
            var all: [String] = []
            for try await value in group { all.append(value) }
            return all
        }
        #expect(await counter.renders == 1)
        #expect(Set(values) == ["page 1"])
        #expect(try await cache.value("sec-1", version: 7, orRender: render) == "page 1")
        #expect(try await cache.value("sec-1", version: 8, orRender: render) == "page 2")
        #expect(await counter.renders == 2)
    }

    @Test("A failed render is not kept: the next reader renders again")
    func failureNotKept() async throws {
        let cache = VersionedCache<String>()
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await cache.value("k", version: 1) { throw Boom() }
        }
        #expect(try await cache.value("k", version: 1) { "ok" } == "ok")
    }
}

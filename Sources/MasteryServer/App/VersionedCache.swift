/// Things derived from the data (a section's rendered gradebook, its JSON) kept under the store's change
/// version: an entry is served again only while nothing has changed since it was made. At most `capacity`
/// entries; the least recently used goes first.
public actor VersionedCache<Value: Sendable> {
    private var entries: [String: (version: Int64, value: Value, used: UInt64)] = [:]
    /// Renders under way: a reader of the same key and version waits for it instead of rendering again.
    private var inFlight: [String: (version: Int64, task: Task<Value, any Error>)] = [:]
    private var clock: UInt64 = 0
    private let capacity: Int

    public init(capacity: Int = 128) { self.capacity = capacity }

    public func value(_ key: String, version: Int64) -> Value? {
        guard let entry = entries[key], entry.version == version else { return nil }
        clock += 1
        entries[key]?.used = clock
        return entry.value
    }

    public func store(_ value: Value, for key: String, version: Int64) {
        clock += 1
        if entries.count >= capacity, entries[key] == nil,
            let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key
        {
            entries[oldest] = nil
        }
        entries[key] = (version, value, clock)
    }

    /// The value under `key` at `version`, rendering it once however many readers ask at the same time
    /// (single flight): the first starts `render`, the others wait for its result. A failed render is not kept.
    public func value(
        _ key: String, version: Int64, orRender render: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        if let cached = value(key, version: version) { return cached }
        if let running = inFlight[key], running.version == version { return try await running.task.value }
        let task = Task { try await render() }
        inFlight[key] = (version, task)
        defer { if inFlight[key]?.version == version { inFlight[key] = nil } }
        let value = try await task.value
        store(value, for: key, version: version)
        return value
    }
}

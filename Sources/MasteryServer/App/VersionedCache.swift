/// Things derived from the data (a section's rendered gradebook, its JSON) kept under the store's change
/// version: an entry is served again only while nothing has changed since it was made. At most `capacity`
/// entries; the least recently used goes first.
public actor VersionedCache<Value: Sendable> {
    private var entries: [String: (version: Int64, value: Value, used: UInt64)] = [:]
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
}

/// Rendered fragments of heavy pages (a section's gradebook) kept under the store's change version: a fragment
/// is served again only while nothing has changed since it was rendered. At most `capacity` entries.
public actor FragmentCache {
    private var entries: [String: (version: Int64, text: String, used: UInt64)] = [:]
    private var clock: UInt64 = 0
    private let capacity: Int

    public init(capacity: Int = 128) { self.capacity = capacity }

    public func text(_ key: String, version: Int64) -> String? {
        guard let entry = entries[key], entry.version == version else { return nil }
        clock += 1
        entries[key]?.used = clock
        return entry.text
    }

    public func store(_ text: String, for key: String, version: Int64) {
        clock += 1
        if entries.count >= capacity, entries[key] == nil,
            let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key
        {
            entries[oldest] = nil
        }
        entries[key] = (version, text, clock)
    }
}

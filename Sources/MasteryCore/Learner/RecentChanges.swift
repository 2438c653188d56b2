import Foundation

/// What changed for a student since a moment (a family's last visit): the competencies with new evidence, each
/// with how many pieces arrived and the level now, newest first. Worked out from the evidence recorded since.
public enum RecentChanges {
    public struct Item: Sendable, Hashable {
        public var competency: Competency
        /// New pieces of evidence since the moment.
        public var count: Int
        /// When the newest of them was recorded.
        public var latest: Date
        /// The competency's record now (its level, whether mastered).
        public var record: MasteryRecord?
    }

    /// At most `limit` competencies of `competencies` with evidence recorded in `events` (new records only:
    /// corrections and exclusions change a number, not what the child did), newest first.
    public static func items(
        events: [EvidenceEvent], competencies: [Competency], records: [Competency.ID: MasteryRecord], limit: Int = 5
    ) -> [Item] {
        let known = Dictionary(competencies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var items: [Competency.ID: Item] = [:]
        for event in events where event.action == .record {
            guard let competency = known[event.competencyID] else { continue }
            var item =
                items[competency.id]
                ?? Item(competency: competency, count: 0, latest: event.recordedAt, record: records[competency.id])
            item.count += 1
            item.latest = max(item.latest, event.recordedAt)
            items[competency.id] = item
        }
        return Array(
            items.values.sorted { ($0.latest, $1.competency.code) > ($1.latest, $0.competency.code) }.prefix(limit))
    }
}

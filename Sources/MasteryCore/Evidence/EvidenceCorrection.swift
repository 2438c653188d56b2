import Foundation

/// One correction or exclusion of a piece of evidence, read back from the append-only events: what it acted
/// on, the score before and after, who made it, when and why. The evidence that counts hides these; the trail
/// shows them.
public struct EvidenceCorrection: Sendable, Hashable {
    public var event: EvidenceEvent
    /// The piece of evidence it acted on, as first recorded.
    public var original: EvidenceEvent
    /// The score just before (after earlier corrections) and after; `after` is nil for an exclusion.
    public var before: Double?
    public var after: Double?

    /// Every correction and exclusion among `events` (one student, one competency), newest first.
    public static func trail(_ events: [EvidenceEvent]) -> [EvidenceCorrection] {
        var originals: [EvidenceEvent.ID: EvidenceEvent] = [:]
        var current: [EvidenceEvent.ID: Double?] = [:]
        var result: [EvidenceCorrection] = []
        for event in events.sorted(by: { $0.sequence < $1.sequence }) {
            switch event.action {
            case .record:
                originals[event.id] = event
                current[event.id] = event.score
            case .supersede, .exclude:
                guard let target = event.targetID, let original = originals[target] else { continue }
                let before = current[target] ?? nil
                let after = event.action == .supersede ? event.score : nil
                result.append(.init(event: event, original: original, before: before, after: after))
                current[target] = after
            }
        }
        return result.reversed()
    }
}

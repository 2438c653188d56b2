import Foundation

extension EvidenceLedger {
    /// The evidence that counted as the log stood at `asOf` (events recorded later are not yet there), observed
    /// within `period` when given: what makes a past grade exact to reproduce.
    public static func effectiveEvidence(
        _ events: [EvidenceEvent], asOf: Date?, within period: GradingPeriod?
    ) -> [Evidence] {
        let known = asOf.map { date in events.filter { $0.recordedAt <= date } } ?? events
        let evidence = effectiveEvidence(known)
        guard let period else { return evidence }
        return evidence.filter { period.contains($0.observedAt) }
    }
}

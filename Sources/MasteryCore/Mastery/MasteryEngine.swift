import Foundation

/// Turns evidence into mastery records under a policy and a scale. Pure: the same input always gives the
/// same record, which is what lets `recompute` check the incremental cache.
public enum MasteryEngine {
    /// The record of one student on one competency from the evidence that counts (in calculation order).
    public static func record(
        studentID: Person.ID, competencyID: Competency.ID, evidence: [Evidence], policy: MasteryPolicy,
        scale: ProficiencyScale
    ) -> MasteryRecord {
        var scores: [Double] = []
        scores.reserveCapacity(evidence.count)
        for piece in evidence { if let score = piece.score { scores.append(score) } }
        let computed = MasteryCalculator.value(of: scores, method: policy.method, scale: scale.calculationScale)
        let shown = scores.count >= policy.minimumEvidence ? computed : nil
        return MasteryRecord(
            studentID: studentID, competencyID: competencyID, status: shown == nil ? .notEnoughEvidence : .assessed,
            value: shown, levelValue: policy.method.isProbability ? nil : shown.map { scale.level(for: $0).value },
            mastered: shown.map { policy.isMastered($0, scale: scale) } ?? false, evidenceCount: scores.count,
            lastObservedAt: evidence.last?.observedAt, method: policy.method.summary)
    }

    /// The record straight from the event log.
    public static func record(
        studentID: Person.ID, competencyID: Competency.ID, events: [EvidenceEvent], policy: MasteryPolicy,
        scale: ProficiencyScale
    ) -> MasteryRecord {
        record(
            studentID: studentID, competencyID: competencyID, evidence: EvidenceLedger.effectiveEvidence(events),
            policy: policy, scale: scale)
    }

    /// The explanation of the same calculation.
    public static func explain(evidence: [Evidence], policy: MasteryPolicy, scale: ProficiencyScale) -> Explanation {
        MasteryCalculator.explain(
            evidence.map(\.observation), method: policy.method, scale: scale.calculationScale, levels: scale,
            minimumEvidence: policy.minimumEvidence, readiness: policy.readiness)
    }

    /// "What would each method give?": every method, at its default parameter (and the policy's own method
    /// with its parameter first), over the same evidence. Knowledge tracing uses `tracing` when given.
    public static func compareMethods(
        evidence: [Evidence], policy: MasteryPolicy, scale: ProficiencyScale, tracing: BKTParameters? = nil
    ) -> [Explanation] {
        var methods = [policy.method]
        for kind in CalculationMethod.Kind.allCases where kind != policy.method.kind {
            if kind == .bkt {
                methods.append(.bkt(tracing ?? .untrained))
            } else if let method = try? CalculationMethod(kind: kind) {
                methods.append(method)
            }
        }
        return methods.map { method in
            MasteryCalculator.explain(
                evidence.map(\.observation), method: method, scale: scale.calculationScale, levels: scale,
                minimumEvidence: policy.minimumEvidence, readiness: policy.readiness)
        }
    }
}

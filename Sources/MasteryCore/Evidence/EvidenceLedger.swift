import Foundation

/// Folds the append-only events of one student on one competency into the evidence that counts, in
/// calculation order: by observation time, ties by the order recorded.
public enum EvidenceLedger {
    /// The evidence that counts, oldest first.
    ///
    /// Events may come in any order; they are applied in `sequence` order. A supersede replaces the
    /// target's score and comment; an exclude removes the target with all its corrections. Events whose
    /// target is unknown are ignored here (the store refuses to write them: see `validate`).
    /// - Complexity: O(n log n).
    public static func effectiveEvidence(_ events: [EvidenceEvent]) -> [Evidence] {
        let ordered = events.sorted { $0.sequence < $1.sequence }
        var records: [EvidenceEvent.ID: Evidence] = [:]
        var excluded: Set<EvidenceEvent.ID> = []
        for event in ordered {
            switch event.action {
            case .record:
                records[event.id] = Evidence(
                    id: event.id, sequence: event.sequence, studentID: event.studentID,
                    competencyID: event.competencyID, score: event.score, observedAt: event.observedAt,
                    recordedBy: event.recordedBy, source: event.source, sectionID: event.sectionID,
                    taskID: event.taskID, criterionID: event.criterionID, comment: event.comment, corrections: [])
            case .supersede:
                guard let target = event.targetID, records[target] != nil else { continue }
                records[target]!.score = event.score
                if let comment = event.comment { records[target]!.comment = comment }
                records[target]!.corrections.append(event.id)
            case .exclude:
                guard let target = event.targetID else { continue }
                excluded.insert(target)
            }
        }
        return records.values
            .filter { !excluded.contains($0.id) }
            .sorted { $0.observedAt != $1.observedAt ? $0.observedAt < $1.observedAt : $0.sequence < $1.sequence }
    }

    /// Checks that `event` may be appended after `existing` (the same student and competency's events).
    /// - Throws: `MasteryCoreError.invalidEvidence` naming the problem.
    public static func validate(
        _ event: EvidenceEvent, after existing: [EvidenceEvent], scale: ProficiencyScale
    )
        throws(MasteryCoreError)
    {
        if let score = event.score, !scale.contains(score) {
            throw .invalidEvidence(
                "score \(score) is outside the scale \(DisplayRounding.text(min(0, scale.lowestValue)))–"
                    + "\(DisplayRounding.text(scale.pointsPossible))")
        }
        switch event.action {
        case .record:
            if event.targetID != nil { throw .invalidEvidence("a new record cannot have a target") }
        case .supersede, .exclude:
            guard let target = event.targetID else {
                throw .invalidEvidence("a \(event.action.rawValue) needs the id of the evidence it acts on")
            }
            guard let original = existing.first(where: { $0.id == target }), original.action == .record else {
                throw .invalidEvidence("no evidence \(target) for this student and competency")
            }
            if existing.contains(where: { $0.action == .exclude && $0.targetID == target }) {
                throw .invalidEvidence("evidence \(target) is already excluded")
            }
            if event.reason?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true {
                throw .invalidEvidence("a \(event.action.rawValue) needs a reason")
            }
            if event.action == .exclude, event.score != nil {
                throw .invalidEvidence("an exclusion carries no score")
            }
        }
    }
}

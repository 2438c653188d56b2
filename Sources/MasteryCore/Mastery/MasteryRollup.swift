/// Rolls children's mastery up to a parent competency or a strand by a `RollupRule`.
///
/// Children must all be of one kind: academic competencies and habits of work are never rolled together
/// (`rollup(children:…)` refuses a mixed list by returning `nil`).
public enum MasteryRollup {
    /// One child: its record (nil when never assessed), its kind, and for the points rule its points and
    /// whether it is required.
    public struct Child: Hashable, Sendable {
        public var record: MasteryRecord?
        public var kind: CompetencyKind
        public var points: Int
        public var required: Bool

        public init(record: MasteryRecord?, kind: CompetencyKind, points: Int = 1, required: Bool = false) {
            self.record = record
            self.kind = kind
            self.points = points
            self.required = required
        }
    }

    public static func rollup(children: [Child], rule: RollupRule, scale: ProficiencyScale) -> RollupResult? {
        guard let kind = children.first?.kind, children.allSatisfy({ $0.kind == kind }) else { return nil }
        let values = children.compactMap { $0.record?.value }
        let masteredCount = children.filter { $0.record?.mastered == true }.count
        let total = children.count
        var result = RollupResult(
            rule: rule, status: values.isEmpty ? .notEnoughEvidence : .assessed, value: nil, levelValue: nil,
            mastered: false, childrenTotal: total, childrenAssessed: values.count, childrenMastered: masteredCount,
            summary: "")
        switch rule {
        case .allMastered:
            result.mastered = masteredCount == total
            if let lowest = values.min() {
                result.value = lowest
                result.levelValue = scale.level(for: lowest).value
            }
            result.summary = "\(masteredCount) of \(total) mastered; all are needed"
        case .points(let target):
            let earned = children.filter { $0.record?.mastered == true }.reduce(0) { $0 + $1.points }
            let requiredMissing = children.filter { $0.required && $0.record?.mastered != true }.count
            result.value = values.isEmpty ? nil : Double(earned)
            result.mastered = earned >= target && requiredMissing == 0
            result.summary =
                "\(earned) of \(target) points"
                + (requiredMissing > 0
                    ? "; \(requiredMissing) required competenc\(requiredMissing == 1 ? "y" : "ies") not yet mastered"
                    : "")
        case .meanOfChildren:
            if !values.isEmpty {
                let mean = values.reduce(0, +) / Double(values.count)
                result.value = mean
                result.levelValue = scale.level(for: mean).value
                result.mastered = scale.isMastered(mean)
            }
            result.summary = "mean of \(values.count) assessed of \(total)"
        }
        return result
    }
}

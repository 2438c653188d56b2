/// Counts of a student's mastery per competency kind — academics and habits are always counted apart.
public struct MasterySummary: Hashable, Codable, Sendable {
    public var kind: CompetencyKind
    public var total: Int
    public var assessed: Int
    public var mastered: Int

    public init(kind: CompetencyKind, total: Int, assessed: Int, mastered: Int) {
        self.kind = kind
        self.total = total
        self.assessed = assessed
        self.mastered = mastered
    }

    /// One summary per kind present among `competencies`, in `CompetencyKind` order.
    public static func summaries(
        competencies: [Competency], records: [Competency.ID: MasteryRecord]
    ) -> [MasterySummary] {
        CompetencyKind.allCases.compactMap { kind in
            let ofKind = competencies.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { return nil }
            let assessed = ofKind.filter { records[$0.id]?.status == .assessed }.count
            let mastered = ofKind.filter { records[$0.id]?.mastered == true }.count
            return MasterySummary(kind: kind, total: ofKind.count, assessed: assessed, mastered: mastered)
        }
    }
}

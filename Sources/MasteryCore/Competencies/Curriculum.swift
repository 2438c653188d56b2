/// The frameworks a course (or a school) uses, with everything needed to show and compute mastery on them.
public struct Curriculum: Hashable, Sendable {
    public var frameworks: [Framework]
    public var scales: [ProficiencyScale.ID: ProficiencyScale]
    public var strands: [Strand]
    /// In framework order, then strand position, then competency position.
    public var competencies: [Competency]
    public var indicators: [Competency.ID: [PerformanceIndicator]]

    public init(
        frameworks: [Framework], scales: [ProficiencyScale.ID: ProficiencyScale], strands: [Strand],
        competencies: [Competency], indicators: [Competency.ID: [PerformanceIndicator]]
    ) {
        self.frameworks = frameworks
        self.scales = scales
        self.strands = strands
        self.competencies = competencies
        self.indicators = indicators
    }

    public static let empty = Curriculum(frameworks: [], scales: [:], strands: [], competencies: [], indicators: [:])

    public func framework(_ id: Framework.ID) -> Framework? { frameworks.first { $0.id == id } }
    public func competency(_ id: Competency.ID) -> Competency? { competencies.first { $0.id == id } }
    public func strand(_ id: Strand.ID) -> Strand? { strands.first { $0.id == id } }

    /// The scale a competency is scored on.
    public func scale(for competency: Competency) -> ProficiencyScale? {
        framework(competency.frameworkID).flatMap { scales[$0.scaleID] }
    }

    /// Competencies that are assessed directly (no children), the gradebook's columns.
    public var leafCompetencies: [Competency] {
        let parents = Set(competencies.compactMap(\.parentID))
        return competencies.filter { !parents.contains($0.id) }
    }

    /// The "I can" statement of a competency at a level value, if written.
    public func indicator(for competencyID: Competency.ID, level: Double) -> String? {
        indicators[competencyID]?.first { $0.levelValue == level }?.text
    }
}

extension Curriculum {
    /// Adds another course's curriculum (frameworks, scales, strands, competencies and statements it lacks).
    public mutating func merge(_ other: Curriculum) {
        let frameworkIDs = Set(frameworks.map(\.id))
        frameworks += other.frameworks.filter { !frameworkIDs.contains($0.id) }
        scales.merge(other.scales) { kept, _ in kept }
        let strandIDs = Set(strands.map(\.id))
        strands += other.strands.filter { !strandIDs.contains($0.id) }
        let competencyIDs = Set(competencies.map(\.id))
        competencies += other.competencies.filter { !competencyIDs.contains($0.id) }
        indicators.merge(other.indicators) { kept, _ in kept }
    }

    /// The curriculum a course assesses when it keeps only some strands: for each framework with a strand in
    /// `strands`, only those strands and their competencies; frameworks without one stay whole.
    public func limited(toStrands strands: Set<Strand.ID>) -> Curriculum {
        guard !strands.isEmpty else { return self }
        let limitedFrameworks = Set(self.strands.filter { strands.contains($0.id) }.map(\.frameworkID))
        func keeps(_ strand: Strand.ID, of framework: Framework.ID) -> Bool {
            !limitedFrameworks.contains(framework) || strands.contains(strand)
        }
        var copy = self
        copy.strands = self.strands.filter { keeps($0.id, of: $0.frameworkID) }
        copy.competencies = competencies.filter { keeps($0.strandID, of: $0.frameworkID) }
        let kept = Set(copy.competencies.map(\.id))
        copy.indicators = indicators.filter { kept.contains($0.key) }
        return copy
    }
}

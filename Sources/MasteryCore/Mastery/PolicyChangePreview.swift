import Foundation

/// What changing the calculation would do to a class before it is saved: how many records get a new value, how
/// many change level, which students move, and how many become (or stop being) mastered.
public struct PolicyChangePreview: Hashable, Sendable {
    public var records: Int
    public var valuesChanged: Int
    public var levelsChanged: Int
    public var studentsChangingLevel: Int
    public var newlyMastered: Int
    public var noLongerMastered: Int

    /// `current`: the records now, by student and competency; `evidence`: what counts for each, in calculation
    /// order; `scales`: each competency's scale. Records without a scale are left out.
    public init(
        current: [Person.ID: [Competency.ID: MasteryRecord]], evidence: [Person.ID: [Competency.ID: [Evidence]]],
        policy: MasteryPolicy, scales: [Competency.ID: ProficiencyScale]
    ) {
        var records = 0
        var values = 0
        var levels = 0
        var gained = 0
        var lost = 0
        var moving: Set<Person.ID> = []
        for (student, byCompetency) in evidence {
            for (competency, pieces) in byCompetency {
                guard let scale = scales[competency], !pieces.isEmpty else { continue }
                records += 1
                let after = MasteryEngine.record(
                    studentID: student, competencyID: competency, evidence: pieces, policy: policy, scale: scale)
                let before = current[student]?[competency]
                let round = { (value: Double?) in value.map(DisplayRounding.rounded) }
                if round(after.value) != round(before?.value) { values += 1 }
                if after.levelValue != before?.levelValue {
                    levels += 1
                    moving.insert(student)
                }
                if after.mastered, before?.mastered != true { gained += 1 }
                if !after.mastered, before?.mastered == true { lost += 1 }
            }
        }
        self.records = records
        valuesChanged = values
        levelsChanged = levels
        studentsChangingLevel = moving.count
        newlyMastered = gained
        noLongerMastered = lost
    }
}

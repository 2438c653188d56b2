import Foundation

/// A section's grades for a period: each student's computed grade, the teacher's override and, once the period is
/// closed, the grade frozen then (which is what stays on record).
public struct GradeSheet: Sendable {
    public struct Row: Sendable {
        public var studentID: Person.ID
        /// The grade the rule gives on the evidence as it stands now.
        public var computed: FinalGrade
        public var override: GradeOverride?
        /// The grade kept when the period closed.
        public var frozen: FrozenGrade?

        /// The grade on record: frozen once closed, else the override, else the computed one.
        public var grade: String? { frozen.map { $0.grade } ?? override?.grade ?? computed.grade }

        /// A closed period whose evidence was corrected since: the rule would now give another grade. The teacher
        /// reviews it; the grade on record does not change by itself.
        public var changedSinceClosing: Bool {
            guard let frozen else { return false }
            return frozen.computed.grade != computed.grade
        }
    }

    public var rule: GradeRule
    public var rows: [Row]

    public init(
        students: [Person.ID], curriculum: Curriculum, records: [Person.ID: [Competency.ID: MasteryRecord]],
        rule: GradeRule, overrides: [Person.ID: GradeOverride], frozen: [Person.ID: FrozenGrade]
    ) {
        self.rule = rule
        rows = students.map { student in
            Row(
                studentID: student,
                computed: GradeCalculator.grade(rule: rule, curriculum: curriculum, records: records[student] ?? [:]),
                override: overrides[student], frozen: frozen[student])
        }
    }

    /// The records of one student as they stood at `asOf`, on the evidence observed within `period` (either may be
    /// nil), under each framework's policy for the student.
    public static func records(
        student: Person.ID, events: [Competency.ID: [EvidenceEvent]], curriculum: Curriculum,
        policies: [Framework.ID: MasteryPolicy], asOf: Date?, period: GradingPeriod?
    ) -> [Competency.ID: MasteryRecord] {
        var result: [Competency.ID: MasteryRecord] = [:]
        for competency in curriculum.leafCompetencies {
            guard let scale = curriculum.scale(for: competency), let events = events[competency.id],
                let policy = policies[competency.frameworkID] ?? curriculum.framework(competency.frameworkID)?.policy
            else { continue }
            let evidence = EvidenceLedger.effectiveEvidence(events, asOf: asOf, within: period)
            guard !evidence.isEmpty else { continue }
            result[competency.id] = MasteryEngine.record(
                studentID: student, competencyID: competency.id, evidence: evidence, policy: policy, scale: scale)
        }
        return result
    }

    /// The scale a course's rule is drawn on: that of its first academic competency.
    public static func scale(of curriculum: Curriculum) -> ProficiencyScale? {
        let academic = curriculum.leafCompetencies.first { $0.kind == .academic }
        return academic.flatMap(curriculum.scale(for:))
            ?? curriculum.scales.values.sorted { $0.id.rawValue < $1.id.rawValue }.first
    }
}

import Foundation
import MasteryCore
import Testing

@Suite("Final grades from mastery")
struct GradeCalculatorTests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    /// Four academic competencies in two strands and one habit, on the 1–4 scale (mastery at 3).
    static func curriculum() throws -> Curriculum {
        let scale = try DemoScale.fourLevels()
        let framework = Framework(
            id: "fw", code: "M", title: "Math", scaleID: scale.id, policy: try MasteryPolicy(method: .mean))
        var competencies = ["a1", "a2", "b1", "b2"].enumerated().map { index, code in
            Competency(
                id: .init(code), frameworkID: "fw", strandID: .init(String(code.prefix(1))), code: code, title: code,
                kind: .academic, position: index)
        }
        competencies.append(
            Competency(id: "h1", frameworkID: "fw", strandID: "h", code: "h1", title: "h1", kind: .habit, position: 9))
        return Curriculum(
            frameworks: [framework], scales: [scale.id: scale], strands: [], competencies: competencies,
            indicators: [:])
    }

    static func records(_ levels: [String: Double], mastery: Double = 3) -> [Competency.ID: MasteryRecord] {
        Dictionary(
            uniqueKeysWithValues: levels.map { code, level in
                (
                    Competency.ID(code),
                    MasteryRecord(
                        studentID: "s1", competencyID: .init(code), status: .assessed, value: level, levelValue: level,
                        mastered: level >= mastery, evidenceCount: 1, lastObservedAt: start, method: "mean")
                )
            })
    }

    @Test("The presets are drawn on the course's scale")
    func presets() throws {
        let scale = try DemoScale.fourLevels()
        #expect(GradeRule.Preset.meanLevel.rule(on: scale).tiers.map(\.meanAtLeast) == [3.5, 2.5, 2, 1.5])
        let conjunctive = GradeRule.Preset.allAtLeast.rule(on: scale).tiers
        #expect(conjunctive.map(\.noneBelow) == [3, 3, 2, nil] && conjunctive[0].meanAtLeast == 3.5)
        #expect(
            GradeRule.Preset.levelNames.rule(on: scale).tiers.map(\.grade) == ["Advanced", "Proficient", "Developing"])
        let hundred = try ProficiencyScale(
            id: "pct", name: "Percent",
            levels: [
                .init(value: 0, label: "0", colour: "#ffffff"), .init(value: 100, label: "100", colour: "#ffffff"),
            ],
            masteryThreshold: 70)
        #expect(GradeRule.Preset.meanLevel.rule(on: hundred).tiers.map(\.meanAtLeast) == [83.33, 50, 33.33, 16.67])
    }

    @Test("The mean level gives the grade, habits reported apart, and the working says why")
    func meanLevel() throws {
        let rule = GradeRule.Preset.meanLevel.rule(on: try DemoScale.fourLevels())
        let grade = GradeCalculator.grade(
            rule: rule, curriculum: try Self.curriculum(),
            records: Self.records(["a1": 3, "a2": 3, "b1": 4, "b2": 2, "h1": 1]))
        #expect(grade.grade == "B" && grade.mean == 3 && grade.habitsMean == 1 && grade.counted == 4)
        #expect(grade.masteredShare == 0.75 && grade.lowest == 2)
        #expect(grade.explanation.contains("Not A: needs a mean of 3.50, has 3.00."))
        #expect(grade.explanation.contains("B: mean at least 2.50 — yes."))
        #expect(grade.explanation.contains("Habits of work, reported apart: mean level 1.00 over 1."))
        // A habit at 4 instead of 1 changes nothing in the grade.
        let habits = GradeCalculator.grade(
            rule: rule, curriculum: try Self.curriculum(),
            records: Self.records(["a1": 3, "a2": 3, "b1": 4, "b2": 2, "h1": 4]))
        #expect(habits.grade == "B" && habits.mean == 3)
    }

    @Test("All at mastery and none far below: the lowest level decides")
    func conjunctive() throws {
        let rule = GradeRule.Preset.allAtLeast.rule(on: try DemoScale.fourLevels())
        let curriculum = try Self.curriculum()
        func grade(_ levels: [String: Double]) -> String? {
            GradeCalculator.grade(rule: rule, curriculum: curriculum, records: Self.records(levels)).grade
        }
        #expect(grade(["a1": 3, "a2": 4, "b1": 4, "b2": 4]) == "A")
        #expect(grade(["a1": 3, "a2": 3, "b1": 3, "b2": 4]) == "B")
        // A mean of 3.5 with one competency at 2 is not an A under this rule (it would be under the mean).
        #expect(grade(["a1": 2, "a2": 4, "b1": 4, "b2": 4]) == "C")
        #expect(grade(["a1": 1, "a2": 2, "b1": 3, "b2": 2]) == "D")
        #expect(grade(["a1": 1, "a2": 1, "b1": 3, "b2": 2]) == "F")
    }

    @Test("What an unassessed competency counts for is the rule's choice")
    func unassessed() throws {
        var rule = GradeRule.Preset.meanLevel.rule(on: try DemoScale.fourLevels())
        let curriculum = try Self.curriculum()
        let records = Self.records(["a1": 4, "a2": 4])
        #expect(GradeCalculator.grade(rule: rule, curriculum: curriculum, records: records).grade == "A")
        rule.unassessed = .lowest
        let lowest = GradeCalculator.grade(rule: rule, curriculum: curriculum, records: records)
        #expect(lowest.grade == "B" && lowest.mean == 2.5 && lowest.unassessed == 2)
        rule.unassessed = .incomplete
        let incomplete = GradeCalculator.grade(rule: rule, curriculum: curriculum, records: records)
        #expect(incomplete.grade == GradeRule.incompleteGrade && incomplete.explanation.contains("Incomplete"))
        #expect(GradeCalculator.grade(rule: rule, curriculum: curriculum, records: [:]).grade == nil)
    }

    @Test("Strands weigh in the mean as the rule says")
    func strandWeights() throws {
        var rule = GradeRule.Preset.meanLevel.rule(on: try DemoScale.fourLevels())
        let records = Self.records(["a1": 4, "a2": 4, "b1": 2, "b2": 2])
        #expect(GradeCalculator.grade(rule: rule, curriculum: try Self.curriculum(), records: records).mean == 3)
        rule.strandWeights = ["a": 3]
        let weighted = GradeCalculator.grade(rule: rule, curriculum: try Self.curriculum(), records: records)
        #expect(weighted.mean == 3.5 && weighted.grade == "A")
    }

    @Test("A bad rule or override is refused naming the field")
    func validation() throws {
        var rule = GradeRule.Preset.meanLevel.rule(on: try DemoScale.fourLevels())
        rule.tiers[1].masteredShareAtLeast = 2
        #expect(throws: MasteryCoreError.invalidPolicy("tiers[1].masteredShareAtLeast: a share is 0–1 (2.0)")) {
            try rule.validate()
        }
        rule.tiers[1] = .init(grade: "B")
        #expect(throws: MasteryCoreError.self) { try rule.validate() }
        #expect(throws: MasteryCoreError.self) { try GradeOverride.validate(grade: "A", reason: " ") }
        #expect(throws: MasteryCoreError.self) {
            try GradeOverride.validate(grade: String(repeating: "A", count: 13), reason: "why not")
        }
        try GradeOverride.validate(grade: nil, reason: "back to the rule")
        #expect(throws: MasteryCoreError.self) {
            try GradingPeriod.validate(title: "Q1", startsOn: "2026-09-01", endsOn: "2026-02-30")
        }
        #expect(throws: MasteryCoreError.self) {
            try GradingPeriod.validate(title: "Q1", startsOn: "2026-09-01", endsOn: "2026-08-01")
        }
        try GradingPeriod.validate(title: "Q1", startsOn: "2028-02-01", endsOn: "2028-02-29")
    }

    @Test("A period counts the evidence observed in it; a past date sees the log as it stood, corrections included")
    func periodsAndPastDates() throws {
        func event(
            _ id: String, _ sequence: Int64, _ action: EvidenceEvent.Action, score: Double?, observed: Double,
            recorded: Double, target: String? = nil
        ) -> EvidenceEvent {
            EvidenceEvent(
                id: .init(id), sequence: sequence, action: action, studentID: "s1", competencyID: "a1",
                targetID: target.map { .init($0) }, score: score,
                observedAt: Self.start.addingTimeInterval(observed * 86_400),
                recordedAt: Self.start.addingTimeInterval(recorded * 86_400), recordedBy: "t1", source: .manual,
                reason: action == .record ? nil : "typo")
        }
        let events = [
            event("e1", 1, .record, score: 2, observed: 1, recorded: 1),
            event("e2", 2, .record, score: 4, observed: 40, recorded: 40),
            // On day 50 the first score is corrected to 3.
            event("e3", 3, .supersede, score: 3, observed: 1, recorded: 50, target: "e1"),
        ]
        let q1 = GradingPeriod(
            id: "q1", title: "Q1", kind: "gradingPeriod", startsOn: Section.isoDay(Self.start),
            endsOn: Section.isoDay(Self.start.addingTimeInterval(30 * 86_400)))
        #expect(EvidenceLedger.effectiveEvidence(events, asOf: nil, within: q1).map(\.score) == [3])
        let asOfDay45 = Self.start.addingTimeInterval(45 * 86_400)
        #expect(EvidenceLedger.effectiveEvidence(events, asOf: asOfDay45, within: q1).map(\.score) == [2])
        #expect(EvidenceLedger.effectiveEvidence(events, asOf: asOfDay45, within: nil).map(\.score) == [2, 4])
        let curriculum = try Self.curriculum()
        let policy = try MasteryPolicy(method: .mean)
        let records = GradeSheet.records(
            student: "s1", events: ["a1": events], curriculum: curriculum, policies: ["fw": policy], asOf: nil,
            period: nil)
        #expect(records["a1"]?.value == 3.5 && records["a2"] == nil)
    }
}

import Foundation
import MasteryCore
import Testing

@Suite("Rollups of parents and strands")
struct MasteryRollupTests {
    func record(_ value: Double?, mastered: Bool? = nil) -> MasteryRecord {
        MasteryRecord(
            studentID: "s", competencyID: "c", status: value == nil ? .notEnoughEvidence : .assessed, value: value,
            levelValue: value.map { $0.rounded(.down) }, mastered: mastered ?? ((value ?? 0) >= 3), evidenceCount: 1,
            lastObservedAt: nil, method: "mean")
    }

    @Test("All mastered: every child must be mastered; the value is the lowest child's")
    func allMastered() throws {
        let scale = try DemoScale.fourLevels()
        let yes = try #require(
            MasteryRollup.rollup(
                children: [.init(record: record(3.5), kind: .academic), .init(record: record(3), kind: .academic)],
                rule: .allMastered, scale: scale))
        #expect(yes.mastered && yes.value == 3 && yes.levelValue == 3)
        let missing = try #require(
            MasteryRollup.rollup(
                children: [.init(record: record(3.5), kind: .academic), .init(record: nil, kind: .academic)],
                rule: .allMastered, scale: scale))
        #expect(!missing.mastered && missing.childrenAssessed == 1)
        let none = try #require(
            MasteryRollup.rollup(children: [.init(record: nil, kind: .academic)], rule: .allMastered, scale: scale))
        #expect(none.status == .notEnoughEvidence && none.value == nil)
    }

    @Test("Points: the mastered children's points must reach the target, and required children must be mastered")
    func points() throws {
        let scale = try DemoScale.fourLevels()
        func children(_ mastered: [Bool]) -> [MasteryRollup.Child] {
            zip(mastered, [(3, true), (2, false), (2, false), (2, false)]).map { isMastered, spec in
                .init(record: record(isMastered ? 3 : 2), kind: .academic, points: spec.0, required: spec.1)
            }
        }
        let reached = try #require(
            MasteryRollup.rollup(children: children([true, true, true, false]), rule: .points(target: 6), scale: scale))
        #expect(reached.mastered && reached.value == 7)
        let requiredMissing = try #require(
            MasteryRollup.rollup(children: children([false, true, true, true]), rule: .points(target: 6), scale: scale))
        #expect(!requiredMissing.mastered && requiredMissing.value == 6)
        #expect(requiredMissing.summary.contains("required"))
    }

    @Test("Mean of children uses full-precision values and skips children without one")
    func meanOfChildren() throws {
        let scale = try DemoScale.fourLevels()
        let result = try #require(
            MasteryRollup.rollup(
                children: [
                    .init(record: record(3.5275), kind: .habit), .init(record: record(2.5), kind: .habit),
                    .init(record: nil, kind: .habit),
                ], rule: .meanOfChildren, scale: scale))
        #expect(result.value == (3.5275 + 2.5) / 2)
        #expect(result.mastered && result.levelValue == 3)
    }

    @Test("Academics and habits are never rolled up together")
    func kindsStayApart() throws {
        let scale = try DemoScale.fourLevels()
        #expect(
            MasteryRollup.rollup(
                children: [.init(record: record(3), kind: .academic), .init(record: record(3), kind: .habit)],
                rule: .meanOfChildren, scale: scale) == nil)
        #expect(MasteryRollup.rollup(children: [], rule: .meanOfChildren, scale: scale) == nil)
    }

    @Test("A rule survives a JSON round trip; a bad rule is refused")
    func codable() throws {
        for rule in [RollupRule.allMastered, .points(target: 4), .meanOfChildren] {
            #expect(try JSONDecoder().decode(RollupRule.self, from: JSONEncoder().encode(rule)) == rule)
        }
        #expect(throws: MasteryCoreError.self) { try RollupRule(name: "points", target: 0) }
        #expect(throws: MasteryCoreError.self) { try RollupRule(name: "median") }
    }
}

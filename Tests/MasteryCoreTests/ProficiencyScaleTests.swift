import MasteryCore
import Testing

@Suite("Proficiency scales")
struct ProficiencyScaleTests {
    @Test("A value maps to the highest level at or below it, with no interpolation")
    func levelMapping() throws {
        let scale = try DemoScale.fourLevels()
        #expect(scale.level(for: 2.99).label == "Developing")
        #expect(scale.level(for: 3).label == "Proficient")
        #expect(scale.level(for: 4).label == "Advanced")
        #expect(scale.level(for: 0.5).label == "Beginning")
        #expect(scale.isMastered(3) && !scale.isMastered(2.999))
        #expect(scale.pointsPossible == 4)
        #expect(scale.level(after: scale.level(for: 2))?.label == "Proficient")
        #expect(scale.level(after: scale.level(for: 4)) == nil)
    }

    @Test("Bad scales are refused")
    func refusals() {
        #expect(throws: MasteryCoreError.self) {
            try ProficiencyScale(id: "s", name: "empty", levels: [], masteryThreshold: 1)
        }
        #expect(throws: MasteryCoreError.self) {
            try ProficiencyScale(
                id: "s", name: "dup",
                levels: [.init(value: 1, label: "a", colour: "#fff"), .init(value: 1, label: "b", colour: "#fff")],
                masteryThreshold: 1)
        }
        #expect(throws: MasteryCoreError.self) {
            try ProficiencyScale(
                id: "s", name: "high", levels: [.init(value: 1, label: "a", colour: "#fff")], masteryThreshold: 2)
        }
    }

    @Test("Scores outside the scale are refused as evidence")
    func outOfRange() throws {
        let scale = try DemoScale.fourLevels()
        #expect(scale.contains(0) && scale.contains(4) && scale.contains(2.5))
        #expect(!scale.contains(4.5) && !scale.contains(-1) && !scale.contains(.nan))
    }
}

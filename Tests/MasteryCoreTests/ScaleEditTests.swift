import MasteryCore
import Testing

@Suite("Scale editing")
struct ScaleEditTests {
    static func unchanged(_ scale: ProficiencyScale) -> [ScaleEdit.Change] {
        scale.levels.map { .init(value: $0.value, label: $0.label, colour: $0.colour) }
    }

    @Test("Levels are renamed, recoloured, removed and added; values stay the levels' identity")
    func edits() throws {
        let scale = try DemoScale.fourLevels()
        var changes = Self.unchanged(scale)
        changes[0] = .init(value: 1, label: " Starting ", colour: "#ABC")
        changes[1].removed = true
        let edit = ScaleEdit(
            changes: changes, additions: [.init(value: "2.5", label: "Nearly", colour: "#123456")], threshold: "2.5")
        let edited = try edit.applied(to: scale, highestScore: 4)
        #expect(edited.levels.map(\.value) == [1, 2.5, 3, 4])
        #expect(edited.levels[0].label == "Starting" && edited.levels[0].colour == "#aabbcc")
        #expect(edited.levels[1].label == "Nearly" && edited.masteryThreshold == 2.5)
        #expect(edited.id == scale.id && edited.name == scale.name)
        // Nothing asked, nothing changed.
        #expect(try ScaleEdit(changes: []).applied(to: scale, highestScore: nil) == scale)
    }

    @Test("Each bad field is refused with the level and the field named")
    func refusals() throws {
        let scale = try DemoScale.fourLevels()
        func message(_ edit: ScaleEdit, highest: Double? = nil) -> String {
            do {
                _ = try edit.applied(to: scale, highestScore: highest)
                return "accepted"
            } catch {
                return error.description
            }
        }
        var changes = Self.unchanged(scale)
        changes[2].label = "   "
        #expect(message(ScaleEdit(changes: changes)).contains("level 3 needs a label"))
        changes = Self.unchanged(scale)
        changes[1].colour = "red;position:fixed"
        #expect(message(ScaleEdit(changes: changes)).contains("level 2's colour 'red;position:fixed' is not a colour"))
        #expect(
            message(ScaleEdit(changes: [], additions: [.init(value: "-1", label: "Below", colour: "#fff")]))
                .contains("'-1' is not a number of points"))
        #expect(
            message(ScaleEdit(changes: [], additions: [.init(value: "2", label: "Two", colour: "#fff")]))
                .contains("two levels share the value"))
        #expect(
            message(ScaleEdit(changes: [], additions: [.init(value: "5", label: "", colour: "#fff")]))
                .contains("the new level 5 needs a label"))
        #expect(message(ScaleEdit(changes: [], threshold: "high")).contains("'high' is not a number"))
        #expect(message(ScaleEdit(changes: [], threshold: "9")).contains("outside the scale"))
        let removeAll = Self.unchanged(scale).map { change -> ScaleEdit.Change in
            var change = change
            change.removed = true
            return change
        }
        #expect(message(ScaleEdit(changes: removeAll)).contains("at least one level"))
        changes = Self.unchanged(scale)
        changes[3].removed = true
        #expect(message(ScaleEdit(changes: changes), highest: 4).contains("evidence already scores 4"))
        #expect(message(ScaleEdit(changes: changes), highest: 3) == "accepted")
    }

    @Test("Colours are #rgb or #rrggbb, written out in full")
    func colours() {
        #expect(ProficiencyLevel.normalizedColour("#FfF") == "#ffffff")
        #expect(ProficiencyLevel.normalizedColour(" #1f7a4d ") == "#1f7a4d")
        for bad in ["1f7a4d", "#12345", "#ggg", "red", "#fff;x", ""] {
            #expect(ProficiencyLevel.normalizedColour(bad) == nil, "\(bad)")
        }
        #expect(DisplayRounding.short(3) == "3" && DisplayRounding.short(2.5) == "2.5")
        #expect(DisplayRounding.short(3.256) == "3.26" && DisplayRounding.short(0) == "0")
    }
}

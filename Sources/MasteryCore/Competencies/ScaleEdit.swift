import Foundation

/// What a teacher asks of a scale in the editor: each level it has renamed, recoloured or removed, new levels
/// added, the mastery threshold moved. `applied(to:)` checks every field and names the one that is wrong.
///
/// A level's value is its identity (scores, "I can" statements and rubric descriptors refer to it), so an
/// existing level keeps its value; a different value is a new level.
public struct ScaleEdit: Sendable, Hashable {
    /// An existing level, by its value.
    public struct Change: Sendable, Hashable {
        public var value: Double
        public var label: String
        public var colour: String
        public var removed: Bool

        public init(value: Double, label: String, colour: String, removed: Bool = false) {
            self.value = value
            self.label = label
            self.colour = colour
            self.removed = removed
        }
    }

    /// A new level as typed: its value is still text.
    public struct Addition: Sendable, Hashable {
        public var value: String
        public var label: String
        public var colour: String

        public init(value: String, label: String, colour: String) {
            self.value = value
            self.label = label
            self.colour = colour
        }
    }

    public var changes: [Change]
    public var additions: [Addition]
    /// The new threshold as typed; nil keeps the current one.
    public var threshold: String?

    public init(changes: [Change], additions: [Addition] = [], threshold: String? = nil) {
        self.changes = changes
        self.additions = additions
        self.threshold = threshold
    }

    /// The scale after the edit.
    /// - Parameter highestScore: the highest score already recorded on the scale: a level at or above it must
    ///   remain, since evidence is never changed to fit a scale.
    /// - Throws: `MasteryCoreError.invalidScale` naming the level and field that cannot be used.
    public func applied(
        to scale: ProficiencyScale, highestScore: Double?
    ) throws(MasteryCoreError)
        -> ProficiencyScale
    {
        var levels: [ProficiencyLevel] = []
        for level in scale.levels {
            let change = changes.first { $0.value == level.value }
            if change?.removed == true { continue }
            let name = "level \(DisplayRounding.short(level.value))"
            levels.append(
                ProficiencyLevel(
                    value: level.value, label: try Self.label(change?.label ?? level.label, name),
                    colour: try Self.colour(change?.colour ?? level.colour, name)))
        }
        for addition in additions {
            let text = addition.value.trimmingCharacters(in: .whitespaces)
            guard let value = Double(text), value.isFinite, value >= 0 else {
                throw .invalidScale("the new level's value '\(text)' is not a number of points (0 or more)")
            }
            let name = "the new level \(DisplayRounding.short(value))"
            levels.append(
                ProficiencyLevel(
                    value: value, label: try Self.label(addition.label, name),
                    colour: try Self.colour(addition.colour, name)))
        }
        var threshold = scale.masteryThreshold
        if let text = self.threshold?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let value = Double(text), value.isFinite else {
                throw .invalidScale("the mastery threshold '\(text)' is not a number")
            }
            threshold = value
        }
        let edited = try ProficiencyScale(id: scale.id, name: scale.name, levels: levels, masteryThreshold: threshold)
        if let highestScore, highestScore > edited.pointsPossible {
            throw .invalidScale(
                "evidence already scores \(DisplayRounding.short(highestScore)) on this scale, so a level at "
                    + "\(DisplayRounding.short(highestScore)) or above must stay (the highest left would be "
                    + "\(DisplayRounding.short(edited.pointsPossible)))")
        }
        return edited
    }

    static func label(_ text: String, _ name: String) throws(MasteryCoreError) -> String {
        let label = text.trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty else { throw .invalidScale("\(name) needs a label") }
        guard label.count <= 40 else { throw .invalidScale("\(name)'s label is longer than 40 characters") }
        return label
    }

    static func colour(_ text: String, _ name: String) throws(MasteryCoreError) -> String {
        let colour = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let normalized = ProficiencyLevel.normalizedColour(colour) else {
            throw .invalidScale("\(name)'s colour '\(colour)' is not a colour like #1f7a4d")
        }
        return normalized
    }
}

/// One level of a proficiency scale ("3 — Proficient").
public struct ProficiencyLevel: Hashable, Codable, Sendable {
    /// The points this level is worth; levels are ordered by value.
    public var value: Double
    public var label: String
    /// A background colour as `#rrggbb`. It is always shown together with the label, never alone.
    public var colour: String

    public init(value: Double, label: String, colour: String) {
        self.value = value
        self.label = label
        self.colour = colour
    }
}

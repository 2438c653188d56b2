import Foundation

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

extension ProficiencyLevel {
    /// `#rrggbb` for a colour written `#rgb` or `#rrggbb` (any case), nil for anything else.
    public static func normalizedColour(_ text: String) -> String? {
        var digits = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard digits.hasPrefix("#") else { return nil }
        digits.removeFirst()
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit) else { return nil }
        return "#" + digits
    }
}

import Foundation

/// Colours for a scale read from a file (which has none): light tints from red through yellow and green to
/// blue, always shown with the level's label.
enum DefaultScale {
    static let palette = ["#fde2e1", "#fff1c2", "#d7f0dc", "#d6e6ff", "#e8dcff", "#f2f2f2"]

    static func colours(count: Int) -> [String] {
        count == 2 ? [palette[0], palette[2]] : (0..<count).map { palette[$0 % palette.count] }
    }
}

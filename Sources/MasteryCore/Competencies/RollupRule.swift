/// How a parent competency or a strand gets its level from its children.
public enum RollupRule: Hashable, Codable, Sendable {
    /// Mastered when every child is mastered (Moodle's "complete when all children are complete").
    /// The value shown is the lowest child's value.
    case allMastered
    /// Each mastered child earns its points (1 unless set); the parent is mastered once the points reach
    /// `target` and every child marked required is mastered (Moodle's "points" rule).
    case points(target: Int)
    /// The mean of the children's values, mapped onto the scale.
    case meanOfChildren

    public var name: String {
        switch self {
        case .allMastered: "all-mastered"
        case .points: "points"
        case .meanOfChildren: "mean-of-children"
        }
    }

    /// Parses `all-mastered`, `mean-of-children` or `points` with its target.
    public init(name: String, target: Int? = nil) throws(MasteryCoreError) {
        switch name {
        case "all-mastered": self = .allMastered
        case "mean-of-children": self = .meanOfChildren
        case "points":
            guard let target, target >= 1 else {
                throw .invalidRollupRule("the points rule needs a target of at least 1 point")
            }
            self = .points(target: target)
        default:
            throw .invalidRollupRule(
                "unknown rollup rule '\(name)'; use all-mastered, points or mean-of-children")
        }
    }

    private enum CodingKeys: String, CodingKey { case rule, target }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .rule)
        let target = try container.decodeIfPresent(Int.self, forKey: .target)
        self = try RollupRule(name: name, target: target)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .rule)
        if case .points(let target) = self { try container.encode(target, forKey: .target) }
    }
}

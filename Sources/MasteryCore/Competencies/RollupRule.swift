/// How a parent competency or a strand gets its level from its children.
public enum RollupRule: Hashable, Codable, Sendable {
    /// Mastered when every child is mastered (Moodle's "complete when all children are complete").
    /// The value shown is the lowest child's value.
    case allMastered
    /// Each mastered child earns one point; mastered once `required` points are earned (Moodle's "points").
    case points(required: Int)
    /// The mean of the children's values, mapped onto the scale.
    case meanOfChildren

    public var name: String {
        switch self {
        case .allMastered: "all-mastered"
        case .points: "points"
        case .meanOfChildren: "mean-of-children"
        }
    }

    /// Parses `all-mastered`, `mean-of-children` or `points` with its required count.
    public init(name: String, required: Int? = nil) throws(MasteryCoreError) {
        switch name {
        case "all-mastered": self = .allMastered
        case "mean-of-children": self = .meanOfChildren
        case "points":
            guard let required, required >= 1 else {
                throw .invalidRollupRule("the points rule needs a required number of points of at least 1")
            }
            self = .points(required: required)
        default:
            throw .invalidRollupRule(
                "unknown rollup rule '\(name)'; use all-mastered, points or mean-of-children")
        }
    }

    private enum CodingKeys: String, CodingKey { case rule, required }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .rule)
        let required = try container.decodeIfPresent(Int.self, forKey: .required)
        self = try RollupRule(name: name, required: required)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .rule)
        if case .points(let required) = self { try container.encode(required, forKey: .required) }
    }
}

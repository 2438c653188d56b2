/// The level of a parent competency or a strand, rolled up from its children.
public struct RollupResult: Hashable, Codable, Sendable {
    public var rule: RollupRule
    public var status: MasteryStatus
    /// On the scale for `mean-of-children` and `all-mastered` (the lowest child); points earned for `points`.
    public var value: Double?
    public var levelValue: Double?
    public var mastered: Bool
    public var childrenTotal: Int
    public var childrenAssessed: Int
    public var childrenMastered: Int
    public var summary: String
}

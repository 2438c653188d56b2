/// Whether a value can be shown. "Not enough evidence yet" is a state of its own, never a zero.
public enum MasteryStatus: String, Codable, Sendable, CaseIterable {
    /// No scored evidence, fewer pieces than the policy's minimum, or a method that yields no value yet
    /// (n-times before the n-th score at mastery).
    case notEnoughEvidence = "not-enough-evidence"
    /// A value, a level and a mastered flag exist.
    case assessed
}

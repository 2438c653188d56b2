import Foundation

/// One piece of evidence as a calculation sees it: where it came from, when it was observed, its score.
public struct ScoredObservation: Hashable, Codable, Sendable {
    /// The evidence it stands for, when it comes from the record (absent in what-if calculations).
    public var evidenceID: String?
    public var observedAt: Date?
    /// `nil` for a result without a score; such results are listed but never counted.
    public var score: Double?

    public init(evidenceID: String? = nil, observedAt: Date? = nil, score: Double?) {
        self.evidenceID = evidenceID
        self.observedAt = observedAt
        self.score = score
    }
}

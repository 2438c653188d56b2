/// One skill's responses, as the EM loop wants them: every student's responses in order, stored one after
/// another (0 = wrong, 1 = correct), with where each student's sequence starts.
public struct BKTSkillData: Sendable {
    public let name: String
    /// All responses, student after student.
    public private(set) var responses: [UInt8]
    /// `starts[i]..<starts[i+1]` is student i's sequence; the last element is `responses.count`.
    public private(set) var starts: [Int]

    public init(name: String) {
        self.name = name
        responses = []
        starts = [0]
    }

    /// Builds from per-student sequences (empty sequences are skipped).
    public init(name: String, sequences: [[UInt8]]) {
        self.init(name: name)
        for sequence in sequences { append(sequence) }
    }

    public mutating func append<S: Sequence>(_ sequence: S) where S.Element == UInt8 {
        let before = responses.count
        responses.append(contentsOf: sequence)
        if responses.count > before { starts.append(responses.count) }
    }

    public var sequenceCount: Int { starts.count - 1 }
    public var responseCount: Int { responses.count }
    public var longestSequence: Int {
        var longest = 0
        for index in 0..<sequenceCount { longest = max(longest, starts[index + 1] - starts[index]) }
        return longest
    }
}

import MasteryInterop
import MasteryStore

/// The result of an import or of its preview: what changed (or would change) and every problem found.
/// With any error, nothing was written and `summary` is nil.
public struct ImportOutcome: Sendable {
    public var summary: ImportSummary?
    public var problems: [ImportProblem]
    /// A headline for the source ("framework OECD-CORE: 64 competencies …"), when there is one.
    public var headline: String?

    public init(summary: ImportSummary?, problems: [ImportProblem], headline: String? = nil) {
        self.summary = summary
        self.problems = problems
        self.headline = headline
    }

    public var errors: [ImportProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [ImportProblem] { problems.filter { $0.severity == .warning } }
    public var succeeded: Bool { errors.isEmpty && summary != nil }
}

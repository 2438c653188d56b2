/// One problem found in an input file, located as `file:line: field: message`.
public struct ImportProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable { case error, warning }

    public var file: String
    public var line: Int?
    public var field: String?
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int?, field: String?, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.severity = severity
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "\(field): " }
        text += message
        if severity == .warning { text = "warning: " + text }
        return text
    }
}

/// Input that cannot be imported: every error found (and the warnings), never a partial result.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [ImportProblem]

    public init(problems: [ImportProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

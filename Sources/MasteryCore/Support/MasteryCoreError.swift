/// Every way domain input can be refused. Messages name the problem and the allowed values.
public enum MasteryCoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownMethod(String)
    case invalidParameter(method: String, message: String)
    case invalidScale(String)
    case invalidRollupRule(String)
    case invalidPolicy(String)
    case invalidEvidence(String)
    /// A change the workflow does not allow (a plan's status, …), with why.
    case notAllowed(String)

    public var description: String {
        switch self {
        case .unknownMethod(let name):
            "unknown calculation method '\(name)'; use one of: "
                + CalculationMethod.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        case .invalidParameter(let method, let message): "\(method): \(message)"
        case .invalidScale(let message): "invalid scale: \(message)"
        case .invalidRollupRule(let message): "invalid rollup rule: \(message)"
        case .invalidPolicy(let message): "invalid calculation policy: \(message)"
        case .invalidEvidence(let message): "invalid evidence: \(message)"
        case .notAllowed(let message): message
        }
    }
}

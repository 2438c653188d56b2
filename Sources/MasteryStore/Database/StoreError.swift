/// Every way the store can refuse or fail, with a message that names the thing concerned.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidDatabaseURL(String, String)
    case notFound(kind: String, id: String)
    case conflict(String)
    case invalid(String)
    case migrationFailed(number: Int, name: String, message: String)
    case backupUnsupported(String)

    public var description: String {
        switch self {
        case .invalidDatabaseURL(let url, let why): "invalid database '\(url)': \(why)"
        case .notFound(let kind, let id): "no \(kind) with id '\(id)'"
        case .conflict(let message): message
        case .invalid(let message): message
        case .migrationFailed(let number, let name, let message): "migration \(number) \(name) failed: \(message)"
        case .backupUnsupported(let message): message
        }
    }
}

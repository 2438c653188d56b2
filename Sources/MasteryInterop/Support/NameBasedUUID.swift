import Crypto
import Foundation

/// RFC 4122 version-5 (SHA-1, name-based) UUIDs: the same name always gives the same id, so exports of
/// frameworks made in Masterly keep stable CASE identifiers from one export to the next.
enum NameBasedUUID {
    /// Masterly's namespace for the names it derives identifiers from.
    static let masterly = UUID(uuidString: "6f0c6a4e-2d1b-5b8e-9a57-4d6173746572")!

    static func make(_ name: String, namespace: UUID = masterly) -> String {
        var bytes = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        bytes.append(contentsOf: Array(name.utf8))
        var digest = Array(Insecure.SHA1.hash(data: bytes).prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        let hex = digest.map { String(format: "%02x", $0) }.joined()
        let parts = [
            hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4),
            hex.dropFirst(20),
        ]
        return parts.joined(separator: "-")
    }

    /// Whether `text` has the 8-4-4-4-12 hexadecimal form of a UUID (any version).
    static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}

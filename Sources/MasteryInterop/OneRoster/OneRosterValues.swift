import Foundation

/// Multi-valued OneRoster cells.
enum OneRosterValues {
    /// A comma list (`"09,10,11"`), trimmed, without empty items.
    static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `{LDAP:12},{LTI:15}`: commas inside braces do not separate.
    static func userIDs(_ value: String) -> [String] {
        var items: [String] = []
        var depth = 0
        var current = ""
        for character in value {
            if character == "{" { depth += 1 }
            if character == "}" { depth -= 1 }
            if character == ",", depth == 0 {
                items.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { items.append(last) }
        return items
    }

    static func isUserID(_ item: String) -> Bool {
        guard item.hasPrefix("{"), item.hasSuffix("}") else { return false }
        let inner = item.dropFirst().dropLast()
        guard let colon = inner.firstIndex(of: ":") else { return false }
        let type = inner[..<colon]
        let id = inner[inner.index(after: colon)...]
        return !type.isEmpty && !id.isEmpty && !type.contains(where: { "{}".contains($0) })
            && !id.contains(where: { "{}".contains($0) })
    }
}

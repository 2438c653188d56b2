/// What an import changed, per kind of record: created, updated, removed (or deactivated), unchanged, and
/// kept although the source removed it (still referenced by Masterly's own data).
public struct ImportSummary: Sendable, Hashable, Codable {
    public struct Line: Sendable, Hashable, Codable {
        public var kind: String
        public var created = 0
        public var updated = 0
        public var removed = 0
        public var unchanged = 0
        public var kept = 0
        /// Records the source dates before the version Masterly already applied (an out-of-order delivery):
        /// left as they are.
        public var stale = 0

        public init(kind: String) { self.kind = kind }

        public var total: Int { created + updated + unchanged }
    }

    public var lines: [Line]
    /// One note per record left out as stale, naming its place ("users.csv:4: …").
    public var notes: [String] = []

    public init(lines: [Line], notes: [String] = []) {
        self.lines = lines
        self.notes = notes
    }

    public subscript(kind: String) -> Line? { lines.first { $0.kind == kind } }

    /// Whether nothing changed (a repeated import).
    public var changedNothing: Bool { lines.allSatisfy { $0.created == 0 && $0.updated == 0 && $0.removed == 0 } }

    /// One line per kind: "people: 20 (20 created, 0 updated, 0 removed)".
    public var description: String {
        lines.map { line in
            var text =
                "\(line.kind): \(line.total) (\(line.created) created, \(line.updated) updated, \(line.removed) removed"
            if line.kept > 0 { text += ", \(line.kept) kept because Masterly data refers to them" }
            if line.stale > 0 { text += ", \(line.stale) older than what Masterly has, left as they are" }
            return text + ")"
        }.joined(separator: "\n") + notes.map { "\n" + $0 }.joined()
    }
}

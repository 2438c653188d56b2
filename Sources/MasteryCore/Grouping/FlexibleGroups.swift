/// Small groups for mini-lessons on one or more competencies: reteach (a prerequisite not mastered, or well
/// below the threshold), practice (on the way), extend (mastered). Groups larger than the size limit are
/// split. Every placement carries its reason, so a teacher sees why, and who moved when regenerated.
public enum FlexibleGroups {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case reteach, practice, extend

        public var label: String {
            switch self {
            case .reteach: "Reteach"
            case .practice: "Practice"
            case .extend: "Extend"
            }
        }
    }

    public struct Placement: Hashable, Codable, Sendable {
        public var studentID: Person.ID
        public var group: String
        public var kind: Kind
        public var reason: String

        public init(studentID: Person.ID, group: String, kind: Kind, reason: String) {
            self.studentID = studentID
            self.group = group
            self.kind = kind
            self.reason = reason
        }
    }

    /// Suggested placements for `students` (in roster order) on `competencies`.
    public static func suggest(
        students: [Person], competencies: [Competency], records: [Person.ID: [Competency.ID: MasteryRecord]],
        thresholds: [Competency.ID: Double], prerequisites: PrerequisiteGraph<Competency.ID>, maxSize: Int,
        codes: [Competency.ID: String] = [:]
    ) -> [Placement] {
        let chosen = Set(competencies.map(\.id))
        let needs = Array(Set(competencies.flatMap { prerequisites.prerequisites[$0.id] ?? [] }).subtracting(chosen))
            .sorted { $0.rawValue < $1.rawValue }
        var sorted: [(Person.ID, Kind, String)] = []
        for student in students {
            let mine = records[student.id] ?? [:]
            let missing = needs.filter { mine[$0]?.mastered != true }
            let values = competencies.compactMap { mine[$0.id]?.value }
            let mean = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
            let threshold =
                competencies.compactMap { thresholds[$0.id] }.max() ?? 3
            let mastered = competencies.allSatisfy { mine[$0.id]?.mastered == true }
            let text = mean.map(DisplayRounding.short) ?? "no evidence"
            if !missing.isEmpty {
                sorted.append(
                    (
                        student.id, .reteach,
                        "a prerequisite is not mastered yet (\(missing.map { codes[$0] ?? $0.rawValue }.joined(separator: ", ")))"
                    ))
            } else if mastered {
                sorted.append((student.id, .extend, "mastered (at \(text))"))
            } else if let mean, mean < threshold - 1 {
                sorted.append(
                    (student.id, .reteach, "at \(text), more than a level below \(DisplayRounding.short(threshold))"))
            } else {
                sorted.append(
                    (
                        student.id, .practice,
                        mean == nil ? "no evidence yet" : "at \(text), close to \(DisplayRounding.short(threshold))"
                    ))
            }
        }
        var placements: [Placement] = []
        // No group is larger than the class, so a huge size asks for one group (and no arithmetic can overflow).
        let size = max(1, min(maxSize, max(students.count, 1)))
        for kind in Kind.allCases {
            let members = sorted.filter { $0.1 == kind }
            let groups = max(1, (members.count + size - 1) / size)
            for (index, member) in members.enumerated() {
                // Spread evenly over the groups of the kind (sizes differ by at most one).
                let number = index * groups / max(members.count, 1)
                let name = groups == 1 ? kind.label : "\(kind.label) \(number + 1)"
                placements.append(Placement(studentID: member.0, group: name, kind: kind, reason: member.2))
            }
        }
        return placements
    }

    /// Who is placed differently in `now` than in `before`, with the new reason.
    public static func moves(from before: [Placement], to now: [Placement]) -> [(before: Placement, now: Placement)] {
        let earlier = Dictionary(before.map { ($0.studentID, $0) }, uniquingKeysWith: { a, _ in a })
        return now.compactMap { placement in
            guard let old = earlier[placement.studentID], old.kind != placement.kind else { return nil }
            return (old, placement)
        }
    }

    /// A station rotation: each group visits every station, one station a block, and station 0 (the teacher)
    /// holds one group at a time; group 0 (reteach groups come first) starts with the teacher.
    /// `rotation[block][groupIndex]` is the station index. With more groups than stations there are as many
    /// blocks as groups, so every group still meets the teacher once; the extra blocks double groups up at the
    /// other stations in turn.
    public static func rotation(groups: Int, stations: Int) -> [[Int]] {
        guard groups > 0, stations > 0 else { return [] }
        let blocks = max(groups, stations)
        func station(_ slot: Int) -> Int {
            slot < stations || stations == 1 ? slot % stations : 1 + (slot - stations) % (stations - 1)
        }
        return (0..<blocks).map { block in (0..<groups).map { group in station((group + block) % blocks) } }
    }
}

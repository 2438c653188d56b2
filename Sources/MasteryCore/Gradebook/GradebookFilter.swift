import Foundation

/// What a teacher narrows the gradebook to: a strand, a kind of competency, students at a level or not yet
/// assessed, and the order of the rows (by name, or by level on one competency).
public struct GradebookFilter: Hashable, Sendable {
    public enum Sort: Hashable, Sendable {
        case name
        /// Lowest level first (not yet assessed before everything), or highest first.
        case level(Competency.ID, ascending: Bool)
    }

    public var strand: Strand.ID?
    public var kind: CompetencyKind?
    /// Keep students with at least one visible cell at this level value.
    public var level: Double?
    /// Keep students with at least one visible cell without enough evidence.
    public var notYetAssessed: Bool
    public var sort: Sort
    /// Keep students whose name contains this (ignoring case and accents): jumping to a student.
    public var studentName: String?

    public init(
        strand: Strand.ID? = nil, kind: CompetencyKind? = nil, level: Double? = nil, notYetAssessed: Bool = false,
        sort: Sort = .name, studentName: String? = nil
    ) {
        self.strand = strand
        self.kind = kind
        self.level = level
        self.notYetAssessed = notYetAssessed
        self.sort = sort
        self.studentName = studentName
    }

    public var isEmpty: Bool { self == GradebookFilter() }
}

extension Gradebook {
    /// The gradebook narrowed by `filter`: columns of the strand and kind, rows that match, in its order.
    /// Per-student summaries keep counting every competency (they describe the student, not the view).
    public func filtered(_ filter: GradebookFilter) -> Gradebook {
        let groups = self.groups.compactMap { group -> StrandGroup? in
            guard filter.strand == nil || group.strand.id == filter.strand else { return nil }
            let competencies = group.competencies.filter { filter.kind == nil || $0.kind == filter.kind }
            return competencies.isEmpty ? nil : StrandGroup(strand: group.strand, competencies: competencies)
        }
        let visible = Set(groups.flatMap(\.competencies).map(\.id))
        // Every column stays unless a strand or kind is chosen: then the rows are kept as they are.
        var rows =
            filter.strand == nil && filter.kind == nil
            ? self.rows
            : self.rows.map { row in
                Row(
                    student: row.student, cells: row.cells.filter { visible.contains($0.competency.id) },
                    summaries: row.summaries)
            }
        if let level = filter.level {
            rows = rows.filter { row in row.cells.contains { $0.level?.value == level } }
        }
        if let name = filter.studentName?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
            rows = rows.filter { row in
                "\(row.student.givenName) \(row.student.familyName)".range(
                    of: name, options: [.caseInsensitive, .diacriticInsensitive]) != nil
            }
        }
        if filter.notYetAssessed {
            rows = rows.filter { row in row.cells.contains { $0.status == .notEnoughEvidence } }
        }
        switch filter.sort {
        case .name:
            rows.sort { $0.student.sortName < $1.student.sortName }
        case .level(let competency, let ascending):
            func value(_ row: Row) -> Double {
                row.cells.first { $0.competency.id == competency }?.record?.value ?? -1
            }
            rows.sort { a, b in
                let (x, y) = (value(a), value(b))
                if x != y { return ascending ? x < y : x > y }
                return a.student.sortName < b.student.sortName
            }
        }
        return Gradebook(groups: groups, rows: rows)
    }
}

/// A section's mastery gradebook: students × competencies, grouped by strand, with each cell's level.
/// Built purely from the roster, the curriculum and the stored records.
public struct Gradebook: Sendable {
    public struct StrandGroup: Sendable {
        public var strand: Strand
        public var competencies: [Competency]
    }

    public struct Cell: Sendable {
        public var competency: Competency
        public var record: MasteryRecord?
        public var level: ProficiencyLevel?

        public var status: MasteryStatus { record?.status ?? .notEnoughEvidence }
        public var mastered: Bool { record?.mastered ?? false }
        public var evidenceCount: Int { record?.evidenceCount ?? 0 }
    }

    public struct Row: Sendable {
        public var student: Person
        public var cells: [Cell]
        /// Counts per kind: academics and habits apart.
        public var summaries: [MasterySummary]
    }

    public var groups: [StrandGroup]
    public var rows: [Row]
    public var competencies: [Competency] { groups.flatMap(\.competencies) }

    /// - Parameters:
    ///   - students: in display order.
    ///   - records: by student, then competency.
    public static func build(
        students: [Person], curriculum: Curriculum, records: [Person.ID: [Competency.ID: MasteryRecord]]
    ) -> Gradebook {
        let leaves = curriculum.leafCompetencies
        let groups = curriculum.strands.compactMap { strand -> StrandGroup? in
            let members = leaves.filter { $0.strandID == strand.id }
            return members.isEmpty ? nil : StrandGroup(strand: strand, competencies: members)
        }
        let columns = groups.flatMap(\.competencies)
        // Each column's levels, looked up once rather than once per cell.
        let levels = columns.map { curriculum.scale(for: $0)?.levels ?? [] }
        let rows = students.map { student in
            let mine = records[student.id] ?? [:]
            let cells = columns.indices.map { column -> Cell in
                let record = mine[columns[column].id]
                let level = record?.levelValue.flatMap { value in levels[column].first { $0.value == value } }
                return Cell(competency: columns[column], record: record, level: level)
            }
            return Row(
                student: student, cells: cells,
                summaries: MasterySummary.summaries(competencies: columns, records: mine))
        }
        return Gradebook(groups: groups, rows: rows)
    }

    /// How many students are at each level of the competency's scale, and how many have not enough evidence.
    public func distribution(
        of competencyID: Competency.ID, scale: ProficiencyScale
    ) -> (levels: [(ProficiencyLevel, Int)], notYet: Int) {
        var counts = Array(repeating: 0, count: scale.levels.count)
        var notYet = 0
        // Every row's cells follow the columns' order: look the column up once.
        let column = competencies.firstIndex { $0.id == competencyID }
        for row in rows {
            let aligned = column.flatMap { row.cells.indices.contains($0) ? row.cells[$0] : nil }
            guard
                let cell = aligned?.competency.id == competencyID
                    ? aligned : row.cells.first(where: { $0.competency.id == competencyID })
            else { continue }
            if let level = cell.level, let index = scale.levels.firstIndex(of: level) {
                counts[index] += 1
            } else {
                notYet += 1
            }
        }
        return (Array(zip(scale.levels, counts)), notYet)
    }
}

import MasteryCore
import Plot

/// The gradebook's body rows — students × competencies, thousands of cells — written straight into one string.
///
/// The markup is what `SectionPage` would build node by node, but a 35 × 60 grid is 2,100 cells: built as Plot
/// nodes it cost ~45 ms of CPU per render. Here each distinct level badge is rendered once per page (by Plot,
/// through our escaping helpers) and reused, every id is escaped once per row or column, and every name and
/// label passes `HTMLEscaping`: nothing reaches the page unescaped, as everywhere else. Links are site paths
/// built from escaped ids, so they need no `SafeURL` check.
struct GradebookGrid {
    let gradebook: Gradebook
    /// Strands shown as one column: how many of the strand's competencies each student has mastered.
    var collapsed: Set<Strand.ID> = []

    /// A student's row as rendered, with the columns it was rendered for.
    struct RenderedRow: Sendable {
        let columns: String
        let html: String
    }
    typealias RowMemo = [Person.ID: RenderedRow]

    func bodyRows() -> String { bodyRows(memo: [:]).html }

    /// The rows, reusing those in `memo` rendered for the same columns from the same records (the caller
    /// drops a student's row when their records move); with the rows rendered or reused here.
    func bodyRows(memo: RowMemo) -> (html: String, memo: RowMemo) {
        let signature =
            gradebook.competencies.map(\.id.rawValue).joined(separator: ",") + "|"
            + collapsed.map(\.rawValue).sorted().joined(separator: ",")
        var used: RowMemo = [:]
        // Each column's id escaped once (a cell that does not follow the columns escapes its own).
        let competencies = gradebook.competencies
        let column = competencies.map { HTMLEscaping.attribute($0.id.rawValue) }
        var badges = Badges()
        var html = ""
        html.reserveCapacity(gradebook.rows.count * (competencies.count * 240 + 200))
        for row in gradebook.rows {
            if let kept = memo[row.student.id], kept.columns == signature {
                html += kept.html
                used[row.student.id] = kept
                continue
            }
            let start = html.utf8.count
            let student = HTMLEscaping.attribute(row.student.id.rawValue)
            html += #"<tr data-student-id=""# + student + #""><th scope="row" class="student-col"><a href="/students/"#
            html += student + #"">"# + HTMLEscaping.text(row.student.sortName) + "</a></th>"
            // Cells come in the groups' order: a collapsed strand's run becomes one count.
            var next = 0
            for group in gradebook.groups {
                let cells = next..<min(next + group.competencies.count, row.cells.count)
                next += group.competencies.count
                if collapsed.contains(group.strand.id) {
                    let mastered = cells.filter { row.cells[$0].mastered }.count
                    html +=
                        #"<td class="cell strand-total">"# + HTMLEscaping.text("\(mastered)/\(cells.count)") + "</td>"
                    continue
                }
                // By index: a cell is a large value, and copying it retains every string in it.
                for index in cells {
                    let record = row.cells[index].record
                    html += record?.status == .assessed ? #"<td class="cell">"# : #"<td class="cell cell-empty">"#
                    let id = row.cells[index].competency.id
                    let competency =
                        column.indices.contains(index) && competencies[index].id == id
                        ? column[index] : HTMLEscaping.attribute(id.rawValue)
                    html += #"<a href="/students/"# + student + "/competencies/" + competency + #"">"#
                    html += badges.html(level: row.cells[index].level, value: record?.value)
                    if record?.mastered == true { html += #"<span class="check" aria-label="mastered">✓</span>"# }
                    html += "</a></td>"
                }
            }
            html += #"<td class="summary">"#
            for summary in row.summaries {
                let kind = summary.kind == .academic ? "Acad." : summary.kind == .habit ? "Habits" : "Career"
                html +=
                    #"<span class="summary-line">"# + HTMLEscaping.text("\(kind) \(summary.mastered)/\(summary.total)")
                html += "</span>"
            }
            html += "</td></tr>"
            let utf8 = html.utf8
            used[row.student.id] = RenderedRow(
                columns: signature,
                html: String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)...])))
        }
        return (html, used)
    }

}

/// `Components.levelBadge` as text, for thousands of cells: the markup around the value is made once per level
/// (every cell's value differs, so whole badges rarely repeat). `GradebookGridTests` holds it to the original.
struct Badges {
    private var openings: [ProficiencyLevel: String] = [:]
    private static let none = Components.levelBadge(nil, value: nil).render()

    mutating func html(level: ProficiencyLevel?, value: Double?) -> String {
        guard let value else { return Self.none }
        let text = HTMLEscaping.text(DisplayRounding.text(value))
        guard let level else {
            return #"<span class="level level-probability"><span class="level-label">P(mastered)</span>"#
                + #"<span class="level-value">"# + text + "</span></span>"
        }
        if let opening = openings[level] { return opening + text + "</span></span>" }
        let colour = ProficiencyLevel.normalizedColour(level.colour) ?? "#dbe4ee"
        let style = HTMLEscaping.attribute("background:\(colour);color:\(Contrast.text(on: colour))")
        let opening =
            #"<span class="level" style=""# + style + #""><span class="level-label">"# + HTMLEscaping.text(level.label)
            + #"</span><span class="level-value">"#
        openings[level] = opening
        return opening + text + "</span></span>"
    }
}

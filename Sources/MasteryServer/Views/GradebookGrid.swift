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

    func bodyRows() -> String {
        var columns: [Competency.ID: String] = [:]
        for competency in gradebook.competencies {
            columns[competency.id] = HTMLEscaping.attribute(competency.id.rawValue)
        }
        var badges = Badges()
        var html = ""
        html.reserveCapacity(gradebook.rows.count * (columns.count * 240 + 200))
        for row in gradebook.rows {
            let student = HTMLEscaping.attribute(row.student.id.rawValue)
            html += #"<tr data-student-id=""# + student + #""><th scope="row" class="student-col"><a href="/students/"#
            html += student + #"">"# + HTMLEscaping.text(row.student.sortName) + "</a></th>"
            // Cells come in the groups' order: a collapsed strand's run becomes one count.
            var next = 0
            for group in gradebook.groups {
                let cells = row.cells[next..<min(next + group.competencies.count, row.cells.count)]
                next += group.competencies.count
                if collapsed.contains(group.strand.id) {
                    let mastered = cells.filter(\.mastered).count
                    html +=
                        #"<td class="cell strand-total">"# + HTMLEscaping.text("\(mastered)/\(cells.count)") + "</td>"
                    continue
                }
                for cell in cells {
                    html += cell.status == .assessed ? #"<td class="cell">"# : #"<td class="cell cell-empty">"#
                    let competency = columns[cell.competency.id] ?? HTMLEscaping.attribute(cell.competency.id.rawValue)
                    html += #"<a href="/students/"# + student + "/competencies/" + competency + #"">"#
                    html += badges.html(level: cell.level, value: cell.record?.value)
                    if cell.mastered { html += #"<span class="check" aria-label="mastered">✓</span>"# }
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
        }
        return html
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

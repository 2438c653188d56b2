import MasteryCore
import Plot

/// The gradebook's head (strands, then competencies) and foot (how many mastered each, and how many at each
/// level) as text, like its body rows: with 60 competencies the foot alone is several hundred elements, which
/// cost Plot more than the rest of the page. Same markup as the nodes `SectionPage` built before; every name
/// passes `HTMLEscaping`.
extension GradebookGrid {
    func headRows() -> String {
        var html = #"<thead><tr><th rowspan="2" scope="col" class="student-col">Student</th>"#
        for group in gradebook.groups {
            let span = collapsed.contains(group.strand.id) ? 1 : group.competencies.count
            html += #"<th colspan=""# + String(span) + #"" scope="colgroup" class="strand">"#
            html += HTMLEscaping.text(group.strand.title) + "</th>"
        }
        html += #"<th rowspan="2" scope="col">Summary</th></tr><tr>"#
        for group in gradebook.groups {
            if collapsed.contains(group.strand.id) {
                html += #"<th scope="col" class="competency strand-total"><span class="code">Mastered</span>"#
                html += #"<span class="title">of "# + String(group.competencies.count) + " competencies</span></th>"
                continue
            }
            for competency in group.competencies {
                html += #"<th scope="col" class="competency kind-"# + HTMLEscaping.attribute(competency.kind.rawValue)
                html += #""><span class="code">"# + HTMLEscaping.text(competency.code) + "</span>"
                html += #"<span class="title">"# + HTMLEscaping.text(competency.title) + "</span></th>"
            }
        }
        return html + "</tr></thead>"
    }

    /// The foot: per competency, how many students mastered it, then how many are at each level of its scale
    /// (highest first, each count beside its level's colour and name — never colour alone) and not yet.
    func footRows(scales: (Competency) -> ProficiencyScale?) -> String {
        let columns = gradebook.competencies
        var mastered = Array(repeating: 0, count: columns.count)
        let scaleOf: [ProficiencyScale?] = columns.map(scales)
        var counts = scaleOf.map { Array(repeating: 0, count: $0?.levels.count ?? 0) }
        var notYet = Array(repeating: 0, count: columns.count)
        for row in gradebook.rows {
            // By index: a cell is a large value, and copying it retains every string in it.
            for index in row.cells.indices where index < columns.count {
                if row.cells[index].record?.mastered == true { mastered[index] += 1 }
                if let value = row.cells[index].level?.value,
                    let position = scaleOf[index]?.levels.firstIndex(where: { $0.value == value })
                {
                    counts[index][position] += 1
                } else {
                    notYet[index] += 1
                }
            }
        }
        // Each scale's swatches once, not once per column.
        var swatches: [ProficiencyScale.ID: [String]] = [:]
        let students = String(gradebook.rows.count)
        var html = #"<tfoot><tr><th scope="row">Mastered</th>"#
        var next = 0
        for group in gradebook.groups {
            let range = next..<min(next + group.competencies.count, columns.count)
            next += group.competencies.count
            if collapsed.contains(group.strand.id) {
                let total = range.reduce(0) { $0 + mastered[$1] }
                html += "<td>" + String(total) + " of " + String(group.competencies.count * gradebook.rows.count)
                html += "</td>"
            } else {
                for index in range { html += "<td>" + String(mastered[index]) + " of " + students + "</td>" }
            }
        }
        html += #"<td></td></tr><tr class="level-counts"><th scope="row">At each level</th>"#
        next = 0
        for group in gradebook.groups {
            let range = next..<min(next + group.competencies.count, columns.count)
            next += group.competencies.count
            if collapsed.contains(group.strand.id) {
                html += "<td></td>"
                continue
            }
            for index in range {
                html += #"<td class="small">"#
                if let scale = scaleOf[index] {
                    let openings =
                        swatches[scale.id]
                        ?? scale.levels.map { level in
                            let colour = ProficiencyLevel.normalizedColour(level.colour) ?? "#dbe4ee"
                            return #"<span class="summary-line"><span class="swatch" style="background:"#
                                + HTMLEscaping.attribute(colour) + #"" aria-hidden="true"></span>"#
                                + HTMLEscaping.text(level.label) + ": "
                        }
                    swatches[scale.id] = openings
                    for position in scale.levels.indices.reversed() {
                        html += openings[position] + String(counts[index][position]) + "</span>"
                    }
                    html += #"<span class="summary-line"><span class="swatch swatch-none" aria-hidden="true"></span>"#
                    html += "Not yet: " + String(notYet[index]) + "</span>"
                }
                html += "</td>"
            }
        }
        return html + "<td></td></tr></tfoot>"
    }
}

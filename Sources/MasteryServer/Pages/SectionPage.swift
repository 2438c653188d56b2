import MasteryCore
import Plot

/// A section's mastery gradebook: students × competencies grouped by strand, each cell a level in colour and
/// words with its value, linking to the explanation.
struct SectionPage {
    var section: Section
    var courseTitle: String
    var teachers: [Person]
    var gradebook: Gradebook
    var curriculum: Curriculum
    var policySummary: String

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            section.name, page, wide: true,
            Layout.heading(
                section.name, eyebrow: "\(courseTitle) · \(section.term)",
                lead: "Taught by \(teachers.map(\.displayName).joined(separator: ", ")). Calculation: \(policySummary)."
            ),
            .p(
                .a(.class("button secondary"), .href("/sections/\(section.id.rawValue)/gradebook.csv"), "Download CSV"),
                .a(.class("button secondary"), .href("/sections/\(section.id.rawValue)/pathway"), "Pathway map")
            ),
            .unwrap(curriculum.scales.values.sorted { $0.name < $1.name }.first) { Components.legend($0) },
            .div(
                .class("table-scroll"), .attribute(named: "tabindex", value: "0"),
                .attribute(named: "role", value: "region"), .ariaLabel("Gradebook of \(section.name)"),
                table
            )
        )
    }

    var table: Node<HTML.BodyContext> {
        .table(
            .id("gradebook"), .class("gradebook"),
            .caption(
                .text("Mastery of \(gradebook.rows.count) students on \(gradebook.competencies.count) competencies")),
            .thead(
                .tr(
                    .th(
                        .attribute(named: "rowspan", value: "2"), .attribute(named: "scope", value: "col"),
                        .class("student-col"), "Student"),
                    .forEach(gradebook.groups) { group in
                        .th(
                            .attribute(named: "colspan", value: "\(group.competencies.count)"),
                            .attribute(named: "scope", value: "colgroup"), .class("strand"), .text(group.strand.title))
                    },
                    .th(.attribute(named: "rowspan", value: "2"), .attribute(named: "scope", value: "col"), "Summary")
                ),
                .tr(
                    .forEach(gradebook.competencies) { competency in
                        .th(
                            .attribute(named: "scope", value: "col"),
                            .class("competency kind-\(competency.kind.rawValue)"),
                            .span(.class("code"), .text(competency.code)),
                            .span(.class("title"), .text(competency.title))
                        )
                    })
            ),
            .tbody(
                .forEach(gradebook.rows) { row in
                    .tr(
                        .data(named: "student-id", value: row.student.id.rawValue),
                        .th(
                            .attribute(named: "scope", value: "row"), .class("student-col"),
                            .a(.href("/students/\(row.student.id.rawValue)"), .text(row.student.sortName))
                        ),
                        .forEach(row.cells) { cell in
                            .td(
                                .class(cell.status == .assessed ? "cell" : "cell cell-empty"),
                                .a(
                                    .href(
                                        "/students/\(row.student.id.rawValue)/competencies/\(cell.competency.id.rawValue)"
                                    ),
                                    .raw(Components.levelBadge(cell.level, value: cell.record?.value).render()),
                                    .if(
                                        cell.mastered,
                                        .span(.class("check"), .attribute(named: "aria-label", value: "mastered"), "✓"))
                                )
                            )
                        },
                        .td(
                            .class("summary"),
                            .forEach(row.summaries) { summary in
                                .span(
                                    .class("summary-line"),
                                    .text(
                                        "\(summary.kind == .academic ? "Acad." : summary.kind == .habit ? "Habits" : "Career") \(summary.mastered)/\(summary.total)"
                                    ))
                            })
                    )
                }),
            .tfoot(
                .tr(
                    .th(.attribute(named: "scope", value: "row"), "Mastered"),
                    .forEach(gradebook.competencies) { competency in
                        .td(
                            .text(
                                "\(gradebook.rows.filter { row in row.cells.contains { $0.competency.id == competency.id && $0.mastered } }.count) of \(gradebook.rows.count)"
                            ))
                    },
                    .td()
                )
            )
        )
    }
}

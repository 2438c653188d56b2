import MasteryCore
import Plot

/// A section's mastery gradebook: students × competencies grouped by strand, each cell a level in colour and
/// words with its value, linking to the explanation.
struct SectionPage {
    var section: Section
    var courseTitle: String
    var teachers: [Person]
    var gradebook: Gradebook
    var filter = GradebookFilter()
    var totalStudents = 0
    var curriculum: Curriculum
    var policySummary: String
    var canRecord = false
    /// Cells as their level's initial on its colour (a big class at a glance); the full level and value
    /// otherwise.
    var compact = false
    /// Strands shown as one column each: how many of their competencies each student has mastered.
    var collapsed: Set<Strand.ID> = []
    /// The day the section's term ended, when it is an archive now.
    var archivedOn: String?
    /// The gradebook as it stood at the end of this day (ISO date), when asked.
    var asOf: String?

    func render(_ page: PageContext) -> HTML {
        Layout.page(section.name, page, wide: true, content)
    }

    /// Rows rendered before from the same records (`GradebookGrid.bodyRows(memo:)`), reused.
    var rows: GradebookGrid.RowMemo = [:]

    /// Everything but the page frame: the same for every teacher of the section until the data changes, so
    /// the route caches its rendering.
    var content: Node<HTML.BodyContext> { content(bodyRows: grid.bodyRows(memo: rows).html) }

    /// The content as HTML, with the rows rendered for it (to keep for the next render).
    func renderedContent() -> (html: String, rows: GradebookGrid.RowMemo) {
        let body = grid.bodyRows(memo: rows)
        return (Splice.place(body.html, into: content(bodyRows: Splice.marker).render()), body.memo)
    }

    private var grid: GradebookGrid { GradebookGrid(gradebook: gradebook, collapsed: collapsed) }

    private func content(bodyRows: String) -> Node<HTML.BodyContext> {
        .group(
            Layout.heading(
                section.name, eyebrow: "\(courseTitle) · \(section.term)",
                lead: "Taught by \(teachers.map(\.displayName).joined(separator: ", ")). Calculation: \(policySummary)."
            ),
            .unwrap(asOf) { day in
                .div(
                    .class("notice"), .id("as-of"), .attribute(named: "role", value: "status"),
                    .text(
                        "As it stood at the end of \(Components.day(day)): evidence recorded since, corrections included, is left out."
                    ))
            },
            .unwrap(archivedOn) { day in
                .div(
                    .class("notice"), .id("archived"), .attribute(named: "role", value: "status"),
                    .text(
                        "Archive: this section's term ended on \(day). Everything stays readable; nothing here changes now."
                    ))
            },
            .p(
                .a(.class("button secondary"), .href("/sections/\(section.id.rawValue)/gradebook.csv"), "Download CSV"),
                .a(.class("button secondary"), .href("/sections/\(section.id.rawValue)/pathway"), "Pathway map"),
                .a(.class("button secondary"), .href("/sections/\(section.id.rawValue)/grades"), "Final grades"),
                .if(
                    canRecord,
                    .group(
                        .a(
                            .class("button secondary"), .href("/sections/\(section.id.rawValue)/quick-check"),
                            "Quick check"),
                        .a(.class("button secondary"), .href("/sections/\(section.id.rawValue)/tasks"), "Score a task"),
                        .a(
                            .class("button secondary"), .href("/sections/\(section.id.rawValue)/groups"),
                            "Flexible groups"),
                        .a(
                            .class("button secondary"), .href("/sections/\(section.id.rawValue)/settings"),
                            "Calculation"),
                        .a(
                            .class("button secondary"), .href("/sections/\(section.id.rawValue)/sign-in"),
                            "Student sign-in")))
            ),
            filterForm(),
            .unwrap(curriculum.scales.values.sorted { $0.name < $1.name }.first) { Components.legend($0) },
            .div(
                .class("table-scroll gradebook-scroll"), .attribute(named: "tabindex", value: "0"),
                .attribute(named: "role", value: "region"), .ariaLabel("Gradebook of \(section.name)"),
                table(bodyRows: bodyRows)
            )
        )
    }

    func filterForm() -> Node<HTML.BodyContext> {
        let strands = curriculum.strands
        let levels = curriculum.scales.values.sorted { $0.name < $1.name }.first?.levels ?? []
        var sortCompetency: Competency.ID?
        var sortAscending = true
        if case .level(let id, let ascending) = filter.sort { (sortCompetency, sortAscending) = (id, ascending) }
        return .form(
            .method(.get), .action("/sections/\(section.id.rawValue)"), .class("filter-form"), .id("gradebook-filter"),
            .div(
                .class("field"), .label(.for("filter-strand"), "Strand"),
                .select(
                    .id("filter-strand"), .attribute(named: "name", value: "strand"),
                    Components.option("", "All strands", selected: filter.strand == nil),
                    .forEach(strands) { Components.option($0.id.rawValue, $0.title, selected: filter.strand == $0.id) })
            ),
            .div(
                .class("field"), .label(.for("filter-kind"), "Kind"),
                .select(
                    .id("filter-kind"), .attribute(named: "name", value: "kind"),
                    Components.option("", "Academics and habits", selected: filter.kind == nil),
                    .forEach(CompetencyKind.allCases) {
                        Components.option($0.rawValue, $0.displayName, selected: filter.kind == $0)
                    })),
            .div(
                .class("field"), .label(.for("filter-level"), "Students at level"),
                .select(
                    .id("filter-level"), .attribute(named: "name", value: "level"),
                    Components.option("", "Any level", selected: filter.level == nil),
                    .forEach(levels) {
                        Components.option(
                            DisplayRounding.text($0.value), "\(DisplayRounding.text($0.value)) \($0.label)",
                            selected: filter.level == $0.value)
                    })),
            .div(
                .class("field"), .label(.for("filter-assessed"), "Evidence"),
                .select(
                    .id("filter-assessed"), .attribute(named: "name", value: "assessed"),
                    Components.option("", "Everyone", selected: !filter.notYetAssessed),
                    Components.option("not-yet", "Not yet assessed somewhere", selected: filter.notYetAssessed))),
            .div(
                .class("field"), .label(.for("filter-order"), "Order"),
                .select(
                    .id("filter-order"), .attribute(named: "name", value: "order"),
                    Components.option("", "By name", selected: sortCompetency == nil),
                    .forEach(gradebook.competencies) { competency in
                        Components.option(
                            competency.id.rawValue, "By \(competency.code)", selected: sortCompetency == competency.id)
                    })),
            .div(
                .class("field"), .label(.for("filter-direction"), "Levels"),
                .select(
                    .id("filter-direction"), .attribute(named: "name", value: "direction"),
                    Components.option("asc", "Lowest first", selected: sortAscending),
                    Components.option("desc", "Highest first", selected: !sortAscending))),
            .div(
                .class("field"), .label(.for("filter-as-of"), "As it stood on"),
                .input(.type(.date), .id("filter-as-of"), .name("asOf"), .value(asOf ?? ""))),
            .div(
                .class("field"), .label(.for("filter-student"), "Find a student"),
                .input(
                    .type(.search), .id("filter-student"), .name("student"), .value(filter.studentName ?? ""),
                    .attribute(named: "autocomplete", value: "off"))),
            .if(
                strands.count > 1,
                .fieldset(
                    .class("inline-choices"), .element(named: "legend", text: "Strands as totals"),
                    .forEach(strands) { strand in
                        .label(
                            .input(
                                .type(.checkbox), .name("collapse"), .value(strand.id.rawValue),
                                .checked(collapsed.contains(strand.id))),
                            .text(" \(strand.title)"))
                    })),
            .div(
                .class("field"), .label(.for("filter-view"), "Cells"),
                .select(
                    .id("filter-view"), .attribute(named: "name", value: "view"),
                    Components.option("", "Level and value", selected: !compact),
                    Components.option("compact", "Compact: colour and initial", selected: compact))),
            .button(.type(.submit), .class("button secondary"), "Apply"),
            .if(
                !filter.isEmpty || compact || !collapsed.isEmpty,
                .a(.href("/sections/\(section.id.rawValue)"), "Show everything")),
            .p(.class("small muted"), .text("Showing \(gradebook.rows.count) of \(totalStudents) students."))
        )
    }

    func table(bodyRows: String) -> Node<HTML.BodyContext> {
        .table(
            .id("gradebook"), .class(compact ? "gradebook compact" : "gradebook"),
            .caption(
                .text("Mastery of \(gradebook.rows.count) students on \(gradebook.competencies.count) competencies")),
            // Head, body and foot are written as text (`GradebookGrid`): thousands of cells.
            .raw(grid.headRows()),
            .tbody(.raw(bodyRows)),
            .raw(grid.footRows(scales: { curriculum.scale(for: $0) }))
        )
    }
}

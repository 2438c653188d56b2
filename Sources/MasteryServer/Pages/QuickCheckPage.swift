import Foundation
import MasteryCore
import Plot

/// A quick check: choose a competency, then one level per student (or skip), saved together; the page comes
/// back with everyone's updated mastery.
struct QuickCheckPage {
    var data: SectionData
    var competency: Competency?
    var saved: Int?
    var problem: String?

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Quick check — \(data.section.name)", page,
            Layout.heading(
                "Quick check", eyebrow: data.section.name,
                lead: "One competency, the whole class: a level for each student you checked, saved at once."),
            .unwrap(saved) {
                .div(
                    .class("notice notice-ok"), .attribute(named: "role", value: "status"),
                    .text("Saved \($0) piece\($0 == 1 ? "" : "s") of evidence. The levels below are up to date."))
            },
            .unwrap(problem) {
                .div(.class("notice notice-error"), .attribute(named: "role", value: "alert"), .text($0))
            },
            .p(.a(.href("/sections/\(data.section.id.rawValue)"), "Back to the gradebook")),
            chooser(),
            .unwrap(competency) { entryForm($0, page) }
        )
    }

    func chooser() -> Node<HTML.BodyContext> {
        .form(
            .method(.get), .action("/sections/\(data.section.id.rawValue)/quick-check"), .class("inline-form"),
            .label(.for("qc-competency"), "Competency"),
            .select(
                .id("qc-competency"), .attribute(named: "name", value: "competency"),
                .forEach(data.curriculum.leafCompetencies) { item in
                    .element(
                        named: "option",
                        nodes: [
                            .attribute(named: "value", value: item.id.rawValue),
                            .if(item.id == competency?.id, .attribute(named: "selected", value: "selected")),
                            .text("\(item.code) — \(item.title)"),
                        ])
                }),
            .button(.type(.submit), .class("button secondary"), "Choose")
        )
    }

    func entryForm(_ competency: Competency, _ page: PageContext) -> Node<HTML.BodyContext> {
        let scale = data.curriculum.scale(for: competency)
        let levels = scale?.levels ?? []
        let cells = Dictionary(
            data.gradebook.rows.compactMap { row in
                row.cells.first { $0.competency.id == competency.id }.map { (row.student.id, $0) }
            }, uniquingKeysWith: { a, _ in a })
        return .form(
            .method(.post), .action("/sections/\(data.section.id.rawValue)/quick-check"), .id("quick-check-form"),
            Layout.csrfField(page.csrfToken),
            .input(.type(.hidden), .name("competency"), .value(competency.id.rawValue)),
            .h2(.text("\(competency.code) — \(competency.title)")),
            .div(
                .class("inline-form"),
                .label(.for("qc-observed"), "Observed on"),
                .input(.type(.date), .id("qc-observed"), .name("observed"), .value(Components.isoDate(Date()))),
                .label(.for("qc-comment"), "Note for everyone (optional)"),
                .input(.type(.text), .id("qc-comment"), .name("comment"))
            ),
            .div(
                Components.scrollRegion("A level for each student (Skip leaves no evidence)"),
                .table(
                    .class("quick-check"),
                    .caption(.text("A level for each student (Skip leaves no evidence)")),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), "Student"),
                            .th(.attribute(named: "scope", value: "col"), "Now"),
                            .th(.attribute(named: "scope", value: "col"), "Level shown"))),
                    .tbody(
                        .forEach(data.students) { student in
                            let cell = cells[student.id]
                            return .tr(
                                .data(named: "student-id", value: student.id.rawValue),
                                .th(.attribute(named: "scope", value: "row"), .text(student.sortName)),
                                .td(.raw(Components.levelBadge(cell?.level, value: cell?.record?.value).render())),
                                .td(
                                    .fieldset(
                                        .class("level-choice"),
                                        .element(
                                            named: "legend",
                                            nodes: [.class("sr-only"), .text("Level for \(student.displayName)")]),
                                        .label(
                                            .class("choice"),
                                            .input(
                                                .type(.radio), .name("score-\(student.id.rawValue)"), .value("skip"),
                                                .checked(true)), .text(" Skip")),
                                        .forEach(levels) { level in
                                            .label(
                                                .class("choice"),
                                                .input(
                                                    .type(.radio), .name("score-\(student.id.rawValue)"),
                                                    .value(DisplayRounding.text(level.value))),
                                                .text(" \(DisplayRounding.text(level.value)) \(level.label)"))
                                        }))
                            )
                        }))
            ),
            .button(.type(.submit), .class("button primary"), "Save the quick check")
        )
    }
}

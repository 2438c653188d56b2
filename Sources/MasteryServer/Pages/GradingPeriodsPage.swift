import Foundation
import MasteryCore
import Plot

/// An administrator's grading periods: those imported with the roster and those made here, and a form to add one.
struct GradingPeriodsPage {
    var periods: [GradingPeriod]
    var saved: Bool
    var problem: String?

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Grading periods", page,
            Layout.heading(
                "Grading periods",
                lead:
                    "Evidence counts in the period it was observed in. Periods come with the OneRoster roster (academic sessions); add others here."
            ),
            .if(saved, Components.notice("Saved.", error: false)),
            .unwrap(problem) { Components.notice($0, error: true) },
            .if(
                periods.isEmpty, .p(.class("muted"), "No grading periods yet."),
                else: .table(
                    .class("report-table"),
                    .caption(.class("sr-only"), "Grading periods"),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), "Title"),
                            .th(.attribute(named: "scope", value: "col"), "Kind"),
                            .th(.attribute(named: "scope", value: "col"), "From"),
                            .th(.attribute(named: "scope", value: "col"), "To"))),
                    .tbody(
                        .forEach(periods) { period in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(period.title)),
                                .td(.text(period.kind)), .td(.text(Components.day(period.startsOn))),
                                .td(.text(Components.day(period.endsOn))))
                        }))),
            .section(
                .class("card"), .id("add-period"),
                .h2("Add a period"),
                .form(
                    .method(.post), .action("/admin/grading-periods"),
                    Layout.csrfField(page.csrfToken),
                    Components.field("Title", id: "period-title", name: "title"),
                    .div(
                        .class("field"), .label(.for("period-kind"), "Kind"),
                        .select(
                            .id("period-kind"), .attribute(named: "name", value: "kind"),
                            .forEach(GradingPeriod.kinds) { Components.option($0, $0) })),
                    Components.field("First day", id: "period-start", name: "startsOn", type: .date),
                    Components.field("Last day", id: "period-end", name: "endsOn", type: .date),
                    .button(.type(.submit), .class("button primary"), "Add the period")))
        )
    }
}

import MasteryCore
import MasteryStore
import Plot

/// The audit log, newest first: who changed which student's record, when, and why.
struct AuditPage {
    var entries: [AuditEntry]
    var names: [Person.ID: String]

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Audit log", page, wide: true,
            Layout.heading("Audit log", eyebrow: "Administrator", lead: "The latest changes to students' records."),
            .if(
                entries.isEmpty, .p(.class("muted"), "Nothing recorded yet."),
                else: .div(
                    .class("table-scroll"),
                    .table(
                        .class("audit"),
                        .caption(.text("\(entries.count) most recent entries")),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), "When (UTC)"),
                                .th(.attribute(named: "scope", value: "col"), "Who"),
                                .th(.attribute(named: "scope", value: "col"), "What"),
                                .th(.attribute(named: "scope", value: "col"), "Student"),
                                .th(.attribute(named: "scope", value: "col"), "Details")
                            )),
                        .tbody(
                            .forEach(entries) { entry in
                                .tr(
                                    .td(.text(Components.date(entry.at))),
                                    .td(.text(names[entry.actorID] ?? entry.actorID.rawValue)),
                                    .td(.text(entry.action)),
                                    .td(.text(entry.studentID.map { names[$0] ?? $0.rawValue } ?? "–")),
                                    .td(.text("\(entry.subject); \(entry.detail)"))
                                )
                            })
                    )
                )
            )
        )
    }
}

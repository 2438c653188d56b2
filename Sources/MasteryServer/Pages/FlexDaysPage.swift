import Foundation
import MasteryCore
import Plot

/// The coordinator's flex days of a school: weekly templates (each makes the week's day), the days, and a form
/// to start either.
struct FlexDaysPage {
    var school: Organization
    var days: [FlexDay]

    func render(_ page: PageContext) -> HTML {
        let templates = days.filter { $0.status == .template }
        let dated = days.filter { $0.status != .template }
        let nextWeek = Components.isoDate(Date().addingTimeInterval(7 * 86_400))
        return Layout.page(
            "Flex days", page,
            Layout.heading(
                "Flex days", eyebrow: school.name,
                lead: "Set up the sessions; teachers request students, students choose, and Masterly proposes "
                    + "each student's day from their mastery."),
            .if(
                !templates.isEmpty,
                .section(
                    .class("card"), .id("templates"), .h2("Weekly templates"),
                    .ul(
                        .class("plain-list"),
                        .forEach(templates) { template in
                            .li(
                                .a(
                                    .href("/schedule/\(template.id.rawValue)"),
                                    .text(
                                        "\(FlexDayWords.weekday(template)) template: \(template.sessions.count) sessions, "
                                            + "\(template.mods) mods")),
                                .form(
                                    .method(.post), .action("/schedule/\(template.id.rawValue)/copy"),
                                    .class("inline-form"), Layout.csrfField(page.csrfToken),
                                    .label(.for("make-\(template.id.rawValue)"), "Make the day for"),
                                    .input(
                                        .type(.date), .id("make-\(template.id.rawValue)"), .name("day"),
                                        .value(nextWeek)),
                                    .button(.type(.submit), .class("button secondary small"), "Make the day")))
                        }))),
            .section(
                .class("card"), .id("days"), .h2("Days"),
                .if(
                    dated.isEmpty, .p(.class("muted"), "No day yet."),
                    else: .ul(
                        .class("plain-list"),
                        .forEach(dated) { day in
                            .li(
                                .a(.href("/schedule/\(day.id.rawValue)"), .text(FlexDayWords.date(day, .english))),
                                .text(
                                    " · \(day.sessions.count) sessions · \(FlexDayPage.statusName(day.status))"))
                        }))),
            .section(
                .class("card"), .id("new-day"), .h2("Start a day or a template"),
                .form(
                    .method(.post), .action("/schedule"),
                    Layout.csrfField(page.csrfToken),
                    .input(.type(.hidden), .name("school"), .value(school.id.rawValue)),
                    Components.field("Day", id: "flex-day", name: "day", type: .date, value: nextWeek),
                    Components.field("Mods", id: "flex-mods", name: "mods", type: .number, value: "6"),
                    Components.field(
                        "Mod 1 starts at", id: "flex-start", name: "startTime", type: .time, value: "08:30"),
                    Components.field(
                        "Minutes per mod", id: "flex-minutes", name: "modMinutes", type: .number, value: "20"),
                    .div(
                        .class("field"),
                        .label(
                            .class("choice"), .input(.type(.checkbox), .name("template"), .value("1")),
                            " A weekly template (make each week's day from it)")),
                    .button(.type(.submit), .class("button primary"), "Start")))
        )
    }
}

import Foundation
import MasteryCore
import MasteryInterop
import Plot

/// The data backpack: everything the student takes with them, on one page.
struct BackpackPage {
    var student: Person
    var isOwn: Bool
    var backpack: Backpack

    func render(_ page: PageContext) -> HTML {
        let profile = backpack.profiles.first
        let frameworks = Array(Set(backpack.mastery.map(\.competency.frameworkCode))).sorted()
        return Layout.page(
            isOwn ? "My backpack" : "Backpack — \(student.displayName)", page, wide: true,
            Layout.heading(
                isOwn ? "My data backpack" : "Data backpack of \(student.displayName)",
                eyebrow: backpack.student.school ?? "Student",
                lead: "Profile, plan, goals, accomplishments and mastery across every section and year — portable."),
            StudentNavigation.links(student, current: "backpack", page),
            .p(
                .a(
                    .class("button secondary"), .href("/students/\(student.id.rawValue)/backpack.json"),
                    "Download the backpack (JSON)")),
            .ul(
                .class("stat-grid"),
                .li(
                    .class("card stat"), .h2(.text("\(backpack.mastery.filter(\.mastered).count)")),
                    .p("competencies mastered")),
                .li(.class("card stat"), .h2(.text("\(backpack.goals.count)")), .p("goals")),
                .li(.class("card stat"), .h2(.text("\(backpack.reflections.count)")), .p("reflections")),
                .li(.class("card stat"), .h2(.text("\(backpack.evidence.count)")), .p("pieces of evidence"))
            ),
            .section(
                .class("card"), .h2("Profile"),
                .if(
                    profile == nil, .p(.class("muted"), "No profile yet."),
                    else: .dl(
                        .dt("Interests"), .dd(.text(profile?.interests.nilIfEmpty ?? "–")),
                        .dt("Strengths"), .dd(.text(profile?.strengths.nilIfEmpty ?? "–")),
                        .dt("Aspirations"), .dd(.text(profile?.aspirations.nilIfEmpty ?? "–")),
                        .dt("How I like to learn"),
                        .dd(.text(profile?.learningPreferences.map(\.label).joined(separator: ", ").nilIfEmpty ?? "–")))
                )),
            .section(
                .class("card"), .h2("Learning plans and goals"),
                .ul(
                    .forEach(backpack.plans) { .li(.strong(.text($0.title)), .text(" — \($0.status.label)")) },
                    .forEach(backpack.goals) { .li(.text("Goal: \($0.goal.title)")) })),
            .section(
                .class("card"), .h2("Accomplishments"),
                .if(
                    backpack.accomplishments.isEmpty, .p(.class("muted"), "None yet."),
                    else: .ul(.forEach(backpack.accomplishments) { .li(.text($0.title)) }))),
            .forEach(frameworks) { framework in
                let rows = backpack.mastery.filter { $0.competency.frameworkCode == framework }
                return .div(
                    .class("table-scroll"),
                    .table(
                        .caption(.text("Mastery — \(framework)")),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), "Competency"),
                                .th(.attribute(named: "scope", value: "col"), "Level"),
                                .th(.attribute(named: "scope", value: "col"), "Value"),
                                .th(.attribute(named: "scope", value: "col"), "Evidence"))),
                        .tbody(
                            .forEach(rows) { row in
                                .tr(
                                    .th(
                                        .attribute(named: "scope", value: "row"),
                                        .text("\(row.competency.code) — \(row.competency.title)")),
                                    .td(
                                        .text(
                                            (row.level ?? "not enough evidence") + (row.mastered ? " ✓ mastered" : ""))),
                                    .td(.text(row.value.map(DisplayRounding.text) ?? "–")),
                                    .td(.text("\(row.evidenceCount)")))
                            })))
            },
            .if(
                !backpack.transferred.isEmpty,
                .section(
                    .class("card"), .h2("Brought from another school"),
                    .ul(
                        .forEach(backpack.transferred) {
                            .li(
                                .text(
                                    "\($0.competency.frameworkCode) \($0.competency.code) — \($0.competency.title): \($0.level ?? "–")"
                                ))
                        })))
        )
    }
}

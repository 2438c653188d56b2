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
        let t = page.t
        let profile = backpack.profiles.first
        let frameworks = Array(Set(backpack.mastery.map(\.competency.frameworkCode))).sorted()
        let preferences =
            profile?.learningPreferences.map { t.data($0.label) }.joined(separator: ", ") ?? ""
        return Layout.page(
            isOwn ? t("My backpack") : t("Backpack — {name}", ["name": student.displayName]), page, wide: true,
            Layout.heading(
                isOwn ? t("My data backpack") : t("Data backpack of {name}", ["name": student.displayName]),
                eyebrow: backpack.student.school ?? t("Student"),
                lead: t(
                    "Profile, plan, goals, accomplishments and mastery across every section and year — portable.")),
            StudentNavigation.links(student, current: "backpack", page),
            .p(
                .class("no-print button-row"),
                .a(
                    .class("button secondary"), .href("/students/\(student.id.rawValue)/backpack.json"),
                    .text(t("Download the backpack (JSON)"))),
                // A readable copy: printed, or saved as PDF by the browser (shown once its script runs).
                .button(
                    .type(.button), .class("button secondary"), .attribute(named: "data-print", value: "true"),
                    .attribute(named: "hidden", value: "hidden"), .text(t("Print or save as PDF")))),
            .script(.attribute(named: "src", value: "/assets/print.js"), .attribute(named: "defer", value: "defer")),
            .ul(
                .class("stat-grid"),
                .li(
                    .class("card stat"), .h2(.text("\(backpack.mastery.filter(\.mastered).count)")),
                    .p(.text(t("competencies mastered")))),
                .li(.class("card stat"), .h2(.text("\(backpack.goals.count)")), .p(.text(t("goals")))),
                .li(.class("card stat"), .h2(.text("\(backpack.reflections.count)")), .p(.text(t("reflections")))),
                .li(
                    .class("card stat"), .h2(.text("\(backpack.evidence.count)")), .p(.text(t("pieces of evidence"))))
            ),
            .section(
                .class("card"), .h2(.text(t("Profile"))),
                .if(
                    profile == nil, .p(.class("muted"), .text(t("No profile yet."))),
                    else: .dl(
                        .dt(.text(t("Interests"))), .dd(.text(profile?.interests.nilIfEmpty ?? "–")),
                        .dt(.text(t("Strengths"))), .dd(.text(profile?.strengths.nilIfEmpty ?? "–")),
                        .dt(.text(t("Aspirations"))), .dd(.text(profile?.aspirations.nilIfEmpty ?? "–")),
                        .dt(.text(t("How I like to learn"))),
                        .dd(.text(preferences.nilIfEmpty ?? "–")))
                )),
            .section(
                .class("card"), .h2(.text(t("Learning plans and goals"))),
                .ul(
                    .forEach(backpack.plans) { plan in
                        .li(.strong(.text(plan.title)), .text(" — " + t.data(plan.status.label)))
                    },
                    .forEach(backpack.goals) { .li(.text(t("Goal: {title}", ["title": $0.goal.title]))) })),
            .section(
                .class("card"), .h2(.text(t("Accomplishments"))),
                .if(
                    backpack.accomplishments.isEmpty, .p(.class("muted"), .text(t("None yet."))),
                    else: .ul(.forEach(backpack.accomplishments) { .li(.text($0.title)) }))),
            .forEach(frameworks) { framework in
                let rows = backpack.mastery.filter { $0.competency.frameworkCode == framework }
                return .div(
                    Components.scrollRegion(t("Mastery — {framework}", ["framework": framework])),
                    .table(
                        .caption(.text(t("Mastery — {framework}", ["framework": framework]))),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text(t("Competency"))),
                                .th(.attribute(named: "scope", value: "col"), .text(t("Level"))),
                                .th(.attribute(named: "scope", value: "col"), .text(t("Value"))),
                                .th(.attribute(named: "scope", value: "col"), .text(t("Evidence"))))),
                        .tbody(
                            .forEach(rows) { row in
                                .tr(
                                    .th(
                                        .attribute(named: "scope", value: "row"),
                                        .text("\(row.competency.code) — \(row.competency.title)")),
                                    .td(.text(levelText(row, t))),
                                    .td(.text(row.value.map(DisplayRounding.text) ?? "–")),
                                    .td(.text("\(row.evidenceCount)")))
                            })))
            },
            .if(
                !backpack.transferred.isEmpty,
                .section(
                    .class("card"), .h2(.text(t("Brought from another school"))),
                    .ul(
                        .forEach(backpack.transferred) { row in
                            let level = row.level.map { t.data($0) } ?? "–"
                            return .li(
                                .text(
                                    "\(row.competency.frameworkCode) \(row.competency.code) — \(row.competency.title): \(level)"
                                ))
                        })))
        )
    }

    /// A mastery row's level as families read it: the level's name (or that there is not enough evidence yet),
    /// and whether it is mastered.
    func levelText(_ row: Backpack.Mastery, _ t: Translator) -> String {
        let level = row.level.map { t.data($0) } ?? t("not enough evidence")
        return row.mastered ? level + " " + t("✓ mastered") : level
    }
}

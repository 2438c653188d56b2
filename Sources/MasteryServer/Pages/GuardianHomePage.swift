import Foundation
import MasteryCore
import Plot

/// A guardian's home: each linked child, how they are doing, in plain language, read-only.
struct GuardianHomePage {
    struct Child {
        var student: Person
        var sections: [String]
        var summaries: [MasterySummary]
        /// The family's previous visit (nil: the first, or not known — then the last two weeks).
        var since: Date? = nil
        /// What changed since then, each with its level now.
        var changes: [(item: RecentChanges.Item, level: ProficiencyLevel?)] = []
    }

    var guardian: Person
    var children: [Child]
    /// What awaits the family (a plan to acknowledge).
    var needsYou: [NeedsYouEntry] = []

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        return Layout.page(
            t("My children"), page,
            Layout.heading(
                t("Welcome, {name}", ["name": guardian.givenName]), eyebrow: t("Family"),
                lead: t("Follow your child's learning: what they can do now and what comes next.")),
            NeedsYouCard.render(needsYou, page),
            .if(
                children.isEmpty,
                .p(.class("muted"), .text(t("No student is linked to your account yet. Please contact the school."))),
                else: .ul(
                    .class("card-grid"),
                    .forEach(children) { child in
                        .li(
                            .class("card"),
                            .h2(
                                .a(
                                    .class("child-link"), .href("/students/\(child.student.id.rawValue)"),
                                    .text(child.student.displayName))),
                            .p(.class("muted"), .text(child.sections.joined(separator: " · "))),
                            Components.summaryList(child.summaries, t: t),
                            changes(child, t),
                            .ul(
                                .class("plain-list"),
                                .forEach(
                                    [
                                        ("", t("Tracker: what {name} can do", ["name": child.student.givenName])),
                                        ("/goals", t("Goals")), ("/plan", t("Learning plan")),
                                        ("/conference", t("Conference report")),
                                    ]
                                ) { path, label in
                                    .li(.a(.href("/students/\(child.student.id.rawValue)\(path)"), .text(label)))
                                })
                        )
                    })
            )
        )
    }

    /// What changed since the family's last visit: each competency with new evidence, in the child's own
    /// "I can" words, with its level now and how many pieces of evidence are new.
    func changes(_ child: Child, _ t: Translator) -> Node<HTML.BodyContext> {
        .section(
            .class("since-visit"),
            .h3(
                .text(
                    child.since.map { t("Since your last visit on {date}", ["date": t.date($0)]) }
                        ?? t("In the last two weeks"))),
            .if(
                child.changes.isEmpty,
                .p(.class("muted"), .text(t("No new evidence since then."))),
                else: .ul(
                    .class("plain-list change-list"),
                    .forEach(child.changes) { change in
                        .li(
                            .text("“\(t.data(change.item.competency.title))” "),
                            Components.levelBadge(change.level, value: change.item.record?.value, t: t),
                            .span(
                                .class("small muted"),
                                .text(
                                    " "
                                        + (change.item.count == 1
                                            ? t("1 new piece of evidence")
                                            : t(
                                                "{count} new pieces of evidence",
                                                ["count": t.number(change.item.count)]))))
                        )
                    })))
    }
}

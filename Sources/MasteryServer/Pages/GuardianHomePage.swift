import MasteryCore
import Plot

/// A guardian's home: each linked child, how they are doing, in plain language, read-only.
struct GuardianHomePage {
    struct Child {
        var student: Person
        var sections: [String]
        var summaries: [MasterySummary]
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
}

import MasteryCore
import Plot

/// A student's data tracker: every competency of their sections with the level, what that level looks like
/// ("I can …"), what the next level looks like, academics and habits shown apart.
struct StudentPage {
    struct SectionBlock {
        var section: Section
        var courseTitle: String
        var curriculum: Curriculum
        var records: [Competency.ID: MasteryRecord]
        /// The academic competencies' growth over time (each score, and the average so far).
        var growth: [GrowthSeries.Point] = []
        /// The competencies charted one line each (chosen, or those with the most scored evidence), with the
        /// academic competencies that have scored evidence to choose from.
        var lines: [(competency: Competency, points: [GrowthSeries.Point])] = []
        var chartable: [Competency] = []
    }

    var student: Person
    var blocks: [SectionBlock]
    var recent: [(evidence: Evidence, competency: Competency)]
    var isOwnTracker: Bool
    /// The advisor's first recommendations (the "what to do next" panel).
    var nextSteps: [NextStepAdvisor.Step] = []
    /// On the student's own tracker: what awaits them (feedback, a plan to acknowledge, a goal coming due).
    var needsYou: [NeedsYouEntry] = []

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        let title = isOwnTracker ? t("My tracker") : "\(student.displayName)"
        return Layout.page(
            title, page,
            Layout.heading(
                title,
                eyebrow: isOwnTracker
                    ? t("Hi, {name}", ["name": student.givenName])
                    : t("Student") + (student.gradeLevel.map { " · " + t("grade {grade}", ["grade": $0]) } ?? ""),
                lead: t(
                    "Each competency shows the level reached, what it looks like, and what the next level looks like.")
            ),
            NeedsYouCard.render(needsYou, page),
            StudentNavigation.links(student, current: "tracker", page),
            .p(
                .a(
                    .class("button secondary"), .href("/students/\(student.id.rawValue)/mastery.csv"),
                    .text(
                        isOwnTracker
                            ? t("Download my mastery report (CSV)") : t("Download the mastery report (CSV)")))),
            nextPanel(t),
            .forEach(blocks) { block in section(block, t) },
            .section(
                .class("card"),
                .h2(.text(t("Recent evidence"))),
                .if(
                    recent.isEmpty, .p(.class("muted"), .text(t("No evidence yet."))),
                    else: .ul(
                        .class("evidence-list"),
                        .forEach(recent) { item in
                            .li(
                                .span(.class("muted"), .text(t.date(item.evidence.observedAt) + " · ")),
                                .a(
                                    .href(
                                        "/students/\(student.id.rawValue)/competencies/\(item.competency.id.rawValue)"),
                                    .text("\(item.competency.code) \(item.competency.title)")),
                                .text(": \(item.evidence.score.map(DisplayRounding.text) ?? t("no score"))"),
                                .unwrap(item.evidence.comment) { .span(.class("comment"), .text(" — “\($0)”")) }
                            )
                        })
                )
            )
        )
    }

    func nextPanel(_ t: Translator) -> Node<HTML.BodyContext> {
        .section(
            .class("card next-panel"), .id("next-panel"), .attribute(named: "aria-labelledby", value: "next-title"),
            .h2(.id("next-title"), .text(t("What to do next"))),
            .if(
                nextSteps.isEmpty, .p(.class("muted"), .text(t("Nothing is unlocked right now."))),
                else: .ol(
                    .forEach(nextSteps) { step in
                        .li(
                            .strong(.text("\(step.competency.code) — \(step.competency.title)")),
                            .unwrap(step.why.first) { .text(": " + NextStepWords(t: t).reason($0)) }
                        )
                    })
            ),
            .p(
                .a(
                    .class("button primary"), .href("/students/\(student.id.rawValue)/next-steps"),
                    .text(isOwnTracker ? t("See my next steps and playlists") : t("See next steps and playlists"))))
        )
    }

    /// Growth over time in the section's academic competencies: one line per competency charted (each score a
    /// marker, the level so far a line) against the mastery threshold, and a choice of which to chart.
    func growthChart(_ block: SectionBlock, _ t: Translator) -> Node<HTML.BodyContext> {
        let scale = block.curriculum.leafCompetencies.first { $0.kind == .academic }
            .flatMap { block.curriculum.scale(for: $0) }
        return .unwrap(scale) { scale in
            .div(
                .class("tracker-growth"), .id("growth-\(block.section.id.rawValue)"),
                .h3(.text(isOwnTracker ? t("My growth") : t("Growth"))),
                .raw(
                    GrowthChart.render(
                        lines: block.lines.map { .init(name: $0.competency.code, points: chartPoints($0.points)) },
                        minimum: scale.lowestValue, maximum: scale.pointsPossible, threshold: scale.masteryThreshold,
                        label: t(
                            "Scores of {name} in {course} over time, one line per competency",
                            ["name": student.displayName, "course": block.courseTitle]), t: t)),
                .if(block.chartable.count > 1, chartChooser(block, t)))
        }
    }

    func chartPoints(_ points: [GrowthSeries.Point]) -> [GrowthChart.Point] {
        points.map { .init(date: $0.date, score: $0.score, running: $0.average) }
    }

    /// Which competencies to chart (at most four), kept in the address so the choice can be bookmarked.
    func chartChooser(_ block: SectionBlock, _ t: Translator) -> Node<HTML.BodyContext> {
        let charted = Set(block.lines.map(\.competency.id))
        // Folded: the chart comes first, the choice one tap away (the list is long on a phone).
        return .details(
            .class("chart-choice no-print"),
            .summary(.text(t("Choose what to chart"))),
            chartForm(block, charted: charted, t))
    }

    func chartForm(_ block: SectionBlock, charted: Set<Competency.ID>, _ t: Translator) -> Node<HTML.DetailsContext> {
        .form(
            .method(.get), .action("#growth-\(block.section.id.rawValue)"),
            .fieldset(
                .element(
                    named: "legend",
                    text: t("Competencies to chart (up to {count})", ["count": t.number(GrowthChart.maximumLines)])),
                .div(
                    .class("inline-choices"),
                    .forEach(block.chartable) { competency in
                        .label(
                            .input(
                                .type(.checkbox), .name("chart"), .value(competency.id.rawValue),
                                .checked(charted.contains(competency.id))),
                            .text(" \(competency.code) — \(competency.title)"))
                    })),
            .button(.type(.submit), .class("button secondary"), .text(t("Show on the chart"))))
    }

    func section(_ block: SectionBlock, _ t: Translator) -> Node<HTML.BodyContext> {
        let summaries = MasterySummary.summaries(
            competencies: block.curriculum.leafCompetencies, records: block.records)
        return .section(
            .class("card tracker-section"),
            .h2(.text(block.section.name)),
            .p(.class("muted"), .text(block.courseTitle)),
            Components.summaryList(summaries, t: t),
            growthChart(block, t),
            .forEach(CompetencyKind.allCases) { kind in
                let competencies = block.curriculum.leafCompetencies.filter { $0.kind == kind }
                return .if(!competencies.isEmpty, kindTable(kind, competencies, block, t))
            }
        )
    }

    func kindTable(
        _ kind: CompetencyKind, _ competencies: [Competency], _ block: SectionBlock, _ t: Translator
    ) -> Node<HTML.BodyContext> {
        .div(
            Components.scrollRegion(t.data(kind.displayName)),
            .table(
                .class("tracker stack-on-phone kind-\(kind.rawValue)"),
                .caption(.text(t.data(kind.displayName))),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), .text(t("Competency"))),
                        .th(.attribute(named: "scope", value: "col"), .text(t("Level"))),
                        .th(
                            .attribute(named: "scope", value: "col"),
                            .text(isOwnTracker ? t("What I can do now") : t("What they can do now"))),
                        .th(.attribute(named: "scope", value: "col"), .text(t("Next step")))
                    )),
                .tbody(
                    .forEach(competencies) { competency in
                        let record = block.records[competency.id]
                        let scale = block.curriculum.scale(for: competency)
                        let level = record?.value.flatMap { scale?.level(for: $0) }
                        let next =
                            level.flatMap { scale?.level(after: $0) } ?? (level == nil ? scale?.levels.first : nil)
                        return .tr(
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .a(
                                    .href("/students/\(student.id.rawValue)/competencies/\(competency.id.rawValue)"),
                                    .span(.class("code"), .text(competency.code)), .text(" " + competency.title))
                            ),
                            .td(
                                .data(named: "label", value: t("Level")),
                                Components.levelBadge(level, value: record?.value, t: t),
                                Components.mastered(record?.mastered ?? false, t: t)),
                            .td(
                                .data(
                                    named: "label",
                                    value: isOwnTracker ? t("What I can do now") : t("What they can do now")),
                                .text(
                                    level.flatMap { block.curriculum.indicator(for: competency.id, level: $0.value) }
                                        ?? t("Not enough evidence yet."))),
                            .td(
                                .data(named: "label", value: t("Next step")),
                                .text(
                                    next.flatMap { block.curriculum.indicator(for: competency.id, level: $0.value) }
                                        ?? (level == nil ? "" : t("Top level reached."))))
                        )
                    })
            )
        )
    }
}

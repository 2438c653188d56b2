import Foundation
import MasteryCore
import Plot

/// The student-led conference report, made to be printed (or saved as PDF by the browser).
struct ConferencePage {
    struct Chart {
        var competency: Competency
        var points: [GrowthChart.Point]
        var scale: ProficiencyScale
    }

    var student: Person
    var isOwn: Bool
    var strengths: [Competency]
    var charts: [Chart]
    var goals: [Goal]
    var records: [Competency.ID: MasteryRecord]
    var featured: [Evidence]
    var allEvidence: [Evidence]
    var picks: Set<EvidenceEvent.ID>
    var reflections: [Reflection]
    var nextSteps: [NextStepAdvisor.Step]
    var curriculum: Curriculum
    var now: Date
    var message: String?

    /// A competency as families read it: its code with its statement, never the bare code.
    func code(_ id: Competency.ID) -> String {
        guard let competency = curriculum.competency(id) else { return id.rawValue }
        return "\(competency.code) — \(competency.title)"
    }
    func title(_ id: Competency.ID) -> String { curriculum.competency(id)?.title ?? "" }

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Conference report — \(student.displayName)", page,
            .div(
                .class("conference"),
                Layout.heading(
                    "\(student.displayName): my learning", eyebrow: "Student-led conference · \(Components.date(now))",
                    lead: "What I can do, how I have grown, my goals and what comes next."),
                .unwrap(message) {
                    .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text($0))
                },
                StudentNavigation.links(student, current: "conference", page),
                .p(.class("muted print-hint"), "To print or save as PDF, use your browser's Print command."),
                .section(
                    .class("card"), .h2("My strengths"),
                    .if(
                        strengths.isEmpty, .p(.class("muted"), "Nothing mastered yet: see my next steps."),
                        else: .ul(.forEach(strengths) { .li(.strong(.text($0.code)), .text(" — \($0.title)")) }))),
                .section(
                    .class("card"), .h2("How I have grown"),
                    .forEach(charts) { chart in
                        .div(
                            .class("conference-chart"),
                            .h3(.text("Growth on \(chart.competency.code): \(chart.competency.title)")),
                            .raw(
                                GrowthChart.svg(
                                    points: chart.points, maximum: chart.scale.pointsPossible,
                                    threshold: chart.scale.masteryThreshold,
                                    label:
                                        "\(student.displayName)'s scores on \(chart.competency.code), \(chart.competency.title), over time"
                                )))
                    }),
                .section(
                    .class("card"), .h2("My goals"),
                    .if(
                        goals.isEmpty, .p(.class("muted"), "No goals yet."),
                        else: .ul(
                            .forEach(goals) { goal in
                                .li(
                                    .strong(.text(goal.title)),
                                    .text(
                                        " — \(goal.state(records: records, at: now).label), "
                                            + "\(Int((goal.fraction(records: records) * 100).rounded()))% of the way"))
                            }))),
                .section(
                    .class("card"), .h2("Evidence I chose to share"),
                    .if(
                        featured.isEmpty, .p(.class("muted"), "No evidence chosen yet."),
                        else: .ul(
                            .forEach(featured) { piece in
                                .li(
                                    .strong(
                                        .text("\(code(piece.competencyID)) on \(Components.date(piece.observedAt))")),
                                    .text(piece.score.map { ": level \(DisplayRounding.text($0))" } ?? ""),
                                    .unwrap(piece.comment) { .text(" — “\($0)”") },
                                    .forEach(reflections.filter { $0.evidenceID == piece.id }) { reflection in
                                        .p(
                                            .class("small"),
                                            .text("My reflection: \(reflection.wentWell) \(reflection.tryNext)"))
                                    })
                            }))),
                .section(
                    .class("card"), .h2("My next steps"),
                    .ol(
                        .forEach(nextSteps) {
                            .li(.strong(.text($0.competency.code)), .text(" — \($0.competency.title)"))
                        })),
                .if(isOwn, picker(page))
            )
        )
    }

    /// The evidence offered: the 40 newest pieces, and every piece already featured (so saving keeps older
    /// picks), newest first.
    var choices: [Evidence] {
        let newest = Array(allEvidence.prefix(40))
        let shown = Set(newest.map(\.id))
        return (newest + allEvidence.dropFirst(40).filter { picks.contains($0.id) && !shown.contains($0.id) })
    }

    func picker(_ page: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card no-print"), .id("choose-evidence"),
            .h2("Choose the evidence to feature"),
            .form(
                .method(.post), .action("/students/\(student.id.rawValue)/conference/picks"), .id("picks-form"),
                Layout.csrfField(page.csrfToken),
                .fieldset(
                    .element(named: "legend", text: "Evidence"),
                    .div(
                        .class("choice-column"),
                        .forEach(choices) { piece in
                            .label(
                                .class("choice"),
                                .input(
                                    .type(.checkbox), .name("evidence"), .value(piece.id.rawValue),
                                    .checked(picks.contains(piece.id))),
                                .text(
                                    " \(code(piece.competencyID)) on \(Components.date(piece.observedAt))"
                                        + (piece.score.map { ": \(DisplayRounding.text($0))" } ?? "")
                                        + (piece.comment.map { " — “\($0)”" } ?? "")))
                        })),
                .button(.type(.submit), .class("button primary"), "Feature these")
            )
        )
    }
}

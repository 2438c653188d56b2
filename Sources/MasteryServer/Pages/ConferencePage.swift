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
    /// The handed-in work behind featured evidence that scored it: shown with it.
    var work: [EvidenceEvent.ID: Submission] = [:]
    /// Who the report is from, for the printed copy a family keeps.
    var header = Header()

    /// The school and the classes the report covers.
    struct Header {
        struct Class {
            var course: String
            var section: String
            var term: String
            var teachers: [String]
        }
        var school: String?
        var classes: [Class] = []
    }

    /// A competency as families read it: its code with its statement, never the bare code.
    func code(_ id: Competency.ID) -> String {
        guard let competency = curriculum.competency(id) else { return id.rawValue }
        return "\(competency.code) — \(competency.title)"
    }
    func title(_ id: Competency.ID) -> String { curriculum.competency(id)?.title ?? "" }

    /// A piece of evidence as families read it: the competency and the day it was observed.
    func observed(_ piece: Evidence, _ t: Translator) -> String {
        t("{competency} on {date}", ["competency": code(piece.competencyID), "date": t.date(piece.observedAt)])
    }

    /// How far a goal is: its state and the share of the way done.
    func progress(_ goal: Goal, _ t: Translator) -> String {
        let percent = Int((goal.fraction(records: records) * 100).rounded())
        return t.data(goal.state(records: records, at: now).label) + ", "
            + t("{percent}% of the way", ["percent": "\(percent)"])
    }

    /// A featured piece's score, as its level.
    func scored(_ piece: Evidence, _ t: Translator) -> String {
        piece.score.map { ": " + t("level {score}", ["score": DisplayRounding.text($0)]) } ?? ""
    }

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        return Layout.page(
            t("Conference report — {name}", ["name": student.displayName]), page,
            .div(
                .class("conference"),
                Layout.heading(
                    t("{name}: my learning", ["name": student.displayName]),
                    eyebrow: t("Student-led conference · {date}", ["date": t.date(now)]),
                    lead: t("What I can do, how I have grown, my goals and what comes next.")),
                .unwrap(message) {
                    .div(
                        .class("notice notice-ok no-print"), .attribute(named: "role", value: "status"),
                        .text(t.data($0)))
                },
                StudentNavigation.links(student, current: "conference", page),
                facts(t),
                Components.printButton(t),
                .section(
                    .class("card"), .h2(.text(t("My strengths"))),
                    .if(
                        strengths.isEmpty, .p(.class("muted"), .text(t("Nothing mastered yet: see my next steps."))),
                        else: .ul(.forEach(strengths) { .li(.strong(.text($0.code)), .text(" — \($0.title)")) }))),
                .section(
                    .class("card"), .h2(.text(t("How I have grown"))),
                    .div(
                        .class("conference-charts"),
                        .forEach(charts) { chart in
                            .div(
                                .class("conference-chart"),
                                .h3(
                                    .text(
                                        t(
                                            "Growth on {code}: {title}",
                                            ["code": chart.competency.code, "title": chart.competency.title]))),
                                .raw(
                                    GrowthChart.render(
                                        points: chart.points, minimum: chart.scale.lowestValue,
                                        maximum: chart.scale.pointsPossible,
                                        threshold: chart.scale.masteryThreshold,
                                        label: t(
                                            "{name}'s scores on {code}, {title}, over time",
                                            [
                                                "name": student.displayName, "code": chart.competency.code,
                                                "title": chart.competency.title,
                                            ]), t: t
                                    )))
                        })),
                .section(
                    .class("card"), .h2(.text(t("My goals"))),
                    .if(
                        goals.isEmpty, .p(.class("muted"), .text(t("No goals yet."))),
                        else: .ul(
                            .forEach(goals) { goal in
                                .li(.strong(.text(goal.title)), .text(" — " + progress(goal, t)))
                            }))),
                .section(
                    .class("card"), .h2(.text(t("Evidence I chose to share"))),
                    .if(
                        featured.isEmpty, .p(.class("muted"), .text(t("No evidence chosen yet."))),
                        else: .ul(
                            .forEach(featured) { piece in
                                .li(
                                    .strong(.text(observed(piece, t))),
                                    .text(scored(piece, t)),
                                    .unwrap(piece.comment) { .text(" — “\($0)”") },
                                    .unwrap(work[piece.id]) { submission in
                                        WorkSummary(
                                            submission: submission,
                                            names: Dictionary(
                                                curriculum.competencies.map { ($0.id, $0) },
                                                uniquingKeysWith: { a, _ in a })
                                        ).render(page)
                                    },
                                    .forEach(reflections.filter { $0.evidenceID == piece.id }) { reflection in
                                        answers(reflection, t)
                                    })
                            }))),
                .unwrap(otherReflections.isEmpty ? nil : otherReflections) { shown in
                    .section(
                        .class("card"), .h2(.text(t("My reflections"))),
                        .ul(.forEach(shown) { reflection in .li(answers(reflection, t)) }))
                },
                .section(
                    .class("card"), .h2(.text(t("My next steps"))),
                    .ol(
                        .forEach(nextSteps) {
                            .li(.strong(.text($0.competency.code)), .text(" — \($0.competency.title)"))
                        })),
                .if(isOwn, picker(page))
            )
        )
    }

    /// The school, the classes with their teachers and term, and the day: the printed copy's header.
    func facts(_ t: Translator) -> Node<HTML.BodyContext> {
        .dl(
            .class("report-facts"),
            .unwrap(header.school) { school in .group(.dt(.text(t("School"))), .dd(.text(school))) },
            .if(
                !header.classes.isEmpty,
                .group(
                    .dt(.text(t("Classes"))),
                    .forEach(header.classes) { item in
                        .dd(
                            .text(
                                // "Math 6 — Period 1", not "Math 6 — Math 6 — Period 1".
                                (item.section.hasPrefix(item.course)
                                    ? item.section : "\(item.course) — \(item.section)")
                                    + " · \(item.term)"
                                    + (item.teachers.isEmpty
                                        ? ""
                                        : " · "
                                            + t("Teacher: {names}", ["names": item.teachers.joined(separator: ", ")]))
                            ))
                    })),
            .dt(.text(t("Date"))), .dd(.text(t.date(now))))
    }

    /// A reflection's two answers, each with its question.
    func answers(_ reflection: Reflection, _ t: Translator) -> Node<HTML.BodyContext> {
        .div(
            .class("reflection-answers small"),
            .unwrap(reflection.wentWell.isEmpty ? nil : reflection.wentWell) {
                .p(.strong(.text(t("Went well:") + " ")), .text($0))
            },
            .unwrap(reflection.tryNext.isEmpty ? nil : reflection.tryNext) {
                .p(.strong(.text(t("I'll try next:") + " ")), .text($0))
            })
    }

    /// The newest shared reflections not already shown beside featured evidence (at most three).
    var otherReflections: [Reflection] {
        let featuredIDs = Set(featured.map(\.id))
        return Array(
            reflections.filter { $0.evidenceID.map { !featuredIDs.contains($0) } ?? true }
                .sorted { $0.at > $1.at }.prefix(3))
    }

    /// The evidence offered: the 40 newest pieces, and every piece already featured (so saving keeps older
    /// picks), newest first.
    var choices: [Evidence] {
        let newest = Array(allEvidence.prefix(40))
        let shown = Set(newest.map(\.id))
        return (newest + allEvidence.dropFirst(40).filter { picks.contains($0.id) && !shown.contains($0.id) })
    }

    func picker(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .section(
            .class("card no-print"), .id("choose-evidence"),
            .h2(.text(t("Choose the evidence to feature"))),
            .form(
                .method(.post), .action("/students/\(student.id.rawValue)/conference/picks"), .id("picks-form"),
                Layout.csrfField(page.csrfToken),
                .fieldset(
                    .element(named: "legend", text: t("Evidence")),
                    .div(
                        .class("choice-column"),
                        .forEach(choices) { piece in
                            .label(
                                .class("choice"),
                                .input(
                                    .type(.checkbox), .name("evidence"), .value(piece.id.rawValue),
                                    .checked(picks.contains(piece.id))),
                                .text(choiceLabel(piece, t)))
                        })),
                .button(.type(.submit), .class("button primary"), .text(t("Feature these")))
            )
        )
    }

    /// A piece of evidence offered in the picker: the competency, the day, the score and the comment.
    func choiceLabel(_ piece: Evidence, _ t: Translator) -> String {
        let score = piece.score.map { ": \(DisplayRounding.text($0))" } ?? ""
        let comment = piece.comment.map { " — “\($0)”" } ?? ""
        return " " + observed(piece, t) + score + comment
    }
}

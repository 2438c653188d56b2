import Foundation
import MasteryCore
import Plot

/// The drill-down of one student on one competency: the explanation (evidence in order, method, arithmetic,
/// level), a growth chart, every method side by side, and — for the student's teacher — forms to record,
/// correct or exclude evidence.
struct CompetencyPage {
    var student: Person
    var competency: Competency
    var curriculum: Curriculum
    var scale: ProficiencyScale
    var policy: MasteryPolicy
    var evidence: [Evidence]
    var explanation: Explanation
    var comparison: [Explanation]
    var canRecord: Bool
    /// Corrections and exclusions, newest first, with who made them.
    var corrections: [EvidenceCorrection] = []
    var names: [Person.ID: String] = [:]
    /// Read by a guardian: plain words first — the level, what it looks like, what comes next — with the
    /// arithmetic one click away and no comparison of methods (a teacher's tool).
    var forFamily = false
    var message: String?
    var formError: FormError?
    /// For a teacher: the way back to the section's gradebook and on to the students before and after.
    var classNavigation: ClassNavigation? = nil

    struct ClassNavigation {
        var section: Section
        var previous: Person?
        var next: Person?
    }

    struct FormError {
        var field: String
        var message: String
    }

    var base: String { "/students/\(student.id.rawValue)/competencies/\(competency.id.rawValue)" }

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        return Layout.page(
            "\(competency.code) · \(student.displayName)", page,
            .p(
                .class("breadcrumb"),
                .unwrap(classNavigation) { nav in
                    .group(
                        .a(.href("/sections/\(nav.section.id.rawValue)"), .text("← Gradebook of \(nav.section.name)")),
                        .text(" · "))
                },
                .a(
                    .href("/students/\(student.id.rawValue)"),
                    .text("\(classNavigation == nil ? "← " : "")\(student.displayName)")),
                .unwrap(classNavigation?.previous) { previous in
                    .group(
                        .text(" · "),
                        .a(
                            .href("/students/\(previous.id.rawValue)/competencies/\(competency.id.rawValue)"),
                            .attribute(named: "rel", value: "prev"), .text("‹ Previous: \(previous.displayName)")))
                },
                .unwrap(classNavigation?.next) { next in
                    .group(
                        .text(" · "),
                        .a(
                            .href("/students/\(next.id.rawValue)/competencies/\(competency.id.rawValue)"),
                            .attribute(named: "rel", value: "next"), .text("Next: \(next.displayName) ›")))
                }),
            Layout.heading(competency.title, eyebrow: "\(competency.code) · \(t.data(competency.kind.displayName))"),
            .unwrap(message) { Components.notice($0, error: false) },
            .unwrap(formError) { Components.notice("\($0.message)", error: true) },
            .section(
                .class("card"), .id("mastery"),
                .h2(.text(t("Current level"))),
                .p(
                    Components.levelBadge(explanation.level, value: explanation.value, t: t),
                    Components.mastered(explanation.mastered, t: t)),
                .if(!forFamily, .p(.text(t.data(explanation.summary)))),
                .unwrap(explanation.level.flatMap { curriculum.indicator(for: competency.id, level: $0.value) }) {
                    .p(.strong(.text(t("What this level looks like:") + " ")), .text($0))
                },
                .if(forFamily, nextLevel(t), else: policyLine(t))
            ),
            .section(
                .class("card"),
                .h2(.text(t("Growth"))),
                .raw(
                    GrowthChart.render(
                        points: chartPoints, minimum: scale.lowestValue, maximum: scale.pointsPossible,
                        threshold: scale.masteryThreshold,
                        label: t(
                            "Scores of {name} on {code} over time",
                            ["name": student.displayName, "code": competency.code]), t: t)),
                .if(
                    forFamily,
                    .element(
                        named: "details",
                        nodes: [
                            .class("how-calculated"),
                            .element(named: "summary", nodes: [.text(t("How was this worked out?"))]),
                            calculation(t), ExplanationView.steps(explanation, t: t),
                        ]),
                    else: ExplanationView.steps(explanation, t: t))
            ),
            ExplanationView.evidenceTable(
                explanation, evidence: evidence, base: base, canCorrect: canRecord, csrf: page.csrfToken, scale: scale,
                t: t),
            CorrectionTrail.section(corrections, names: names),
            .if(
                !forFamily,
                .section(
                    .class("card"),
                    .h2(.text(t("What would each method give?"))),
                    ExplanationView.comparison(comparison, current: policy.method, t: t)
                )),
            .if(canRecord, recordForm(page))
        )
    }

    /// The result in the calculation's own terms and the rule used.
    func calculation(_ t: Translator) -> Node<HTML.BodyContext> {
        .group(.p(.text(t.data(explanation.summary))), policyLine(t))
    }

    func policyLine(_ t: Translator) -> Node<HTML.BodyContext> {
        .p(.class("muted"), .text(t("Calculation policy: {policy}.", ["policy": t.data(policy.summary)])))
    }

    /// What the next level looks like, in the framework's words, or that the top is reached.
    func nextLevel(_ t: Translator) -> Node<HTML.BodyContext> {
        let next =
            explanation.level.flatMap { scale.level(after: $0) }
            ?? (explanation.level == nil ? scale.levels.first : nil)
        return .if(
            explanation.level != nil && next == nil, .p(.text(t("Top level reached."))),
            else: .unwrap(next.flatMap { curriculum.indicator(for: competency.id, level: $0.value) }) {
                .p(.strong(.text(t("What comes next:") + " ")), .text($0))
            })
    }

    var chartPoints: [GrowthChart.Point] {
        var points: [GrowthChart.Point] = []
        var scores: [Double] = []
        for piece in evidence {
            guard let score = piece.score else { continue }
            scores.append(score)
            let running = MasteryCalculator.value(of: scores, method: policy.method, scale: scale.calculationScale)
            points.append(.init(date: piece.observedAt, score: score, running: running))
        }
        return points
    }

    func recordForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("record"),
            .h2("Record evidence"),
            .form(
                .method(.post), .action("\(base)/evidence"), .id("record-form"),
                Layout.csrfField(page.csrfToken),
                .fieldset(
                    .element(named: "legend", text: "Level shown"),
                    .div(
                        .class("choice-row"),
                        .forEach(scale.levels) { level in
                            .label(
                                .class("choice"),
                                .input(
                                    .type(.radio), .name("score"), .value(DisplayRounding.text(level.value)),
                                    .required(true)),
                                .text(" \(DisplayRounding.text(level.value)) \(level.label)")
                            )
                        })
                ),
                .div(
                    .class("field"),
                    .label(.for("kind"), "Kind of evidence"),
                    .select(
                        .id("kind"), .attribute(named: "name", value: "kind"),
                        Components.option("observation", "Observation"),
                        Components.option("conference", "Conference note"),
                        Components.option("entry", "Other work"))
                ),
                .div(
                    .class("field"),
                    .label(.for("observed"), "Observed on"),
                    .input(.type(.date), .id("observed"), .name("observed"), .value(Components.isoDate(Date())))
                ),
                .div(
                    .class("field"),
                    .label(.for("comment"), "Feedback (optional)"),
                    .textarea(.id("comment"), .name("comment"), .attribute(named: "rows", value: "2"))
                ),
                .button(.type(.submit), .class("button primary"), "Save evidence")
            )
        )
    }
}

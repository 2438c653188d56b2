import Foundation
import MasteryCore
import Plot

/// How an explanation is shown: the steps, the evidence timeline, the method comparison.
enum ExplanationView {
    static func steps(_ explanation: Explanation, t: Translator = .english) -> Node<HTML.BodyContext> {
        .div(
            .class("explanation"),
            .h3(
                .text(
                    t(
                        "How it was calculated ({method})",
                        [
                            "method": t.data(explanation.method.displayName)
                                + (explanation.parameter.map { " \($0)" } ?? "")
                        ]))),
            .ol(
                .forEach(explanation.steps) { step in
                    .li(.text(t.data(step.text)), .unwrap(step.value) { .strong(.text(" = \(precise($0))")) })
                })
        )
    }

    static func precise(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func evidenceTable(
        _ explanation: Explanation, evidence: [Evidence], base: String, canCorrect: Bool, csrf: String,
        scale: ProficiencyScale, t: Translator = .english
    ) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("evidence"),
            .h2(.text(t("Evidence, oldest first"))),
            .if(
                evidence.isEmpty, .p(.class("muted"), .text(t("No evidence yet."))),
                else: .div(
                    Components.scrollRegion(t("Each piece of evidence and its share of the result")),
                    .table(
                        .class("evidence"),
                        .caption(.text(t("Each piece of evidence and its share of the result"))),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), "#"),
                                .th(.attribute(named: "scope", value: "col"), .text(t("Observed"))),
                                .th(.attribute(named: "scope", value: "col"), .text(t("Score"))),
                                .th(.attribute(named: "scope", value: "col"), .text(t("Weight"))),
                                .th(.attribute(named: "scope", value: "col"), .text(t("Source and feedback"))),
                                .if(canCorrect, .th(.attribute(named: "scope", value: "col"), "Correct"))
                            )),
                        .tbody(
                            .forEach(Array(zip(evidence, explanation.evidence))) { piece, line in
                                .tr(
                                    .td(.text(line.position.map(String.init) ?? "–")),
                                    .td(.text(t.date(piece.observedAt))),
                                    .td(
                                        .text(piece.score.map(DisplayRounding.text) ?? t("none")),
                                        .if(
                                            !piece.corrections.isEmpty,
                                            .span(.class("tag"), .text(" " + t("corrected"))))),
                                    .td(
                                        .text(line.weight.map { "\(Int(($0 * 100).rounded()))%" } ?? (line.note ?? ""))),
                                    .td(
                                        .text(t.data(piece.source.displayName)),
                                        .unwrap(piece.comment) { .span(.class("comment"), .text(" — “\($0)”")) }),
                                    .if(canCorrect, .td(correctionForms(piece, base: base, csrf: csrf, scale: scale)))
                                )
                            })
                    )
                )
            )
        )
    }

    static func correctionForms(
        _ piece: Evidence, base: String, csrf: String, scale: ProficiencyScale
    ) -> Node<HTML.BodyContext> {
        let id = piece.id.rawValue
        return .details(
            .summary("Correct or exclude"),
            .form(
                .method(.post), .action("\(base)/evidence/\(id)/correct"), .class("inline-form"),
                Layout.csrfField(csrf),
                .label(.for("score-\(id)"), "New score"),
                .select(
                    .id("score-\(id)"), .attribute(named: "name", value: "score"),
                    .forEach(scale.levels) { level in
                        .element(
                            named: "option",
                            nodes: [
                                .attribute(named: "value", value: DisplayRounding.text(level.value)),
                                .text("\(DisplayRounding.text(level.value)) \(level.label)"),
                            ])
                    }),
                .label(.for("reason-c-\(id)"), "Reason"),
                .input(.type(.text), .id("reason-c-\(id)"), .name("reason"), .required(true)),
                .button(.type(.submit), .class("button small"), "Correct")
            ),
            .form(
                .method(.post), .action("\(base)/evidence/\(id)/exclude"), .class("inline-form"),
                Layout.csrfField(csrf),
                .label(.for("reason-x-\(id)"), "Reason"),
                .input(.type(.text), .id("reason-x-\(id)"), .name("reason"), .required(true)),
                .button(.type(.submit), .class("button small danger"), "Exclude")
            )
        )
    }

    static func comparison(
        _ explanations: [Explanation], current: CalculationMethod, t: Translator = .english
    ) -> Node<HTML.BodyContext> {
        .div(
            Components.scrollRegion(t("The same evidence under every method (defaults shown for the others)")),
            .table(
                .class("comparison"),
                .caption(.text(t("The same evidence under every method (defaults shown for the others)"))),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), .text(t("Method"))),
                        .th(.attribute(named: "scope", value: "col"), .text(t("Value"))),
                        .th(.attribute(named: "scope", value: "col"), .text(t("Level"))),
                        .th(.attribute(named: "scope", value: "col"), .text(t("Mastered")))
                    )),
                .tbody(
                    .forEach(explanations.enumerated()) { index, explanation in
                        .tr(
                            .class(index == 0 ? "current" : ""),
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .text(
                                    "\(t.data(explanation.method.displayName))\(explanation.parameter.map { " (\($0))" } ?? "")"
                                ),
                                .if(index == 0, .span(.class("tag"), .text(" " + t("in use"))))
                            ),
                            .td(
                                .text(
                                    explanation.displayValue.map {
                                        explanation.method == .bkt ? "P(mastered) \($0)" : $0
                                    }
                                        ?? t("not enough evidence"))),
                            .td(
                                .text(
                                    explanation.level.map { "\(DisplayRounding.text($0.value)) \(t.data($0.label))" }
                                        ?? "–")),
                            .td(.text(explanation.mastered ? t("yes") : t("no")))
                        )
                    })
            )
        )
    }
}

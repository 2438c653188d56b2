import Foundation
import MasteryCore
import Plot

/// How an explanation is shown: the steps, the evidence timeline, the method comparison.
enum ExplanationView {
    static func steps(_ explanation: Explanation) -> Node<HTML.BodyContext> {
        .div(
            .class("explanation"),
            .h3(
                .text(
                    "How it was calculated (\(explanation.method.displayName)\(explanation.parameter.map { " \($0)" } ?? ""))"
                )),
            .ol(
                .forEach(explanation.steps) { step in
                    .li(.text(step.text), .unwrap(step.value) { .strong(.text(" = \(precise($0))")) })
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
        scale: ProficiencyScale
    ) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("evidence"),
            .h2("Evidence, oldest first"),
            .if(
                evidence.isEmpty, .p(.class("muted"), "No evidence yet."),
                else: .div(
                    .class("table-scroll"),
                    .table(
                        .class("evidence"),
                        .caption("Each piece of evidence and its share of the result"),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), "#"),
                                .th(.attribute(named: "scope", value: "col"), "Observed"),
                                .th(.attribute(named: "scope", value: "col"), "Score"),
                                .th(.attribute(named: "scope", value: "col"), "Weight"),
                                .th(.attribute(named: "scope", value: "col"), "Source and feedback"),
                                .if(canCorrect, .th(.attribute(named: "scope", value: "col"), "Correct"))
                            )),
                        .tbody(
                            .forEach(Array(zip(evidence, explanation.evidence))) { piece, line in
                                .tr(
                                    .td(.text(line.position.map(String.init) ?? "–")),
                                    .td(.text(Components.date(piece.observedAt))),
                                    .td(
                                        .text(piece.score.map(DisplayRounding.text) ?? "none"),
                                        .if(!piece.corrections.isEmpty, .span(.class("tag"), " corrected"))),
                                    .td(
                                        .text(line.weight.map { "\(Int(($0 * 100).rounded()))%" } ?? (line.note ?? ""))),
                                    .td(
                                        .text(piece.source.displayName),
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

    static func comparison(_ explanations: [Explanation], current: CalculationMethod) -> Node<HTML.BodyContext> {
        .div(
            .class("table-scroll"),
            .table(
                .class("comparison"),
                .caption("The same evidence under every method (defaults shown for the others)"),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), "Method"),
                        .th(.attribute(named: "scope", value: "col"), "Value"),
                        .th(.attribute(named: "scope", value: "col"), "Level"),
                        .th(.attribute(named: "scope", value: "col"), "Mastered")
                    )),
                .tbody(
                    .forEach(explanations.enumerated()) { index, explanation in
                        .tr(
                            .class(index == 0 ? "current" : ""),
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .text(
                                    "\(explanation.method.displayName)\(explanation.parameter.map { " (\($0))" } ?? "")"
                                ),
                                .if(index == 0, .span(.class("tag"), " in use"))
                            ),
                            .td(
                                .text(
                                    explanation.displayValue.map {
                                        explanation.method == .bkt ? "P(mastered) \($0)" : $0
                                    }
                                        ?? "not enough evidence")),
                            .td(
                                .text(explanation.level.map { "\(DisplayRounding.text($0.value)) \($0.label)" } ?? "–")),
                            .td(.text(explanation.mastered ? "yes" : "no"))
                        )
                    })
            )
        )
    }
}

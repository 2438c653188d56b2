import Foundation
import MasteryCore
import Plot

extension SectionSettingsPage {
    /// What the previewed change would do, and the button that makes it (the same values, confirmed).
    func confirmation(
        _ policy: MasteryPolicy, _ preview: PolicyChangePreview, _ page: PageContext
    )
        -> Node<HTML.BodyContext>
    {
        .section(
            .class("card"), .id("preview"), .attribute(named: "aria-labelledby", value: "preview-title"),
            .h2(.id("preview-title"), .text("If you save \(policy.method.kind.displayName)")),
            .ul(
                .li(.text("\(preview.valuesChanged) of \(preview.records) records get a new value")),
                .li(
                    .text(
                        "\(preview.levelsChanged) change level, for \(preview.studentsChangingLevel) student\(preview.studentsChangingLevel == 1 ? "" : "s")"
                    )),
                .li(.text("\(preview.newlyMastered) become mastered; \(preview.noLongerMastered) stop being mastered"))
            ),
            .form(
                .method(.post), .action("/sections/\(data.section.id.rawValue)/settings"), .class("inline-form"),
                Layout.csrfField(page.csrfToken),
                .input(.type(.hidden), .name("method"), .value(policy.method.kind.rawValue)),
                .input(.type(.hidden), .name("parameter"), .value(policy.method.parameter.map(String.init) ?? "")),
                .input(.type(.hidden), .name("minimum"), .value("\(policy.minimumEvidence)")),
                .button(.type(.submit), .class("button primary"), "Save and recompute"),
                .a(.class("button secondary"), .href("/sections/\(data.section.id.rawValue)/settings"), "Cancel"))
        )
    }

    /// Every method in a sentence, with a worked example computed by the calculator.
    var methodGuide: Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("methods"), .attribute(named: "aria-labelledby", value: "methods-title"),
            .h2(.id("methods-title"), "The methods"),
            .p(
                .class("small muted"),
                .text(
                    "Examples: the scores \(CalculationMethod.Kind.exampleText), oldest first, on a 1–4 scale with mastery at 3, with each method's usual setting."
                )),
            .dl(
                .forEach(CalculationMethod.Kind.allCases) { kind in
                    .group(
                        .dt(.text(kind.displayName)),
                        .dd(
                            .text(kind.explanation),
                            .unwrap(kind.parameterMeaning) { .text(" Setting: \($0).") },
                            .unwrap(kind.workedExample()) { .span(.class("muted"), .text(" Example: \($0).")) }))
                })
        )
    }
}

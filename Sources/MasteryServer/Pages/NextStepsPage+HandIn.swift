import Foundation
import MasteryCore
import Plot

extension NextStepsPage {
    /// Handing in work on a checkpoint or project: what the student wrote, a link, photos or files; when the
    /// playlist allows it, how they show mastery.
    func handIn(_ suggestion: NextStepAdvisor.Suggestion, base: String, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let key = suggestion.item.id.rawValue
        return .form(
            .method(.post), .action("\(base)/submit"), .enctype(.multipartData), .class("hand-in"),
            Layout.csrfField(page.csrfToken),
            .if(
                suggestion.allowsChoice,
                .div(
                    .class("field"),
                    .label(.for("choice-\(key)"), .text(t("How I show it"))),
                    .select(
                        .id("choice-\(key)"), .attribute(named: "name", value: "choice"),
                        .forEach(AssessmentChoice.allCases) { choice in
                            .element(
                                named: "option",
                                nodes: [
                                    .attribute(named: "value", value: choice.rawValue), .text(t.data(choice.label)),
                                ])
                        })
                )),
            .div(
                .class("field"),
                .label(.for("text-\(key)"), .text(t("My work"))),
                .textarea(.id("text-\(key)"), .name("text"), .attribute(named: "rows", value: "4"))
            ),
            .div(
                .class("field"),
                .label(.for("link-\(key)"), .text(t("A link (optional)"))),
                .input(.type(.url), .id("link-\(key)"), .name("links"), .attribute(named: "inputmode", value: "url"))
            ),
            .div(
                .class("field"),
                .label(.for("files-\(key)"), .text(t("Photos or files (optional)"))),
                .input(
                    .type(.file), .id("files-\(key)"), .name("files"), .attribute(named: "multiple", value: "multiple"),
                    .attribute(named: "accept", value: Self.acceptedFiles),
                    .attribute(named: "aria-describedby", value: "files-hint-\(key)")),
                .p(
                    .id("files-hint-\(key)"), .class("small muted"),
                    .text(
                        t(
                            "Up to {count} files, {size} each: photos, PDF or documents.",
                            [
                                "count": t.number(WorkFileType.maxFiles),
                                "size": ByteWording.size(WorkFileType.maxFileBytes),
                            ])))
            ),
            .button(
                .type(.submit), .class("button primary small"),
                .attribute(named: "aria-label", value: t("Hand in: {title}", ["title": suggestion.item.title])),
                .text(t("Hand in")))
        )
    }

    static let acceptedFiles = "image/*,.pdf,.txt,.md,.csv,.docx,.xlsx,.pptx,.odt"
}

/// What a student handed in (newest version) and, once scored, the teacher's levels and feedback: shown to
/// the student and their family on the next-steps page, and to the teacher in the queue.
struct WorkSummary {
    var submission: Submission
    var names: [Competency.ID: Competency]
    /// Each competency's scale, to name the level given.
    var scales: [Competency.ID: ProficiencyScale] = [:]
    /// The review's heading; the student's and family's words unless given (the teacher reads "Feedback given").
    var reviewHeading: String? = nil

    func level(_ value: Double, on competency: Competency.ID, _ t: Translator) -> String {
        let number = DisplayNumber.text(value)
        guard let level = scales[competency]?.levels.first(where: { $0.value == value }) else { return number }
        return "\(t.data(level.label)) (\(number))"
    }

    func render(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .div(
            .class("work-summary"),
            .p(
                .class("small muted"),
                .text(
                    t(
                        "Version {version}, handed in {date}",
                        ["version": t.number(submission.version), "date": t.date(submission.submittedAt)]))),
            .unwrap(submission.text.isEmpty ? nil : submission.text) { .p(.class("work-text"), .text($0)) },
            .if(
                !submission.links.isEmpty || !submission.files.isEmpty,
                .ul(
                    .class("work-files"),
                    .forEach(submission.links) { link in
                        .li(.a(.href(link), .attribute(named: "rel", value: "noopener noreferrer"), .text(link)))
                    },
                    .forEach(submission.files) { file in
                        .li(
                            .a(
                                .href(WorkFileLink.path(submission: submission.id, file: file.id)),
                                .text("\(file.name) (\(ByteWording.size(file.size)))")))
                    }
                )),
            .unwrap(submission.review) { review in
                .div(
                    .class("work-review"),
                    .h4(.text(reviewHeading ?? t("Your teacher's feedback"))),
                    .if(
                        !review.scores.isEmpty,
                        .ul(
                            .forEach(review.scores.sorted { $0.key.rawValue < $1.key.rawValue }) { competency, level in
                                .li(
                                    .text(
                                        "\(names[competency]?.code ?? competency.rawValue): \(self.level(level, on: competency, t))"
                                    ))
                            })),
                    .unwrap(review.feedback.isEmpty ? nil : review.feedback) { .p(.class("work-text"), .text($0)) }
                )
            }
        )
    }
}

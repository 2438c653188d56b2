import Foundation
import MasteryCore
import Plot

/// The reflection journal: new feedback waiting for a reflection, the form (went well, try next, attached to
/// a piece of evidence or a goal, who sees it), and the entries.
struct ReflectionsPage {
    var student: Person
    var isOwn: Bool
    var reflections: [Reflection]
    var feedback: [Evidence]
    var evidence: [Evidence]
    var goals: [Goal]
    var curriculum: Curriculum
    var selected: EvidenceEvent.ID?
    var message: String?
    var formError: String?

    func label(_ piece: Evidence, _ t: Translator) -> String {
        let competency = curriculum.competency(piece.competencyID)
        let name = competency.map { "\($0.code) — \($0.title)" } ?? piece.competencyID.rawValue
        return t("{competency} on {date}", ["competency": name, "date": t.date(piece.observedAt)])
            + (piece.score.map { ": \(DisplayRounding.text($0))" } ?? "")
    }

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        return Layout.page(
            isOwn ? t("My reflections") : t("Reflections — {name}", ["name": student.displayName]), page,
            Layout.heading(
                isOwn ? t("My reflection journal") : t("Reflections of {name}", ["name": student.displayName]),
                eyebrow: isOwn ? t("My learning") : t("Student"),
                lead: t("After feedback: what went well, and what I will try next.")),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text(t.data($0)))
            },
            StudentNavigation.links(student, current: "reflections", page),
            .if(isOwn && !feedback.isEmpty, feedbackPrompts(t)),
            .if(isOwn, form(page)),
            .section(
                .class("card"), .attribute(named: "aria-labelledby", value: "journal-title"),
                .h2(.id("journal-title"), .text(t("Journal"))),
                .if(
                    reflections.isEmpty, .p(.class("muted"), .text(t("No reflections yet."))),
                    else: .ul(
                        .class("plain-list journal"),
                        .forEach(reflections) { entry in
                            .li(
                                .id("reflection-\(entry.id.rawValue)"),
                                .p(
                                    .strong(.text(t.date(entry.at))),
                                    .span(.class("tag"), .text(t.data(entry.visibility.label))),
                                    .unwrap(entry.evidenceID.flatMap { id in evidence.first { $0.id == id } }) {
                                        .span(
                                            .class("small muted"),
                                            .text(" · " + t("about {evidence}", ["evidence": label($0, t)])))
                                    },
                                    .unwrap(entry.goalID.flatMap { id in goals.first { $0.id == id } }) {
                                        .span(
                                            .class("small muted"),
                                            .text(" · " + t("goal “{title}”", ["title": $0.title])))
                                    }),
                                .unwrap(entry.wentWell.isEmpty ? nil : entry.wentWell) {
                                    .p(.strong(.text(t("Went well:") + " ")), .text($0))
                                },
                                .unwrap(entry.tryNext.isEmpty ? nil : entry.tryNext) {
                                    .p(.strong(.text(t("I'll try next:") + " ")), .text($0))
                                }
                            )
                        })
                )
            )
        )
    }

    func feedbackPrompts(_ t: Translator) -> Node<HTML.BodyContext> {
        .section(
            .class("card next-panel"), .id("feedback-prompts"),
            .h2(.text(t("New feedback to reflect on"))),
            .ul(
                .forEach(feedback) { piece in
                    .li(
                        .text("\(label(piece, t)) — “\(piece.comment ?? "")” "),
                        .a(
                            .href(
                                "/students/\(student.id.rawValue)/reflections?evidence=\(piece.id.rawValue)#reflection-form"
                            ),
                            .attribute(
                                named: "aria-label", value: t("Reflect on {evidence}", ["evidence": label(piece, t)])),
                            .text(t("Reflect"))))
                })
        )
    }

    func form(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .section(
            .class("card"), .id("new-reflection"),
            .h2(.text(t("Reflect"))),
            .unwrap(formError) {
                .div(.class("notice notice-error"), .attribute(named: "role", value: "alert"), .text(t.data($0)))
            },
            .form(
                .method(.post), .action("/students/\(student.id.rawValue)/reflections"), .id("reflection-form"),
                Layout.csrfField(page.csrfToken),
                .div(
                    .class("field"), .label(.for("went-well"), .text(t("What went well?"))),
                    .textarea(.id("went-well"), .name("wentWell"), .attribute(named: "rows", value: "3"))),
                .div(
                    .class("field"), .label(.for("try-next"), .text(t("What will I try next?"))),
                    .textarea(.id("try-next"), .name("tryNext"), .attribute(named: "rows", value: "3"))),
                .div(
                    .class("field"), .label(.for("reflection-evidence"), .text(t("About this feedback (optional)"))),
                    .select(
                        .id("reflection-evidence"), .attribute(named: "name", value: "evidence"),
                        Components.option("", t("None")),
                        .forEach(evidence) { piece in
                            .element(
                                named: "option",
                                nodes: [
                                    .attribute(named: "value", value: piece.id.rawValue),
                                    .if(piece.id == selected, .attribute(named: "selected", value: "selected")),
                                    .text(label(piece, t)),
                                ])
                        })),
                .div(
                    .class("field"), .label(.for("reflection-goal"), .text(t("About this goal (optional)"))),
                    .select(
                        .id("reflection-goal"), .attribute(named: "name", value: "goal"),
                        Components.option("", t("None")),
                        .forEach(goals.filter { !$0.withdrawn }) { goal in
                            Components.option(goal.id.rawValue, goal.title)
                        })),
                .fieldset(
                    .element(named: "legend", text: t("Who can read it")),
                    .div(
                        .class("choice-row"),
                        .forEach(Reflection.Visibility.allCases) { visibility in
                            .label(
                                .class("choice"),
                                .input(
                                    .type(.radio), .name("visibility"), .value(visibility.rawValue),
                                    .checked(visibility == .teacherAndMe)),
                                .text(" " + t.data(visibility.label)))
                        })
                ),
                .button(.type(.submit), .class("button primary"), .text(t("Save to my journal")))
            )
        )
    }
}

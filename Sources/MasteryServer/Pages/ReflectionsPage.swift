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

    func label(_ piece: Evidence) -> String {
        let competency = curriculum.competency(piece.competencyID)
        let name = competency.map { "\($0.code) — \($0.title)" } ?? piece.competencyID.rawValue
        return "\(name) on \(Components.date(piece.observedAt))"
            + (piece.score.map { ": \(DisplayRounding.text($0))" } ?? "")
    }

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            isOwn ? "My reflections" : "Reflections — \(student.displayName)", page,
            Layout.heading(
                isOwn ? "My reflection journal" : "Reflections of \(student.displayName)",
                eyebrow: isOwn ? "My learning" : "Student",
                lead: "After feedback: what went well, and what I will try next."),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text($0))
            },
            StudentNavigation.links(student, current: "reflections", page),
            .if(isOwn && !feedback.isEmpty, feedbackPrompts()),
            .if(isOwn, form(page)),
            .section(
                .class("card"), .attribute(named: "aria-labelledby", value: "journal-title"),
                .h2(.id("journal-title"), "Journal"),
                .if(
                    reflections.isEmpty, .p(.class("muted"), "No reflections yet."),
                    else: .ul(
                        .class("plain-list journal"),
                        .forEach(reflections) { entry in
                            .li(
                                .id("reflection-\(entry.id.rawValue)"),
                                .p(
                                    .strong(.text(Components.date(entry.at))),
                                    .span(.class("tag"), .text(entry.visibility.label)),
                                    .unwrap(entry.evidenceID.flatMap { id in evidence.first { $0.id == id } }) {
                                        .span(.class("small muted"), .text(" · about \(label($0))"))
                                    },
                                    .unwrap(entry.goalID.flatMap { id in goals.first { $0.id == id } }) {
                                        .span(.class("small muted"), .text(" · goal “\($0.title)”"))
                                    }),
                                .unwrap(entry.wentWell.isEmpty ? nil : entry.wentWell) {
                                    .p(.strong("Went well: "), .text($0))
                                },
                                .unwrap(entry.tryNext.isEmpty ? nil : entry.tryNext) {
                                    .p(.strong("I'll try next: "), .text($0))
                                }
                            )
                        })
                )
            )
        )
    }

    func feedbackPrompts() -> Node<HTML.BodyContext> {
        .section(
            .class("card next-panel"), .id("feedback-prompts"),
            .h2("New feedback to reflect on"),
            .ul(
                .forEach(feedback) { piece in
                    .li(
                        .text("\(label(piece)) — “\(piece.comment ?? "")” "),
                        .a(
                            .href(
                                "/students/\(student.id.rawValue)/reflections?evidence=\(piece.id.rawValue)#reflection-form"
                            ),
                            .attribute(named: "aria-label", value: "Reflect on \(label(piece))"), "Reflect"))
                })
        )
    }

    func form(_ page: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("new-reflection"),
            .h2("Reflect"),
            .unwrap(formError) {
                .div(.class("notice notice-error"), .attribute(named: "role", value: "alert"), .text($0))
            },
            .form(
                .method(.post), .action("/students/\(student.id.rawValue)/reflections"), .id("reflection-form"),
                Layout.csrfField(page.csrfToken),
                .div(
                    .class("field"), .label(.for("went-well"), "What went well?"),
                    .textarea(.id("went-well"), .name("wentWell"), .attribute(named: "rows", value: "3"))),
                .div(
                    .class("field"), .label(.for("try-next"), "What will I try next?"),
                    .textarea(.id("try-next"), .name("tryNext"), .attribute(named: "rows", value: "3"))),
                .div(
                    .class("field"), .label(.for("reflection-evidence"), "About this feedback (optional)"),
                    .select(
                        .id("reflection-evidence"), .attribute(named: "name", value: "evidence"),
                        Components.option("", "None"),
                        .forEach(evidence) { piece in
                            .element(
                                named: "option",
                                nodes: [
                                    .attribute(named: "value", value: piece.id.rawValue),
                                    .if(piece.id == selected, .attribute(named: "selected", value: "selected")),
                                    .text(label(piece)),
                                ])
                        })),
                .div(
                    .class("field"), .label(.for("reflection-goal"), "About this goal (optional)"),
                    .select(
                        .id("reflection-goal"), .attribute(named: "name", value: "goal"),
                        Components.option("", "None"),
                        .forEach(goals.filter { !$0.withdrawn }) { goal in
                            Components.option(goal.id.rawValue, goal.title)
                        })),
                .fieldset(
                    .element(named: "legend", text: "Who can read it"),
                    .div(
                        .class("choice-row"),
                        .forEach(Reflection.Visibility.allCases) { visibility in
                            .label(
                                .class("choice"),
                                .input(
                                    .type(.radio), .name("visibility"), .value(visibility.rawValue),
                                    .checked(visibility == .teacherAndMe)),
                                .text(" \(visibility.label)"))
                        })
                ),
                .button(.type(.submit), .class("button primary"), "Save to my journal")
            )
        )
    }
}

import Foundation
import MasteryCore
import Plot

/// "What to do next": the student's place on each pathway, the recommended next steps with why, the
/// playlist items that fit (start, finish, hand in a checkpoint), and what is not unlocked yet.
struct NextStepsPage {
    var student: Person
    var isOwn: Bool
    var canWork: Bool
    var steps: [NextStepAdvisor.Step]
    var blocked: [NextStepAdvisor.Blocked]
    var pathways: [(pathway: Pathway, position: Int, completed: Int, pace: Pace)]
    var names: [Competency.ID: Competency]
    var message: String?

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            isOwn ? "My next steps" : "Next steps — \(student.displayName)", page,
            Layout.heading(
                isOwn ? "What to do next" : "Next steps for \(student.displayName)",
                eyebrow: isOwn ? "My pathway" : "Student",
                lead: "Only competencies whose prerequisites are mastered are suggested, best first, with why."),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text($0))
            },
            StudentNavigation.links(student, current: "next", page),
            pathwayList(),
            .section(
                .class("next-steps"), .attribute(named: "aria-labelledby", value: "steps-title"),
                .h2(.id("steps-title"), "Recommended next steps"),
                .if(
                    steps.isEmpty,
                    .p(.class("muted"), "Nothing is unlocked right now: every open competency is mastered."),
                    else: .ol(
                        .class("step-list"), .forEach(steps.enumerated()) { index, step in stepCard(index, step, page) }
                    )
                )
            ),
            blockedList()
        )
    }

    func pathwayList() -> Node<HTML.BodyContext> {
        .if(
            !pathways.isEmpty,
            .section(
                .class("card"), .attribute(named: "aria-labelledby", value: "pathways-title"),
                .h2(.id("pathways-title"), isOwn ? "My pathways" : "Pathways"),
                .ul(
                    .class("plain-list"),
                    .forEach(pathways) { entry in
                        let total = entry.pathway.steps.count
                        let current =
                            entry.position < total
                            ? entry.pathway.steps[entry.position].competencyIDs.compactMap { names[$0]?.code }
                                .joined(separator: " or ")
                            : "done"
                        return .li(
                            .strong(.text(entry.pathway.title)),
                            .text(" — \(entry.completed) of \(total) steps done; next: \(current) · "),
                            .span(.class("tag"), .text(entry.pace.label)),
                            .text(entry.pathway.pacing == .teacherPaced ? " · teacher-paced" : " · self-paced"),
                            .element(
                                named: "progress",
                                nodes: [
                                    .attribute(named: "max", value: "\(max(total, 1))"),
                                    .attribute(named: "value", value: "\(entry.completed)"),
                                    .attribute(
                                        named: "aria-label",
                                        value: "\(entry.pathway.title): \(entry.completed) of \(total) steps done"),
                                    .class("pathway-progress"),
                                ])
                        )
                    })
            )
        )
    }

    func stepCard(_ index: Int, _ step: NextStepAdvisor.Step, _ page: PageContext) -> Node<HTML.ListContext> {
        .li(
            .class("card step"), .id("step-\(step.competency.id.rawValue)"),
            .h3(
                .span(.class("step-number"), .text("\(index + 1).")), .text(" "),
                .a(
                    .href("/students/\(student.id.rawValue)/competencies/\(step.competency.id.rawValue)"),
                    .text("\(step.competency.code) — \(step.competency.title)")),
                .if(step.isOverdue, .span(.class("tag tag-overdue"), "Overdue")),
                .if(step.servesGoal, .span(.class("tag tag-mastered"), "My goal"))
            ),
            .ul(.class("reasons"), .forEach(step.reasons) { .li(.text($0)) }),
            .if(
                !step.items.isEmpty,
                .div(
                    .class("table-scroll"),
                    .table(
                        .class("playlist"),
                        .caption(.text("Playlist for \(step.competency.code)")),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), "Activity"),
                                .th(.attribute(named: "scope", value: "col"), "Kind"),
                                .th(.attribute(named: "scope", value: "col"), "Time"),
                                .th(.attribute(named: "scope", value: "col"), "Why"),
                                .th(.attribute(named: "scope", value: "col"), "Status")
                            )),
                        .tbody(.forEach(step.items) { itemRow($0, page) })
                    )
                )
            )
        )
    }

    func itemRow(_ suggestion: NextStepAdvisor.Suggestion, _ page: PageContext) -> Node<HTML.TableContext> {
        let item = suggestion.item
        let base = "/students/\(student.id.rawValue)/items/\(item.id.rawValue)"
        return .tr(
            .id("item-\(item.id.rawValue)"),
            .th(
                .attribute(named: "scope", value: "row"),
                .if(
                    item.url != nil,
                    .a(.href(item.url ?? "#"), .attribute(named: "rel", value: "noopener"), .text(item.title)),
                    else: .text(item.title)),
                .unwrap(item.details.isEmpty ? nil : item.details) { .p(.class("small muted"), .text($0)) }
            ),
            .td(.text("\(item.kind.label) · \(item.modality.label)")),
            .td(.text("\(item.minutes) min")),
            .td(.text(suggestion.reason)),
            .td(status(suggestion, base: base, page))
        )
    }

    func status(_ suggestion: NextStepAdvisor.Suggestion, base: String, _ page: PageContext) -> Node<HTML.BodyContext> {
        let item = suggestion.item
        let label = "\(item.title)"
        func button(_ action: String, _ text: String, primary: Bool = false) -> Node<HTML.BodyContext> {
            .form(
                .method(.post), .action("\(base)/\(action)"), .class("inline-form"),
                Layout.csrfField(page.csrfToken),
                .button(
                    .type(.submit), .class(primary ? "button primary small" : "button small"),
                    .attribute(named: "aria-label", value: "\(text): \(label)"), .text(text))
            )
        }
        switch suggestion.status {
        case .submitted:
            return .span(.class("tag"), "Handed in: with your teacher")
        case .started:
            return .group(
                .span(.class("tag"), "Started"),
                .if(
                    canWork,
                    item.kind == .checkpoint
                        ? handIn(suggestion, base: base, page) : button("done", "Mark done", primary: true))
            )
        case .done:
            let score = suggestion.score.map { "Scored \(DisplayRounding.text($0))" } ?? "Done"
            return .group(.span(.class("tag"), .text(score)), .if(canWork, button("start", "Try again")))
        case nil:
            return .if(canWork, button("start", "Start"), else: .span(.class("muted"), "Not started"))
        }
    }

    /// Handing in a checkpoint; when the playlist allows it, the student says how they show mastery.
    func handIn(_ suggestion: NextStepAdvisor.Suggestion, base: String, _ page: PageContext) -> Node<HTML.BodyContext> {
        let fieldID = "choice-\(suggestion.item.id.rawValue)"
        return .form(
            .method(.post), .action("\(base)/submit"), .class("inline-form"),
            Layout.csrfField(page.csrfToken),
            .if(
                suggestion.allowsChoice,
                .group(
                    .label(.for(fieldID), .class("small"), "How I show it"),
                    .select(
                        .id(fieldID), .attribute(named: "name", value: "choice"),
                        .forEach(AssessmentChoice.allCases) { choice in
                            .element(
                                named: "option",
                                nodes: [.attribute(named: "value", value: choice.rawValue), .text(choice.label)])
                        })
                )),
            .button(
                .type(.submit), .class("button primary small"),
                .attribute(named: "aria-label", value: "Hand in: \(suggestion.item.title)"), "Hand in")
        )
    }

    func blockedList() -> Node<HTML.BodyContext> {
        .if(
            !blocked.isEmpty,
            .section(
                .class("card"), .attribute(named: "aria-labelledby", value: "blocked-title"),
                .h2(.id("blocked-title"), "Not unlocked yet"),
                .ul(
                    .class("plain-list"),
                    .forEach(blocked) { entry in
                        .li(
                            .text("\(entry.competency.code) — \(entry.competency.title): "),
                            .if(
                                entry.notYetOpen, .text("your teacher opens it on the pathway's date."),
                                else: .text(
                                    "needs \(entry.blockers.map { names[$0].map { "\($0.code)" } ?? $0.rawValue }.joined(separator: " and ")) first."
                                ))
                        )
                    })
            )
        )
    }
}

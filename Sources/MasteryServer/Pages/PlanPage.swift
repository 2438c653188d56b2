import Foundation
import MasteryCore
import Plot

/// Learning plans: the current one with its goals by arena, status and acknowledgements, the actions the
/// viewer may take, and the form to draft or edit.
struct PlanPage {
    var student: Person
    var viewer: Person
    var plans: [LearningPlan]
    var names: [Person.ID: String]
    var canEdit: Bool
    var canAcknowledge: Bool
    var message: String?
    var problem: String?

    var isOwn: Bool { viewer.id == student.id }

    func render(_ page: PageContext) -> HTML {
        let editable = plans.first { $0.isEditable }
        return Layout.page(
            isOwn ? "My learning plan" : "Learning plan — \(student.displayName)", page,
            Layout.heading(
                isOwn ? "My learning plan" : "Learning plan of \(student.displayName)",
                eyebrow: isOwn ? "My learning" : "Student",
                lead: "Goals in three arenas with action steps; signed off by the student, an advisor and a guardian."),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text($0))
            },
            .unwrap(problem) {
                .div(.class("notice notice-error"), .attribute(named: "role", value: "alert"), .text($0))
            },
            StudentNavigation.links(student, current: "plan", page),
            .if(plans.isEmpty, .p(.class("muted"), "No plan yet.")),
            .forEach(plans) { planCard($0, page) },
            .if(canEdit && (editable != nil || plans.allSatisfy { !$0.isEditable }), editForm(editable, page))
        )
    }

    func planCard(_ plan: LearningPlan, _ page: PageContext) -> Node<HTML.BodyContext> {
        let base = "/students/\(student.id.rawValue)/plan/\(plan.id.rawValue)"
        func button(_ action: String, _ label: String) -> Node<HTML.BodyContext> {
            .form(
                .method(.post), .action("\(base)/\(action)"), .class("inline-form"), Layout.csrfField(page.csrfToken),
                .button(.type(.submit), .class("button small"), .text(label)))
        }
        return .section(
            .class("card plan"), .id("plan-\(plan.id.rawValue)"),
            .h2(.text(plan.title), .span(.class("tag"), .text(plan.status.label))),
            .unwrap(plan.pace.nilIfEmpty) { .p(.strong("Pace: "), .text($0)) },
            .unwrap(plan.path.nilIfEmpty) { .p(.strong("Path: "), .text($0)) },
            .forEach(LearningPlan.Arena.allCases) { arena in
                let goals = plan.goals.filter { $0.arena == arena }
                return .if(
                    !goals.isEmpty,
                    .div(
                        .h3(.text(arena.label)),
                        .forEach(goals) { goal in
                            .div(.p(.text(goal.text)), .ul(.forEach(goal.actionSteps) { .li(.text($0)) }))
                        }))
            },
            .h3("Sign-off"),
            .ul(
                .class("plain-list"),
                .forEach(LearningPlan.Signer.allCases) { signer in
                    .li(
                        .text("\(signer.label): "),
                        .text(
                            plan.acknowledged(by: signer).map {
                                "acknowledged by \(names[$0.personID] ?? "someone") on \(Components.date($0.at))"
                            } ?? "not yet"))
                }),
            .if(
                plan.status == .inReview && canAcknowledge,
                button("acknowledge", "Acknowledge as \(signer.label.lowercased())")),
            .if(canEdit && plan.status == .draft && !plan.goals.isEmpty, button("submit", "Send for review")),
            .if(canEdit && plan.status == .inReview, button("activate", "Make it active")),
            .if(canEdit && plan.status == .active && viewer.role == .teacher, button("complete", "Mark complete")),
            .unwrap(plan.frozenMastery) { frozen in
                .details(
                    .summary(
                        .text(
                            "Mastery when the plan was completed (\(frozen.filter(\.mastered).count) of \(frozen.count) mastered)"
                        )),
                    .ul(
                        .forEach(frozen) {
                            .li(.text("\($0.code) — \($0.title): \($0.level)\($0.mastered ? " (mastered)" : "")"))
                        }))
            }
        )
    }

    var signer: LearningPlan.Signer {
        switch viewer.role {
        case .student: .student
        case .guardian: .guardian
        default: .advisor
        }
    }

    func editForm(_ plan: LearningPlan?, _ page: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("plan-editor"),
            .h2(.text(plan == nil ? "Start a plan" : "Edit the plan")),
            .form(
                .method(.post), .action("/students/\(student.id.rawValue)/plan"), .id("plan-form"),
                Layout.csrfField(page.csrfToken),
                .unwrap(plan) { .input(.type(.hidden), .name("plan"), .value($0.id.rawValue)) },
                .div(
                    .class("field"), .label(.for("plan-title"), "Title"),
                    .input(
                        .type(.text), .id("plan-title"), .name("title"), .value(plan?.title ?? "My plan for this year"))
                ),
                .div(
                    .class("field"), .label(.for("plan-pace"), "The pace I choose"),
                    .input(.type(.text), .id("plan-pace"), .name("pace"), .value(plan?.pace ?? ""))),
                .div(
                    .class("field"), .label(.for("plan-path"), "The path I choose"),
                    .input(.type(.text), .id("plan-path"), .name("path"), .value(plan?.path ?? ""))),
                .forEach(LearningPlan.Arena.allCases) { arena in
                    let goal = plan?.goals.first { $0.arena == arena }
                    return .fieldset(
                        .element(named: "legend", text: arena.label),
                        .div(
                            .class("field"), .label(.for("goal-\(arena.rawValue)"), "Goal"),
                            .input(
                                .type(.text), .id("goal-\(arena.rawValue)"), .name("goal-\(arena.rawValue)"),
                                .value(goal?.text ?? ""))),
                        .div(
                            .class("field"), .label(.for("steps-\(arena.rawValue)"), "Action steps (one a line)"),
                            .textarea(
                                .id("steps-\(arena.rawValue)"), .name("steps-\(arena.rawValue)"),
                                .attribute(named: "rows", value: "3"),
                                .text(goal?.actionSteps.joined(separator: "\n") ?? "")))
                    )
                },
                .button(.type(.submit), .class("button primary"), "Save the plan")
            )
        )
    }
}

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
        let t = page.t
        let editable = plans.first { $0.isEditable }
        return Layout.page(
            isOwn ? t("My learning plan") : t("Learning plan — {name}", ["name": student.displayName]), page,
            Layout.heading(
                isOwn ? t("My learning plan") : t("Learning plan of {name}", ["name": student.displayName]),
                eyebrow: isOwn ? t("My learning") : t("Student"),
                lead: t(
                    "Goals in three arenas with action steps; signed off by the student, an advisor and a guardian.")),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text(t.data($0)))
            },
            .unwrap(problem) {
                .div(.class("notice notice-error"), .attribute(named: "role", value: "alert"), .text(t.data($0)))
            },
            StudentNavigation.links(student, current: "plan", page),
            .if(plans.isEmpty, .p(.class("muted"), .text(t("No plan yet.")))),
            .forEach(plans) { planCard($0, page) },
            .if(canEdit && (editable != nil || plans.allSatisfy { !$0.isEditable }), editForm(editable, page))
        )
    }

    func planCard(_ plan: LearningPlan, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        // Only what the viewer can do now is offered: a plan becomes active once everyone has acknowledged it,
        // and an acknowledgement is given once.
        let missing = LearningPlan.Signer.allCases.filter { plan.acknowledged(by: $0) == nil }
        let base = "/students/\(student.id.rawValue)/plan/\(plan.id.rawValue)"
        func button(_ action: String, _ label: String) -> Node<HTML.BodyContext> {
            .form(
                .method(.post), .action("\(base)/\(action)"), .class("inline-form"), Layout.csrfField(page.csrfToken),
                .button(.type(.submit), .class("button small"), .text(label)))
        }
        return .section(
            .class("card plan"), .id("plan-\(plan.id.rawValue)"),
            .h2(.text(plan.title), .span(.class("tag"), .text(t.data(plan.status.label)))),
            .unwrap(plan.pace.nilIfEmpty) { .p(.strong(.text(t("Pace:") + " ")), .text($0)) },
            .unwrap(plan.path.nilIfEmpty) { .p(.strong(.text(t("Path:") + " ")), .text($0)) },
            .forEach(LearningPlan.Arena.allCases) { arena in
                let goals = plan.goals.filter { $0.arena == arena }
                return .if(
                    !goals.isEmpty,
                    .div(
                        .h3(.text(t.data(arena.label))),
                        .forEach(goals) { goal in
                            .div(.p(.text(goal.text)), .ul(.forEach(goal.actionSteps) { .li(.text($0)) }))
                        }))
            },
            .h3(.text(t("Sign-off"))),
            .ul(
                .class("plain-list"),
                .forEach(LearningPlan.Signer.allCases) { signer in
                    .li(
                        .text("\(t.data(signer.label)): "),
                        .text(
                            plan.acknowledged(by: signer).map {
                                t(
                                    "acknowledged by {name} on {date}",
                                    ["name": names[$0.personID] ?? t("someone"), "date": t.date($0.at)])
                            } ?? t("not yet")))
                }),
            .if(
                plan.status == .inReview && canAcknowledge && plan.acknowledged(by: signer) == nil,
                button("acknowledge", acknowledgeLabel(t))),
            .if(canEdit && plan.status == .draft && !plan.goals.isEmpty, button("submit", t("Send for review"))),
            .if(canEdit && plan.status == .inReview && missing.isEmpty, button("activate", t("Make it active"))),
            .if(
                plan.status == .inReview && !missing.isEmpty,
                .p(
                    .class("muted small"),
                    .text(
                        t(
                            "It becomes active once acknowledged by: {who}.",
                            ["who": missing.map { t.data($0.label).lowercased() }.joined(separator: ", ")])))),
            .if(canEdit && plan.status == .active && viewer.role == .teacher, button("complete", t("Mark complete"))),
            .unwrap(plan.frozenMastery) { frozen in
                .details(
                    .summary(
                        .text(
                            t(
                                "Mastery when the plan was completed ({mastered} of {total} mastered)",
                                [
                                    "mastered": t.number(frozen.filter(\.mastered).count),
                                    "total": t.number(frozen.count),
                                ]))),
                    .ul(
                        .forEach(frozen) {
                            .li(
                                .text(
                                    "\($0.code) — \($0.title): \(t.data($0.level))"
                                        + ($0.mastered ? " " + t("(mastered)") : "")))
                        }))
            }
        )
    }

    func acknowledgeLabel(_ t: Translator) -> String {
        switch signer {
        case .student: t("Acknowledge as student")
        case .advisor: t("Acknowledge as advisor")
        case .guardian: t("Acknowledge as guardian")
        }
    }

    var signer: LearningPlan.Signer {
        switch viewer.role {
        case .student: .student
        case .guardian: .guardian
        default: .advisor
        }
    }

    func editForm(_ plan: LearningPlan?, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .section(
            .class("card"), .id("plan-editor"),
            .h2(.text(plan == nil ? t("Start a plan") : t("Edit the plan"))),
            .form(
                .method(.post), .action("/students/\(student.id.rawValue)/plan"), .id("plan-form"),
                Layout.csrfField(page.csrfToken),
                .unwrap(plan) { .input(.type(.hidden), .name("plan"), .value($0.id.rawValue)) },
                .div(
                    .class("field"), .label(.for("plan-title"), .text(t("Title"))),
                    .input(
                        .type(.text), .id("plan-title"), .name("title"),
                        .value(plan?.title ?? t("My plan for this year")))
                ),
                .div(
                    .class("field"), .label(.for("plan-pace"), .text(t("The pace I choose"))),
                    .input(.type(.text), .id("plan-pace"), .name("pace"), .value(plan?.pace ?? ""))),
                .div(
                    .class("field"), .label(.for("plan-path"), .text(t("The path I choose"))),
                    .input(.type(.text), .id("plan-path"), .name("path"), .value(plan?.path ?? ""))),
                .forEach(LearningPlan.Arena.allCases) { arena in
                    let goal = plan?.goals.first { $0.arena == arena }
                    return .fieldset(
                        .element(named: "legend", text: t.data(arena.label)),
                        .div(
                            .class("field"), .label(.for("goal-\(arena.rawValue)"), .text(t("Goal"))),
                            .input(
                                .type(.text), .id("goal-\(arena.rawValue)"), .name("goal-\(arena.rawValue)"),
                                .value(goal?.text ?? ""))),
                        .div(
                            .class("field"),
                            .label(.for("steps-\(arena.rawValue)"), .text(t("Action steps (one a line)"))),
                            .textarea(
                                .id("steps-\(arena.rawValue)"), .name("steps-\(arena.rawValue)"),
                                .attribute(named: "rows", value: "3"),
                                .text(goal?.actionSteps.joined(separator: "\n") ?? "")))
                    )
                },
                .button(.type(.submit), .class("button primary"), .text(t("Save the plan")))
            )
        )
    }
}

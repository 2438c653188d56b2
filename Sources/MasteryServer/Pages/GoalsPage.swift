import Foundation
import MasteryCore
import Plot

/// A student's goals: progress that follows mastery, state (in progress, met, missed, withdrawn), check-ins
/// and teachers' comments, and the form to set a new goal with SMART prompts.
struct GoalsPage {
    var student: Person
    var isOwn: Bool
    var canEdit: Bool
    var goals: [Goal]
    var notes: [Goal.ID: [GoalNote]]
    var names: [Person.ID: String]
    var records: [Competency.ID: MasteryRecord]
    var competencies: [Competency]
    var curriculum: Curriculum
    var now: Date
    var message: String?
    var formError: (field: String, message: String)?

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            isOwn ? "My goals" : "Goals — \(student.displayName)", page,
            Layout.heading(
                isOwn ? "My goals" : "Goals of \(student.displayName)", eyebrow: isOwn ? "My learning" : "Student",
                lead: "Progress follows the mastery records by itself; check-ins and comments keep the story."),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text($0))
            },
            StudentNavigation.links(student, current: "goals", page),
            .if(
                goals.isEmpty, .p(.class("muted"), "No goals yet."),
                else: .ul(.class("step-list"), .forEach(goals.reversed()) { goalCard($0, page) })),
            .if(canEdit, newGoalForm(page))
        )
    }

    func name(_ id: Competency.ID) -> String {
        guard let competency = curriculum.competency(id) else { return id.rawValue }
        return "\(competency.code) — \(competency.title)"
    }

    func goalCard(_ goal: Goal, _ page: PageContext) -> Node<HTML.ListContext> {
        let state = goal.state(records: records, at: now)
        let percent = Int((goal.fraction(records: records) * 100).rounded())
        return .li(
            .class("card step"), .id("goal-\(goal.id.rawValue)"),
            .h2(
                .text(goal.title),
                .span(
                    .class(state == .met ? "tag tag-mastered" : state == .missed ? "tag tag-overdue" : "tag"),
                    .text(state.label))),
            .p(
                .class("muted"),
                .text(
                    "Aim: level \(DisplayRounding.text(goal.targetLevel))"
                        + (goal.targetDate.map { " by \(Components.date($0))" } ?? "") + " · set by "
                        + (names[goal.createdBy] ?? "someone") + " on \(Components.date(goal.createdAt))")),
            .unwrap(goal.why.isEmpty ? nil : goal.why) { .p(.strong("Why it matters: "), .text($0)) },
            .unwrap(goal.plan.isEmpty ? nil : goal.plan) { .p(.strong("My plan: "), .text($0)) },
            .element(
                named: "progress",
                nodes: [
                    .attribute(named: "max", value: "100"), .attribute(named: "value", value: "\(percent)"),
                    .attribute(named: "aria-label", value: "\(goal.title): \(percent)% of the way"),
                    .class("pathway-progress"),
                ]),
            .p(.class("small"), .text("\(percent)% of the way")),
            .ul(
                .forEach(goal.progress(records: records)) { entry in
                    .li(
                        .text(name(entry.competency) + ": "),
                        .text(
                            entry.value.map {
                                "at \(DisplayRounding.text($0)) of \(DisplayRounding.text(goal.targetLevel))"
                            } ?? "no evidence yet"))
                }),
            .if(
                !(notes[goal.id] ?? []).isEmpty,
                .div(
                    .h3("Check-ins and comments"),
                    .ul(
                        .class("plain-list"),
                        .forEach(notes[goal.id] ?? []) { note in
                            .li(
                                .strong(.text(note.kind == .checkIn ? "Check-in" : "Comment")),
                                .text(
                                    " by \(names[note.authorID] ?? "someone"), \(Components.date(note.at)): \(note.text)"
                                ))
                        })
                )),
            .if(
                canEdit && state == .active,
                .group(
                    .form(
                        .method(.post),
                        .action(
                            "/students/\(student.id.rawValue)/goals/\(goal.id.rawValue)/\(isOwn ? "check-in" : "comment")"
                        ),
                        .class("inline-form"),
                        Layout.csrfField(page.csrfToken),
                        .label(.for("note-\(goal.id.rawValue)"), .text(isOwn ? "Check in" : "Comment")),
                        .input(.type(.text), .id("note-\(goal.id.rawValue)"), .name("text"), .required(true)),
                        .button(.type(.submit), .class("button small"), .text(isOwn ? "Add check-in" : "Add comment"))
                    ),
                    .form(
                        .method(.post), .action("/students/\(student.id.rawValue)/goals/\(goal.id.rawValue)/withdraw"),
                        .class("inline-form"),
                        Layout.csrfField(page.csrfToken),
                        .button(
                            .type(.submit), .class("button small secondary"),
                            .attribute(named: "aria-label", value: "Withdraw the goal \(goal.title)"), "Withdraw")
                    )
                ))
        )
    }

    func newGoalForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        let levels = curriculum.scales.values.sorted { $0.name < $1.name }.first?.levels ?? []
        return .section(
            .class("card"), .id("new-goal"),
            .h2("Set a goal"),
            .unwrap(formError) {
                .div(.class("notice notice-error"), .attribute(named: "role", value: "alert"), .text($0.message))
            },
            .form(
                .method(.post), .action("/students/\(student.id.rawValue)/goals"), .id("goal-form"),
                Layout.csrfField(page.csrfToken),
                .div(
                    .class("field"),
                    .label(.for("goal-title"), "Specific: what do I want to achieve?"),
                    .input(.type(.text), .id("goal-title"), .name("title"), .required(true))
                ),
                .div(
                    .class("field"),
                    .label(.for("goal-why"), "Relevant: why does it matter to me?"),
                    .textarea(.id("goal-why"), .name("why"), .attribute(named: "rows", value: "2"))
                ),
                .fieldset(
                    .element(named: "legend", text: "Measurable: the competencies it is about"),
                    .div(
                        .class("choice-column goal-competencies"),
                        .forEach(competencies) { competency in
                            .label(
                                .class("choice"),
                                .input(.type(.checkbox), .name("competency"), .value(competency.id.rawValue)),
                                .text(" \(competency.code) — \(competency.title)"))
                        })
                ),
                .div(
                    .class("field"),
                    .label(.for("goal-target"), "Achievable: the level I aim for"),
                    .select(
                        .id("goal-target"), .attribute(named: "name", value: "target"),
                        .forEach(levels) { level in
                            .element(
                                named: "option",
                                nodes: [
                                    .attribute(named: "value", value: DisplayRounding.text(level.value)),
                                    .text("\(DisplayRounding.text(level.value)) \(level.label)"),
                                ])
                        })
                ),
                .div(
                    .class("field"),
                    .label(.for("goal-date"), "Time-bound: by when?"),
                    .input(.type(.date), .id("goal-date"), .name("date"))
                ),
                .div(
                    .class("field"),
                    .label(.for("goal-plan"), "My plan: how will I get there?"),
                    .textarea(.id("goal-plan"), .name("plan"), .attribute(named: "rows", value: "3"))
                ),
                .button(.type(.submit), .class("button primary"), "Save the goal")
            )
        )
    }
}

/// Links between a student's pages.
enum StudentNavigation {
    static let pages: [(key: String, label: String, path: String)] = [
        ("tracker", "Tracker", ""), ("next", "Next steps", "/next-steps"), ("goals", "Goals", "/goals"),
        ("reflections", "Reflections", "/reflections"), ("profile", "Profile", "/profile"),
        ("plan", "Learning plan", "/plan"),
        ("backpack", "Backpack", "/backpack"), ("conference", "Conference report", "/conference"),
    ]

    /// The pages the viewer may open (the backpack is for the student, their teachers and administrators).
    static func links(_ student: Person, current: String, _ context: PageContext) -> Node<HTML.BodyContext> {
        let role = context.user?.role
        let t = context.t
        let shown = pages.filter { $0.key != "backpack" || (role != .guardian && role != .coach) }
        return .nav(
            .class("student-nav"), .attribute(named: "aria-label", value: t("Student pages")),
            .ul(
                .forEach(shown) { page in
                    .li(
                        .if(
                            page.key == current,
                            .span(.attribute(named: "aria-current", value: "page"), .text(t(page.label))),
                            else: .a(.href("/students/\(student.id.rawValue)\(page.path)"), .text(t(page.label)))))
                })
        )
    }
}

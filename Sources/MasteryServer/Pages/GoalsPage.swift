import Foundation
import MasteryCore
import Plot

/// A student's goals: progress that follows mastery, state (in progress, met, missed, withdrawn), check-ins
/// and teachers' comments, and the form to set a new goal with SMART prompts. Withdrawing asks first and can be
/// undone ("Bring it back").
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
        let t = page.t
        return Layout.page(
            isOwn ? t("My goals") : t("Goals — {name}", ["name": student.displayName]), page,
            Layout.heading(
                isOwn ? t("My goals") : t("Goals of {name}", ["name": student.displayName]),
                eyebrow: isOwn ? t("My learning") : t("Student"),
                lead: t("Progress follows the mastery records by itself; check-ins and comments keep the story.")),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text(t.data($0)))
            },
            StudentNavigation.links(student, current: "goals", page),
            .if(
                goals.isEmpty, .p(.class("muted"), .text(t("No goals yet."))),
                else: .ul(.class("step-list"), .forEach(goals.reversed()) { goalCard($0, page) })),
            .if(canEdit, newGoalForm(page))
        )
    }

    func name(_ id: Competency.ID) -> String {
        guard let competency = curriculum.competency(id) else { return id.rawValue }
        return "\(competency.code) — \(competency.title)"
    }

    func goalCard(_ goal: Goal, _ page: PageContext) -> Node<HTML.ListContext> {
        let t = page.t
        let state = goal.state(records: records, at: now)
        let percent = Int((goal.fraction(records: records) * 100).rounded())
        let aim = [
            "level": DisplayRounding.text(goal.targetLevel), "name": names[goal.createdBy] ?? t("someone"),
            "date": t.date(goal.createdAt), "by": goal.targetDate.map { t.date($0) } ?? "",
        ]
        return .li(
            .class("card step"), .id("goal-\(goal.id.rawValue)"),
            .h2(
                .text(goal.title),
                .span(
                    .class(state == .met ? "tag tag-mastered" : state == .missed ? "tag tag-overdue" : "tag"),
                    .text(t.data(state.label)))),
            .p(
                .class("muted"),
                .text(
                    goal.targetDate == nil
                        ? t("Aim: level {level} · set by {name} on {date}", aim)
                        : t("Aim: level {level} by {by} · set by {name} on {date}", aim))),
            .unwrap(goal.why.isEmpty ? nil : goal.why) { .p(.strong(.text(t("Why it matters:") + " ")), .text($0)) },
            .unwrap(goal.plan.isEmpty ? nil : goal.plan) { .p(.strong(.text(t("My plan:") + " ")), .text($0)) },
            .element(
                named: "progress",
                nodes: [
                    .attribute(named: "max", value: "100"), .attribute(named: "value", value: "\(percent)"),
                    .attribute(
                        named: "aria-label",
                        value: t("{title}: {percent}% of the way", ["title": goal.title, "percent": "\(percent)"])),
                    .class("pathway-progress"),
                ]),
            .p(.class("small"), .text(t("{percent}% of the way", ["percent": "\(percent)"]))),
            // Each competency as the tracker and gradebook show it (level and value), then the aim.
            .ul(
                .forEach(goal.competencyIDs) { id in
                    let scale = curriculum.competency(id).flatMap { curriculum.scale(for: $0) }
                    let record = records[id]
                    let level = record?.levelValue.flatMap { value in scale?.levels.first { $0.value == value } }
                    let target = scale?.levels.first { $0.value == goal.targetLevel }
                    return .li(
                        .text(name(id) + ": "),
                        Components.levelBadge(level, value: record?.value, t: t),
                        .text(
                            " · "
                                + t(
                                    "aim: {level}",
                                    [
                                        "level": target.map { "\(t.data($0.label)) (\(DisplayNumber.text($0.value)))" }
                                            ?? DisplayRounding.text(goal.targetLevel)
                                    ])))
                }),
            .if(
                !(notes[goal.id] ?? []).isEmpty,
                .div(
                    .h3(.text(t("Check-ins and comments"))),
                    .ul(
                        .class("plain-list"),
                        .forEach(notes[goal.id] ?? []) { note in
                            .li(
                                .strong(.text(note.kind == .checkIn ? t("Check-in") : t("Comment"))),
                                .text(
                                    " "
                                        + t(
                                            "by {name}, {date}: {text}",
                                            [
                                                "name": names[note.authorID] ?? t("someone"), "date": t.date(note.at),
                                                "text": note.text,
                                            ])))
                        })
                )),
            .if(canEdit && state == .active, activeGoalForms(goal, page)),
            .if(canEdit && goal.withdrawn, restoreForm(goal, page))
        )
    }

    /// Check in (or comment), and withdraw — behind a question first, since it takes the goal off the list.
    func activeGoalForms(_ goal: Goal, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let base = "/students/\(student.id.rawValue)/goals/\(goal.id.rawValue)"
        return .group(
            .form(
                .method(.post), .action("\(base)/\(isOwn ? "check-in" : "comment")"), .class("inline-form"),
                Layout.csrfField(page.csrfToken),
                .label(.for("note-\(goal.id.rawValue)"), .text(isOwn ? t("Check in") : t("Comment"))),
                .input(.type(.text), .id("note-\(goal.id.rawValue)"), .name("text"), .required(true)),
                .button(.type(.submit), .class("button small"), .text(isOwn ? t("Add check-in") : t("Add comment")))
            ),
            .details(
                .class("confirm"),
                .summary(
                    .class("button small secondary"),
                    .attribute(named: "aria-label", value: t("Withdraw the goal {title}", ["title": goal.title])),
                    .text(t("Withdraw"))),
                .form(
                    .method(.post), .action("\(base)/withdraw"), .class("inline-form"),
                    Layout.csrfField(page.csrfToken),
                    .p(.text(t("Withdraw this goal? It leaves the list of goals in progress; you can bring it back."))),
                    .button(.type(.submit), .class("button small danger"), .text(t("Yes, withdraw it")))
                )
            )
        )
    }

    /// A withdrawn goal comes back with one click.
    func restoreForm(_ goal: Goal, _ page: PageContext) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action("/students/\(student.id.rawValue)/goals/\(goal.id.rawValue)/restore"),
            .class("inline-form"), Layout.csrfField(page.csrfToken),
            .button(.type(.submit), .class("button small secondary"), .text(page.t("Bring it back")))
        )
    }

    func newGoalForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let scale = curriculum.scales.values.sorted { $0.name < $1.name }.first
        let levels = scale?.levels ?? []
        // The target is chosen, never left at the lowest level: the mastery threshold unless the student picks.
        let proposed = scale?.masteryThreshold
        return .section(
            .class("card"), .id("new-goal"),
            .h2(.text(t("Set a goal"))),
            .unwrap(formError) {
                .div(
                    .class("notice notice-error"), .attribute(named: "role", value: "alert"), .text(t.data($0.message)))
            },
            .form(
                .method(.post), .action("/students/\(student.id.rawValue)/goals"), .id("goal-form"),
                Layout.csrfField(page.csrfToken),
                .div(
                    .class("field"),
                    .label(.for("goal-title"), .text(t("Specific: what do I want to achieve?"))),
                    .input(.type(.text), .id("goal-title"), .name("title"), .required(true))
                ),
                .div(
                    .class("field"),
                    .label(.for("goal-why"), .text(t("Relevant: why does it matter to me?"))),
                    .textarea(.id("goal-why"), .name("why"), .attribute(named: "rows", value: "2"))
                ),
                .fieldset(
                    .element(named: "legend", text: t("Measurable: the competencies it is about")),
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
                    .label(.for("goal-target"), .text(t("Achievable: the level I aim for"))),
                    .select(
                        .id("goal-target"), .attribute(named: "name", value: "target"),
                        .forEach(levels) { level in
                            Components.option(
                                DisplayRounding.text(level.value),
                                "\(DisplayRounding.text(level.value)) \(t.data(level.label))",
                                selected: level.value == proposed)
                        })
                ),
                .div(
                    .class("field"),
                    .label(.for("goal-date"), .text(t("Time-bound: by when?"))),
                    .input(.type(.date), .id("goal-date"), .name("date"))
                ),
                .div(
                    .class("field"),
                    .label(.for("goal-plan"), .text(t("My plan: how will I get there?"))),
                    .textarea(.id("goal-plan"), .name("plan"), .attribute(named: "rows", value: "3"))
                ),
                .button(.type(.submit), .class("button primary"), .text(t("Save the goal")))
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
        ("report", "Report cards", "/report-cards"), ("elos", "Learning beyond school", "/elos"),
        ("transcript", "Transcript", "/transcript"),
    ]

    /// The pages the viewer may open (the backpack is for the student, their family, teachers and administrators).
    static func links(_ student: Person, current: String, _ context: PageContext) -> Node<HTML.BodyContext> {
        let role = context.user?.role
        let t = context.t
        let shown = pages.filter { $0.key != "backpack" || role != .coach }
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

import Foundation
import MasteryCore
import Plot

/// The tasks a section's teacher can score.
struct TaskListPage {
    var data: SectionData
    var tasks: [PerformanceTask]

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Score a task — \(data.section.name)", page,
            Layout.heading(
                "Score a task", eyebrow: data.section.name, lead: "Choose a performance task to score its rubric."),
            .p(.a(.href("/sections/\(data.section.id.rawValue)"), "Back to the gradebook")),
            .if(
                tasks.isEmpty, .p(.class("muted"), "This course's frameworks have no tasks yet."),
                else: .ul(
                    .class("plain-list"),
                    .forEach(tasks) { task in
                        .li(
                            .a(
                                .href("/sections/\(data.section.id.rawValue)/tasks/\(task.id.rawValue)/score"),
                                .text(task.title)),
                            .text(" — \(task.criteria.count) criteria"))
                    }))
        )
    }
}

/// One student's rubric: the class list (who is scored, absent or waiting), every criterion with its levels
/// side by side (number keys pick a level), feedback per criterion and overall, and a bar that stays in reach with "Save
/// and next", "Save", "Skip" and "Absent". A student already scored says so, with the levels that count.
struct ScoringPage {
    var data: SectionData
    var task: PerformanceTask
    var student: Person
    var scoring: TaskScoring
    var viewer: Person.ID
    var saved: Person?
    var notice: String? = nil
    /// A refused submission: the problem, and what was entered (level text and feedback by criterion).
    var problem: String? = nil
    var entered: FormData = FormData()

    var base: String { "/sections/\(data.section.id.rawValue)/tasks/\(task.id.rawValue)" }

    func render(_ page: PageContext) -> HTML {
        let position = data.students.firstIndex(of: student) ?? 0
        return Layout.page(
            "\(task.title) — \(student.displayName)", page, wide: true,
            .element(
                named: "script",
                nodes: [
                    .attribute(named: "src", value: "/assets/scoring.js"), .attribute(named: "defer", value: "defer"),
                ]),
            Layout.heading(
                "\(student.displayName)",
                eyebrow:
                    "\(task.title) · student \(position + 1) of \(data.students.count) · \(scoring.waitingCount) still to score",
                lead: "Pick a level for each criterion (number keys work), add feedback if you like, then save."),
            .unwrap(saved) { savedNotice($0, page) },
            .unwrap(notice) { .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text($0)) },
            .unwrap(problem) {
                .div(.class("notice notice-error"), .attribute(named: "role", value: "alert"), .text($0))
            },
            .p(.a(.href("/sections/\(data.section.id.rawValue)/tasks"), "All tasks")),
            .div(
                .class("scoring-layout"),
                classList,
                .div(
                    alreadyScored,
                    .form(
                        .method(.post), .action("\(base)/score"), .id("scoring-form"),
                        Layout.csrfField(page.csrfToken),
                        .input(.type(.hidden), .name("student"), .value(student.id.rawValue)),
                        .forEach(task.criteria.sorted { $0.position < $1.position }) { criterion($0) },
                        .div(
                            .class("field"),
                            .label(.for("feedback-overall"), "Overall feedback (optional)"),
                            .textarea(
                                .id("feedback-overall"), .name("feedback-overall"),
                                .attribute(named: "rows", value: "3"),
                                .attribute(named: "aria-describedby", value: "feedback-overall-hint"),
                                .text(entered["feedback-overall"] ?? "")),
                            .p(
                                .id("feedback-overall-hint"), .class("small muted"),
                                "The student and their family read it beside each level you save.")),
                        .div(
                            .class("save-bar"),
                            .button(
                                .type(.submit), .name("next"), .value("1"), .class("button primary"),
                                "Save and next student"),
                            .button(.type(.submit), .class("button secondary"), "Save"),
                            .button(
                                .type(.submit), .name("skip"), .value("1"), .class("button secondary"), "Skip for now"),
                            .button(.type(.submit), .name("absent"), .value("1"), .class("button secondary"), "Absent")
                        )
                    )
                )
            )
        )
    }

    /// The class in order, each marked scored, absent or waiting; the one on screen is the current page.
    var classList: Node<HTML.BodyContext> {
        .nav(
            .class("class-list"), .attribute(named: "aria-label", value: "Class list"),
            .h2(.text("Class (\(scoring.waitingCount) waiting)")),
            .ol(
                .forEach(data.students) { person in
                    let (tag, label): (String, String) =
                        switch scoring.status(of: person.id) {
                        case .waiting: ("tag", "waiting")
                        case .scored: ("tag tag-mastered", "scored")
                        case .absent: ("tag tag-overdue", "absent")
                        case .skipped: ("tag", "skipped")
                        }
                    return .li(
                        .a(
                            .href("\(base)/score?student=\(person.id.rawValue)"),
                            .if(person.id == student.id, .attribute(named: "aria-current", value: "page")),
                            .text(person.displayName)),
                        .text(" "), .span(.class(tag), .text(label)))
                })
        )
    }

    /// Said before the rubric when the student already has levels on this task.
    var alreadyScored: Node<HTML.BodyContext> {
        guard case .scored(let levels, let at) = scoring.status(of: student.id) else {
            switch scoring.status(of: student.id) {
            case .absent: return .p(.class("notice"), .text("Marked absent. Saving levels takes the mark away."))
            case .skipped:
                return .p(.class("notice"), .text("Skipped earlier. Saving levels takes the mark away."))
            default: break
            }
            return .empty
        }
        let given = task.criteria.sorted { $0.position < $1.position }.compactMap { criterion in
            levels[criterion.id].map { "\(criterion.title) \(DisplayNumber.text($0))" }
        }
        return .p(
            .class("notice"), .id("already-scored"),
            .text(
                "Already scored \(Components.date(at)): \(given.joined(separator: "; ")). Saving again adds new evidence."
            ))
    }

    func criterion(_ criterion: RubricCriterion) -> Node<HTML.FormContext> {
        let descriptors = criterion.descriptors.sorted { $0.levelValue < $1.levelValue }
        return .fieldset(
            .class("criterion"),
            .element(
                named: "legend",
                text: "\(criterion.title) (\(data.curriculum.competency(criterion.competencyID)?.code ?? ""))"),
            .div(
                .class("level-grid"),
                .forEach(descriptors.enumerated()) { index, descriptor in
                    .label(
                        .class("level-option"),
                        .input(
                            .type(.radio), .name("level-\(criterion.id.rawValue)"),
                            .value(DisplayRounding.text(descriptor.levelValue)),
                            .data(named: "key", value: "\(index + 1)"),
                            .checked(
                                entered.text("level-\(criterion.id.rawValue)").flatMap(Double.init)
                                    == descriptor.levelValue)),
                        .strong(.text(" \(index + 1)")), .text(" \(descriptor.text)"))
                }),
            .details(
                .summary("Feedback on this criterion"),
                .div(
                    .class("field"),
                    .label(
                        .for("feedback-\(criterion.id.rawValue)"), .class("sr-only"), "Feedback on \(criterion.title)"),
                    .textarea(
                        .id("feedback-\(criterion.id.rawValue)"), .name("feedback-\(criterion.id.rawValue)"),
                        .attribute(named: "rows", value: "2"),
                        .text(entered["feedback-\(criterion.id.rawValue)"] ?? ""))))
        )
    }

    /// The previous student's mastery on this task's competencies, right after saving, and a way to take the save
    /// back (asked once more before anything changes).
    func savedNotice(_ previous: Person, _ page: PageContext) -> Node<HTML.BodyContext> {
        let row = data.gradebook.rows.first { $0.student.id == previous.id }
        let competencies = Set(task.criteria.map(\.competencyID))
        let cells = row?.cells.filter { competencies.contains($0.competency.id) } ?? []
        let undoable = scoring.lastSave[previous.id]?.recordedBy == viewer
        return .div(
            .class("notice notice-ok"), .attribute(named: "role", value: "status"),
            .text("Saved for \(previous.displayName). Mastery now: "),
            .text(
                cells.map { cell in
                    let value = cell.record?.value.map { " (\(DisplayRounding.text($0)))" } ?? ""
                    return
                        "\(cell.competency.code) \(cell.level.map { "\($0.label)\(value)" } ?? "not enough evidence")"
                }
                .joined(separator: "; ")),
            .if(
                undoable,
                .form(
                    .method(.post), .action("\(base)/undo"), .class("inline-form"),
                    Layout.csrfField(page.csrfToken),
                    .input(.type(.hidden), .name("student"), .value(previous.id.rawValue)),
                    .button(
                        .type(.submit), .class("button small"),
                        .attribute(named: "aria-label", value: "Undo the save for \(previous.displayName)"),
                        "Undo this save")))
        )
    }
}

/// "Undo the levels saved for …?": what the save was, and the two answers. Undoing excludes each event (with
/// the reason), so the record shows it was taken back.
struct UndoScoringPage {
    var data: SectionData
    var task: PerformanceTask
    var student: Person
    var save: TaskScoring.Save

    func render(_ page: PageContext) -> HTML {
        let base = "/sections/\(data.section.id.rawValue)/tasks/\(task.id.rawValue)"
        let criteria = Dictionary(task.criteria.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        return Layout.page(
            "Undo a save — \(student.displayName)", page,
            Layout.heading(
                "Undo the levels saved for \(student.displayName)?", eyebrow: task.title,
                lead: "They stop counting; the record keeps them, marked as undone."),
            .ul(
                .forEach(save.events) { event in
                    .li(
                        .text(
                            "\(event.criterionID.flatMap { criteria[$0] } ?? event.competencyID.rawValue): \(event.score.map(DisplayNumber.text) ?? "no score")"
                        ))
                }),
            .form(
                .method(.post), .action("\(base)/undo"), .class("inline-form"),
                Layout.csrfField(page.csrfToken),
                .input(.type(.hidden), .name("student"), .value(student.id.rawValue)),
                .input(.type(.hidden), .name("confirm"), .value("yes")),
                .button(.type(.submit), .class("button primary"), "Undo the save"),
                .a(.class("button secondary"), .href("\(base)/score?student=\(student.id.rawValue)"), "Keep it"))
        )
    }
}

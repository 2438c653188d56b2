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

/// One student's rubric: every criterion with its level descriptors as radio buttons (number keys pick a
/// level), feedback per criterion, and "Save and next student".
struct ScoringPage {
    var data: SectionData
    var task: PerformanceTask
    var student: Person
    var saved: Person?
    /// A refused submission: the problem, and what was entered (level text and feedback by criterion).
    var problem: String? = nil
    var entered: FormData = FormData()

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
                "\(student.displayName)", eyebrow: "\(task.title) · student \(position + 1) of \(data.students.count)",
                lead:
                    "Pick a level for each criterion (number keys work), add feedback, then go on to the next student."),
            .unwrap(saved) { savedNotice($0) },
            .unwrap(problem) {
                .div(.class("notice notice-error"), .attribute(named: "role", value: "alert"), .text($0))
            },
            .p(.a(.href("/sections/\(data.section.id.rawValue)/tasks"), "All tasks")),
            .form(
                .method(.post), .action("/sections/\(data.section.id.rawValue)/tasks/\(task.id.rawValue)/score"),
                .id("scoring-form"),
                Layout.csrfField(page.csrfToken),
                .input(.type(.hidden), .name("student"), .value(student.id.rawValue)),
                .forEach(task.criteria.sorted { $0.position < $1.position }) { criterion in
                    .fieldset(
                        .class("criterion card"),
                        .element(
                            named: "legend",
                            text:
                                "\(criterion.title) (\(data.curriculum.competency(criterion.competencyID)?.code ?? ""))"
                        ),
                        .div(
                            .class("choice-column"),
                            .forEach(criterion.descriptors.sorted { $0.levelValue < $1.levelValue }.enumerated()) {
                                index, descriptor in
                                .label(
                                    .class("choice"),
                                    .input(
                                        .type(.radio), .name("level-\(criterion.id.rawValue)"),
                                        .value(DisplayRounding.text(descriptor.levelValue)),
                                        .data(named: "key", value: "\(index + 1)"),
                                        .checked(
                                            entered.text("level-\(criterion.id.rawValue)").flatMap(Double.init)
                                                == descriptor.levelValue)),
                                    .text(" \(index + 1) — \(descriptor.text)"))
                            }),
                        .div(
                            .class("field"),
                            .label(.for("feedback-\(criterion.id.rawValue)"), "Feedback"),
                            .textarea(
                                .id("feedback-\(criterion.id.rawValue)"), .name("feedback-\(criterion.id.rawValue)"),
                                .attribute(named: "rows", value: "2"),
                                .text(entered["feedback-\(criterion.id.rawValue)"] ?? "")))
                    )
                },
                .button(.type(.submit), .name("next"), .value("1"), .class("button primary"), "Save and next student"),
                .button(.type(.submit), .class("button secondary"), "Save")
            )
        )
    }

    /// The previous student's mastery on this task's competencies, right after saving.
    func savedNotice(_ previous: Person) -> Node<HTML.BodyContext> {
        let row = data.gradebook.rows.first { $0.student.id == previous.id }
        let competencies = Set(task.criteria.map(\.competencyID))
        let cells = row?.cells.filter { competencies.contains($0.competency.id) } ?? []
        return .div(
            .class("notice notice-ok"), .attribute(named: "role", value: "status"),
            .text("Saved for \(previous.displayName). Mastery now: "),
            .text(
                cells.map {
                    "\($0.competency.code) \($0.level.map { "\(DisplayRounding.text($0.value)) \($0.label)" } ?? "not enough evidence")"
                }
                .joined(separator: "; ")))
    }
}

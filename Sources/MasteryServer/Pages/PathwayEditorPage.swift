import Foundation
import MasteryCore
import Plot

/// The course's pathway for the teachers of its sections: its title and pacing, the steps in order (moved,
/// removed; a step of several competencies is a branch), a step added with an optional date, and — when the
/// teacher sets the pace — which steps are open and a button to open the next.
struct PathwayEditorPage {
    var section: Section
    var pathway: Pathway?
    var competencies: [Competency]
    /// The last open step of a teacher-paced pathway, now.
    var lastOpen: Int?
    var message: String?

    var base: String { "/sections/\(section.id.rawValue)/pathway/edit" }

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Pathway — \(section.name)", page,
            Layout.heading(
                pathway?.title ?? "A pathway for this course", eyebrow: "Pathway · \(section.name)",
                lead: "The route through the course, shared by every section of it. Students see the open steps."),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text($0))
            },
            .p(.a(.href("/sections/\(section.id.rawValue)/pathway"), "Back to the pathway map")),
            .if(
                pathway == nil, settings(page, action: "create"),
                else: .group(steps(page), settings(page, action: "settings"), addStep(page)))
        )
    }

    func name(_ id: Competency.ID) -> String { competencies.first { $0.id == id }?.code ?? id.rawValue }

    func steps(_ page: PageContext) -> Node<HTML.BodyContext> {
        guard let pathway else { return .empty }
        let teacherPaced = pathway.pacing == .teacherPaced
        return .section(
            .class("card"), .attribute(named: "aria-labelledby", value: "steps-title"),
            .h2(.id("steps-title"), .text("Steps (\(pathway.steps.count))")),
            .if(
                teacherPaced,
                .p(
                    .text(
                        pathway.steps.isEmpty
                            ? "No steps yet."
                            : "Open now: steps 1–\(min((lastOpen ?? 0) + 1, pathway.steps.count)) of \(pathway.steps.count)."
                    ),
                    .if(
                        (lastOpen ?? 0) + 1 < pathway.steps.count,
                        .form(
                            .method(.post), .action("\(base)/open"), .class("inline-form"),
                            Layout.csrfField(page.csrfToken),
                            .button(.type(.submit), .class("button primary small"), "Open the next step"))))),
            .ol(
                .class("plain-list"), .id("pathway-steps"),
                .forEach(pathway.steps.enumerated()) { index, step in
                    .li(
                        .strong(.text("\(index + 1). \(step.competencyIDs.map(name).joined(separator: " or "))")),
                        .if(step.isBranch, .text(" (a branch: any one completes the step)")),
                        .unwrap(step.targetDate) { .text(" · by \(page.t.date($0))") },
                        .if(teacherPaced && index > (lastOpen ?? 0), .span(.class("tag"), .text("not open yet"))),
                        .div(
                            .if(index > 0, button(index, "up", "Move up", page)),
                            .if(index < pathway.steps.count - 1, button(index, "down", "Move down", page)),
                            button(index, "remove", "Remove", page)))
                })
        )
    }

    func button(_ index: Int, _ action: String, _ label: String, _ page: PageContext) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action("\(base)/steps/\(index)/\(action)"), .class("row-form"),
            Layout.csrfField(page.csrfToken),
            .button(
                .type(.submit), .class("button small"),
                .attribute(named: "aria-label", value: "\(label): step \(index + 1)"), .text(label)))
    }

    func settings(_ page: PageContext, action: String) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .attribute(named: "aria-labelledby", value: "settings-title"),
            .h2(.id("settings-title"), .text(action == "create" ? "Create the pathway" : "Title and pace")),
            .form(
                .method(.post), .action("\(base)/\(action)"),
                Layout.csrfField(page.csrfToken),
                .div(
                    .class("field"), .label(.for("pathway-title"), "Title"),
                    .input(
                        .type(.text), .id("pathway-title"), .name("title"), .value(pathway?.title ?? ""),
                        .attribute(named: "required", value: "required"), .attribute(named: "maxlength", value: "200"))),
                .fieldset(
                    .class("inline-choices"), .element(named: "legend", text: "Who sets the pace"),
                    .label(
                        .input(
                            .type(.radio), .name("pacing"), .value("self-paced"),
                            .checked(pathway?.pacing != .teacherPaced)),
                        " Each student (the next step opens when the last is mastered)"),
                    .label(
                        .input(
                            .type(.radio), .name("pacing"), .value("teacher-paced"),
                            .checked(pathway?.pacing == .teacherPaced)),
                        " The teacher (steps open on their dates, or when you open them)")),
                .button(.type(.submit), .class("button primary"), .text(action == "create" ? "Create" : "Save"))
            )
        )
    }

    func addStep(_ page: PageContext) -> Node<HTML.BodyContext> {
        let used = Set(pathway?.steps.flatMap(\.competencyIDs) ?? [])
        let free = competencies.filter { !used.contains($0.id) }
        return .section(
            .class("card"), .attribute(named: "aria-labelledby", value: "add-step"),
            .h2(.id("add-step"), "Add a step"),
            .if(
                free.isEmpty, .p(.class("muted"), "Every competency of the course is on the pathway."),
                else: .form(
                    .method(.post), .action("\(base)/step"),
                    Layout.csrfField(page.csrfToken),
                    PlaylistItemForm.checklist(
                        "Competency (choose several for a branch)", name: "competency", competencies: free),
                    .div(
                        .class("field"), .label(.for("step-date"), "Target date (optional)"),
                        .input(.type(.date), .id("step-date"), .name("date"))),
                    .button(.type(.submit), .class("button primary"), "Add step")
                ))
        )
    }
}

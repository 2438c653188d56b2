import Foundation
import MasteryCore
import Plot

/// The section's work waiting to be scored, oldest first: what each student handed in (text, links, photos
/// and files) beside a level for each competency it covers and a feedback box. Saving makes the levels
/// evidence and shows the student the feedback.
struct WorkQueuePage {
    var section: Section
    var waiting: [WorkService.Waiting]
    var message: String?

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Work to score — \(section.name)", page,
            Layout.heading(
                "Work to score", eyebrow: section.name,
                lead: waiting.isEmpty
                    ? "Nothing is waiting. Work students hand in appears here, oldest first."
                    : "\(waiting.count) piece\(waiting.count == 1 ? "" : "s") of work, oldest first."),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text($0))
            },
            .p(
                .class("link-row"),
                .a(.href("/sections/\(section.id.rawValue)"), "Back to the gradebook"), .text(" · "),
                .a(.href("/sections/\(section.id.rawValue)/pathway"), "Pathway map"), .text(" · "),
                .a(.href("/sections/\(section.id.rawValue)/playlists"), "Playlists")),
            .ol(.class("plain-list work-queue"), .forEach(waiting) { entry(for: $0, page) })
        )
    }

    func entry(for entry: WorkService.Waiting, _ page: PageContext) -> Node<HTML.ListContext> {
        let submission = entry.submission
        let key = submission.id.rawValue
        let names = Dictionary(entry.competencies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return .li(
            .class("card work-entry"), .id("work-\(key)"),
            .h2(.text("\(entry.student.displayName) — \(entry.item.title)")),
            .p(.class("small muted"), .text("\(entry.playlist.title) · \(entry.item.kind.label)")),
            .unwrap(
                entry.previous,
                { previous in
                    // Handed in again after feedback: the earlier version and its feedback beside the new one.
                    .div(
                        .class("work-versions"),
                        .section(
                            .class("work-version"), .h3(.text("Before")),
                            WorkSummary(
                                submission: previous, names: names, scales: entry.scales,
                                reviewHeading: "Feedback given"
                            ).render(page)),
                        .section(
                            .class("work-version"), .h3(.text("Now")),
                            WorkSummary(submission: submission, names: names, scales: entry.scales).render(page)))
                },
                else: WorkSummary(submission: submission, names: names, scales: entry.scales).render(page)),
            .if(
                submission.files.contains { $0.type.isImage },
                .div(
                    .class("work-photos"),
                    .forEach(submission.files.filter { $0.type.isImage }) { file in
                        .img(
                            .src(WorkFileLink.path(submission: submission.id, file: file.id)),
                            .alt("Photo from \(entry.student.displayName): \(file.name)"),
                            .attribute(named: "loading", value: "lazy"))
                    })),
            .form(
                .method(.post), .action("/sections/\(section.id.rawValue)/queue/\(key)"), .class("score-work"),
                Layout.csrfField(page.csrfToken),
                .forEach(entry.competencies) { competency in
                    .fieldset(
                        .class("level-choice"),
                        .element(named: "legend", text: PlaylistItemForm.name(competency)),
                        .label(
                            .input(
                                .type(.radio), .name("level-\(competency.id.rawValue)"), .value(""), .checked(true)),
                            .text(" Not scored")),
                        .forEach(entry.scales[competency.id]?.levels ?? []) { level in
                            .label(
                                .input(
                                    .type(.radio), .name("level-\(competency.id.rawValue)"),
                                    .value(DisplayRounding.text(level.value))),
                                .text(" \(DisplayNumber.text(level.value)) \(level.label)"))
                        }
                    )
                },
                .div(
                    .class("field"),
                    .label(.for("feedback-\(key)"), .text("Feedback for \(entry.student.givenName)")),
                    .textarea(.id("feedback-\(key)"), .name("feedback"), .attribute(named: "rows", value: "3"))),
                .button(
                    .type(.submit), .class("button primary"),
                    .attribute(named: "aria-label", value: "Save score for \(entry.student.displayName)"), "Save score")
            )
        )
    }
}

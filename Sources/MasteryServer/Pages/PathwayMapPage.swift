import Foundation
import MasteryCore
import Plot

/// A section's pathway map for its teachers: where each student is against the expected pace, who has had no
/// new evidence for a while, which checkpoints wait to be scored, and playlist assignments.
struct PathwayMapPage {
    struct Row {
        var student: Person
        var position: Int?
        var completed: Int?
        var pace: Pace?
        var lastEvidence: Date?
        var stuck: Bool
        var checkpoints: [(playlist: Playlist, item: PlaylistItem, choice: AssessmentChoice?)]
        /// Checkpoints the student is ready to take (every must-do before them done).
        var ready: [PlaylistItem] = []
    }

    var section: Section
    var pathway: Pathway?
    var rows: [Row]
    var names: [Competency.ID: Competency]
    var playlists: [Playlist]
    /// Groups of the section's saved groupings, newest first: the form value and what the teacher reads.
    var groups: [(value: String, label: String)] = []
    var scale: ProficiencyScale?
    var stuckDays: Int
    var canManage: Bool
    var message: String?

    func stepLabel(_ index: Int?) -> String {
        guard let pathway, let index else { return "–" }
        guard index < pathway.steps.count else { return "Finished" }
        let codes = pathway.steps[index].competencyIDs.compactMap { names[$0]?.code }.joined(separator: " or ")
        return "Next: \(codes) (step \(index + 1))"
    }

    func render(_ page: PageContext) -> HTML {
        let waiting = rows.filter { !$0.checkpoints.isEmpty }
        return Layout.page(
            "Pathway — \(section.name)", page, wide: true,
            Layout.heading(
                "Pathway map", eyebrow: section.name,
                lead: pathway.map {
                    "\($0.title): \($0.steps.count) steps, \($0.pacing == .teacherPaced ? "teacher-paced" : "self-paced"). "
                        + "Who is where, who is stuck, and checkpoints to score."
                } ?? "This course has no pathway yet."),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text($0))
            },
            .p(
                .class("link-row"),
                .a(.href("/sections/\(section.id.rawValue)"), "Back to the gradebook"), .text(" · "),
                .a(.href("/sections/\(section.id.rawValue)/queue"), "Work to score"), .text(" · "),
                .a(.href("/sections/\(section.id.rawValue)/playlists"), "Playlists"),
                .if(
                    canManage,
                    .group(.text(" · "), .a(.href("/sections/\(section.id.rawValue)/pathway/edit"), "Edit the pathway"))
                )),
            summary(waiting: waiting.count),
            .if(!waiting.isEmpty, checkpointQueue(waiting, page)),
            table(),
            .if(canManage && !playlists.isEmpty, assignForm(page))
        )
    }

    func summary(waiting: Int) -> Node<HTML.BodyContext> {
        let behind = rows.filter { if case .behind = $0.pace { true } else { false } }.count
        let ahead = rows.filter { if case .ahead = $0.pace { true } else { false } }.count
        let onPace = rows.filter { $0.pace == .onPace }.count
        let stuck = rows.filter(\.stuck).count
        return .ul(
            .class("stat-grid"),
            .li(.class("card stat"), .h2(.text("\(ahead)")), .p("ahead of pace")),
            .li(.class("card stat"), .h2(.text("\(onPace)")), .p("on pace")),
            .li(.class("card stat"), .h2(.text("\(behind)")), .p("behind pace")),
            .li(
                .class("card stat"), .h2(.text("\(stuck)")),
                .p(.text("no evidence or playlist activity for \(Self.days(stuckDays))"))),
            .li(
                .class("card stat"), .h2(.text("\(rows.filter { !$0.ready.isEmpty }.count)")),
                .p("ready to take a checkpoint")),
            .li(.class("card stat"), .h2(.text("\(waiting)")), .p("checkpoints handed in, to score"))
        )
    }

    func checkpointQueue(_ waiting: [Row], _ page: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("checkpoints"), .attribute(named: "aria-labelledby", value: "checkpoints-title"),
            .h2(.id("checkpoints-title"), "Checkpoints to score"),
            .ul(
                .class("plain-list"),
                .forEach(waiting) { row in
                    .forEach(row.checkpoints) { entry in
                        let fieldID = "score-\(row.student.id.rawValue)-\(entry.item.id.rawValue)"
                        return .li(
                            .form(
                                .method(.post), .action("/sections/\(section.id.rawValue)/checkpoints"),
                                .class("checkpoint-form"),
                                Layout.csrfField(page.csrfToken),
                                .input(.type(.hidden), .name("student"), .value(row.student.id.rawValue)),
                                .input(.type(.hidden), .name("item"), .value(entry.item.id.rawValue)),
                                .strong(.text(row.student.displayName)),
                                .text(
                                    " — \(entry.item.title)\(entry.choice.map { " (shown by: \($0.label.lowercased()))" } ?? "") "
                                ),
                                .label(.for(fieldID), .class("sr-only"), .text("Level for \(row.student.displayName)")),
                                .select(
                                    .id(fieldID), .attribute(named: "name", value: "score"),
                                    .attribute(named: "required", value: "required"),
                                    Components.option("", "Choose a level"),
                                    .forEach(scale?.levels ?? []) { level in
                                        Components.option(
                                            DisplayRounding.text(level.value),
                                            "\(DisplayRounding.text(level.value)) \(level.label)")
                                    }),
                                .button(
                                    .type(.submit), .class("button primary small"),
                                    .attribute(
                                        named: "aria-label",
                                        value: "Score \(entry.item.title) for \(row.student.displayName)"),
                                    "Score")
                            )
                        )
                    }
                })
        )
    }

    func table() -> Node<HTML.BodyContext> {
        .div(
            Components.scrollRegion("Each student's place on the pathway"),
            .table(
                .class("pathway-map"), .id("pathway-map"),
                .caption(.text("Each student's place on the pathway")),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), "Student"),
                        .th(.attribute(named: "scope", value: "col"), "Where"),
                        .th(.attribute(named: "scope", value: "col"), "Pace"),
                        .th(.attribute(named: "scope", value: "col"), "Last evidence"),
                        .th(.attribute(named: "scope", value: "col"), "Attention")
                    )),
                .tbody(
                    .forEach(rows) { row in
                        .tr(
                            .attribute(named: "data-student-id", value: row.student.id.rawValue),
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .a(
                                    .href("/students/\(row.student.id.rawValue)/next-steps"),
                                    .text(row.student.sortName))),
                            .td(
                                .text(stepLabel(row.position)),
                                .unwrap(row.completed) { done in
                                    .span(
                                        .class("small muted"), .text(" (\(done) of \(pathway?.steps.count ?? 0) done)"))
                                }),
                            .td(.text(row.pace?.label ?? "–")),
                            .td(.text(row.lastEvidence.map(Components.date) ?? "none")),
                            .td(
                                .if(
                                    row.stuck,
                                    .span(
                                        .class("tag tag-overdue"),
                                        .text("Stuck: no evidence or playlist activity in \(Self.days(stuckDays))"))),
                                .if(!row.checkpoints.isEmpty, .span(.class("tag"), "Checkpoint handed in")),
                                .forEach(row.ready) { item in
                                    .span(.class("tag tag-ready"), .text("Ready for “\(item.title)”"))
                                }
                            )
                        )
                    })
            )
        )
    }

    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

    func assignForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("assign"),
            .h2("Assign a playlist"),
            .form(
                .method(.post), .action("/sections/\(section.id.rawValue)/assignments"), .id("assign-form"),
                Layout.csrfField(page.csrfToken),
                .div(
                    .class("field"),
                    .label(.for("playlist"), "Playlist"),
                    .select(
                        .id("playlist"), .attribute(named: "name", value: "playlist"),
                        .forEach(playlists) { playlist in Components.option(playlist.id.rawValue, playlist.title) })
                ),
                .if(
                    !groups.isEmpty,
                    .fieldset(
                        .element(named: "legend", text: "Groups (from saved groupings)"),
                        .div(
                            .class("choice-column"),
                            .forEach(groups) { group in
                                .label(
                                    .class("choice"), .input(.type(.checkbox), .name("group"), .value(group.value)),
                                    .text(" \(group.label)"))
                            }))),
                .fieldset(
                    .element(named: "legend", text: "Students"),
                    .div(
                        .class("choice-row"),
                        .forEach(rows) { row in
                            .label(
                                .class("choice"),
                                .input(.type(.checkbox), .name("student"), .value(row.student.id.rawValue)),
                                .text(" \(row.student.displayName)"))
                        })
                ),
                .button(.type(.submit), .class("button primary"), "Assign")
            )
        )
    }
}

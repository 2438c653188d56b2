import Foundation
import MasteryCore
import Plot

/// One playlist for its teacher: its items in order (moved up or down, removed), a form to add an item,
/// assigning it (students, a group of a saved grouping, the whole section), copying it to another section,
/// and retiring it. A catalog playlist is read-only here: copy it to change it.
struct PlaylistEditorPage {
    var section: Section
    var playlist: Playlist
    var course: PlaylistItemForm
    var canEdit: Bool
    var canAssign: Bool
    var students: [Person]
    var groups: [(value: String, label: String)]
    var targets: [Section]
    var message: String?
    /// The item being edited, when one is.
    var editing: PlaylistItem? = nil

    var checkpoints: [PlaylistItem] { playlist.items.filter { $0.kind == .checkpoint } }

    var base: String { "/sections/\(section.id.rawValue)/playlists/\(playlist.id.rawValue)" }

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "\(playlist.title) — \(section.name)", page,
            Layout.heading(
                playlist.title, eyebrow: "Playlist · \(section.name)",
                lead: playlist.isRetired
                    ? "Retired: kept for the record, offered to nobody."
                    : canEdit
                        ? "Add, order and remove items; assign it; copy it to another section."
                        : "From the district catalog: copy it to your section to change it."),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text($0))
            },
            .p(.a(.href("/sections/\(section.id.rawValue)/playlists"), "All playlists of \(section.name)")),
            .ol(.class("plain-list playlist-items"), .forEach(playlist.items.enumerated()) { item($0, $1, page) }),
            .unwrap(canEdit && !playlist.isRetired ? editing : nil) { item in
                .section(
                    .class("card"), .id("edit-item"), .attribute(named: "aria-labelledby", value: "edit-item-title"),
                    .h2(.id("edit-item-title"), "Change an item"),
                    .form(
                        .method(.post), .action("\(base)/items/\(item.id.rawValue)/edit"),
                        Layout.csrfField(page.csrfToken),
                        course.fields(item, checkpoints: checkpoints.filter { $0.id != item.id }),
                        .button(.type(.submit), .class("button primary"), "Save the item"),
                        .a(.class("button secondary"), .href(base), "Cancel")))
            },
            .if(
                canEdit && !playlist.isRetired,
                .section(
                    .class("card"), .attribute(named: "aria-labelledby", value: "add-item"),
                    .h2(.id("add-item"), "Add an item"),
                    .form(
                        .method(.post), .action("\(base)/items"), Layout.csrfField(page.csrfToken),
                        course.fields(checkpoints: checkpoints),
                        .button(.type(.submit), .class("button primary"), "Add item")))),
            .if(canAssign && !playlist.isRetired, assignForm(page)),
            .if(!targets.isEmpty, duplicateForm(page)),
            .if(
                canEdit && !playlist.isRetired,
                .form(
                    .method(.post), .action("\(base)/retire"), Layout.csrfField(page.csrfToken),
                    .button(.type(.submit), .class("button"), "Retire this playlist")))
        )
    }

    func item(_ index: Int, _ item: PlaylistItem, _ page: PageContext) -> Node<HTML.ListContext> {
        let competencies = item.scoredCompetencies(in: playlist).map { id in
            course.competencies.first { $0.id == id }?.code ?? id.rawValue
        }
        var opens = ""
        if case .mastery(let competency, let atLeast) = item.release {
            let name = course.competencies.first { $0.id == competency }?.code ?? competency.rawValue
            let level = course.scales[competency]?.levels.first { $0.value >= atLeast }?.label
            opens = " · opens at \(level ?? DisplayNumber.text(atLeast)) on \(name)"
        } else if case .checkpoint(let checkpoint, let lowest, let highest) = item.release {
            let title = playlist.item(checkpoint)?.title ?? "a checkpoint"
            let bound =
                lowest.map { "at least \(DisplayNumber.text($0))" }
                ?? highest.map { "at most \(DisplayNumber.text($0))" }
            opens = " · opens with a result \(bound ?? "") on “\(title)”"
        }
        func button(_ action: String, _ label: String) -> Node<HTML.BodyContext> {
            .form(
                .method(.post), .action("\(base)/items/\(item.id.rawValue)/\(action)"), .class("row-form"),
                Layout.csrfField(page.csrfToken),
                .button(
                    .type(.submit), .class("button small"),
                    .attribute(named: "aria-label", value: "\(label): \(item.title)"), .text(label)))
        }
        return .li(
            .id("item-\(item.id.rawValue)"),
            .strong(.text("\(index + 1). \(item.title)")),
            .text(
                " — \(item.isRequired ? "must-do" : "may-do") · \(item.kind.label) · \(item.minutes) min · "
                    + competencies.joined(separator: ", ") + opens),
            .if(
                canEdit && !playlist.isRetired,
                .div(
                    .a(
                        .class("button small"), .href("\(base)?edit=\(item.id.rawValue)#edit-item"),
                        .attribute(named: "aria-label", value: "Change: \(item.title)"), "Change"),
                    .if(index > 0, button("up", "Move up")),
                    .if(index < playlist.items.count - 1, button("down", "Move down")),
                    .if(playlist.items.count > 1, button("remove", "Remove"))))
        )
    }

    func assignForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .attribute(named: "aria-labelledby", value: "assign"),
            .h2(.id("assign"), "Assign"),
            .form(
                .method(.post), .action("\(base)/assign"), Layout.csrfField(page.csrfToken),
                .label(.input(.type(.checkbox), .name("everyone")), " Everyone in \(section.name)"),
                .if(
                    !groups.isEmpty,
                    .fieldset(
                        .element(named: "legend", text: "Groups of saved groupings"),
                        .div(
                            .class("check-list"),
                            .forEach(groups) { group in
                                .label(
                                    .input(.type(.checkbox), .name("group"), .value(group.value)),
                                    .text(" \(group.label)"))
                            }))),
                .fieldset(
                    .element(named: "legend", text: "Students"),
                    .div(
                        .class("check-list"),
                        .forEach(students) { student in
                            .label(
                                .input(.type(.checkbox), .name("student"), .value(student.id.rawValue)),
                                .text(" \(student.displayName)"))
                        })),
                .button(.type(.submit), .class("button primary"), "Assign")
            )
        )
    }

    func duplicateForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .attribute(named: "aria-labelledby", value: "duplicate"),
            .h2(.id("duplicate"), "Copy to a section"),
            .form(
                .method(.post), .action("\(base)/duplicate"), .class("inline-form"), Layout.csrfField(page.csrfToken),
                .label(.for("copy-section"), "Section"),
                .select(
                    .id("copy-section"), .attribute(named: "name", value: "section"),
                    .forEach(targets) { Components.option($0.id.rawValue, $0.name, selected: $0.id == section.id) }),
                .button(.type(.submit), .class("button"), "Copy")
            )
        )
    }
}

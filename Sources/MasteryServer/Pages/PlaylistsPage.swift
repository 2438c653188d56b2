import Foundation
import MasteryCore
import Plot

/// A section's playlists — the teachers' own for this section and the district catalog's for its course —
/// and a form to start a new one (a title and its first item; more items on the playlist's page).
struct PlaylistsPage {
    var section: Section
    var course: PlaylistItemForm
    var playlists: [Playlist]
    var canManage: Bool
    var message: String?

    func render(_ page: PageContext) -> HTML {
        let base = "/sections/\(section.id.rawValue)"
        return Layout.page(
            "Playlists — \(section.name)", page,
            Layout.heading(
                "Playlists", eyebrow: section.name,
                lead:
                    "Activities, practice and checkpoints for this class. Students see a playlist's items once they open."
            ),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text($0))
            },
            .p(
                .class("link-row"),
                .a(.href(base), "Back to the gradebook"), .text(" · "), .a(.href("\(base)/queue"), "Work to score"),
                .text(" · "), .a(.href("\(base)/pathway"), "Pathway map")),
            .if(
                playlists.isEmpty, .p(.class("muted"), "No playlists yet."),
                else: .ul(
                    .class("plain-list"),
                    .forEach(playlists) { playlist in
                        .li(
                            .a(.href("\(base)/playlists/\(playlist.id.rawValue)"), .text(playlist.title)),
                            .text(
                                " — \(playlist.items.count) item\(playlist.items.count == 1 ? "" : "s")"
                                    + (playlist.authorID == nil ? " · district catalog" : "")))
                    })),
            .if(canManage, newForm(page))
        )
    }

    func newForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .attribute(named: "aria-labelledby", value: "new-playlist"),
            .h2(.id("new-playlist"), "New playlist"),
            .form(
                .method(.post), .action("/sections/\(section.id.rawValue)/playlists"),
                Layout.csrfField(page.csrfToken),
                .div(
                    .class("field"), .label(.for("title"), "Title"),
                    .input(
                        .type(.text), .id("title"), .name("title"), .attribute(named: "required", value: "required"),
                        .attribute(named: "maxlength", value: "200"))),
                .label(
                    .input(.type(.checkbox), .name("assessment-choice")),
                    " Students may choose how they show mastery on its checkpoint"),
                course.fields(),
                .button(.type(.submit), .class("button primary"), "Create playlist")
            )
        )
    }
}

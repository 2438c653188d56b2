import Plot

/// The "needs you" list at the top of a student's or a family's home: each item a link to where it is done,
/// new ones marked, and a button to mark them all read. Nothing shows when nothing needs the reader.
enum NeedsYouCard {
    static func render(_ entries: [NeedsYouEntry], _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let unread = entries.filter { !$0.read }.count
        return .if(
            !entries.isEmpty,
            .section(
                .class("card needs-you"), .id("needs-you"),
                .attribute(named: "aria-labelledby", value: "needs-you-title"),
                .h2(.id("needs-you-title"), .text(t("Needs you"))),
                .ul(
                    .class("plain-list"),
                    .forEach(entries) { entry in
                        .li(
                            .class(entry.read ? "needs-you-item" : "needs-you-item unread"),
                            .if(!entry.read, .span(.class("tag"), .text(t("New")))),
                            .text(" "), .a(.href(entry.url), .text(entry.text)),
                            .span(.class("muted small"), .text(" · " + t.date(entry.createdAt))))
                    }),
                .if(
                    unread > 0,
                    .form(
                        .method(.post), .action("/me/notifications/read"), Layout.csrfField(page.csrfToken),
                        .button(.type(.submit), .class("link-button"), .text(t("Mark all as read")))))
            ))
    }
}

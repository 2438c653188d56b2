import MasteryCore
import Plot

/// The frame of every page: skip link, header with the product name, role navigation and sign-out, the main
/// region and a footer. Pages supply a title and the main content.
enum Layout {
    static func page(
        _ title: String, _ page: PageContext, wide: Bool = false, _ content: Node<HTML.BodyContext>...
    )
        -> HTML
    {
        let t = page.t
        return HTML(
            .attribute(named: "lang", value: t.code),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Not Plot's `.title(…)`: it also writes the title into <meta> attributes, unescaped.
                .element(named: "title", nodes: [.text("\(title) · Masterly")]),
                .link(.rel(.stylesheet), .href("/static/app.css"))
            ),
            .body(
                .a(.class("skip-link"), .href("#main"), .text(t("Skip to main content"))),
                header(page),
                .main(.id("main"), .class(wide ? "wide" : "narrow"), .group(content)),
                .footer(
                    .class("site-footer"), .p(.text(t("Masterly — mastery-based learning, open source."))),
                    languageMenu(page),
                    // Families and students choose whether they get the weekly email.
                    .if(
                        page.user?.role == .guardian || page.user?.role == .student,
                        .p(.a(.href("/me/digest"), .text(t("Weekly email"))))))
            )
        )
    }

    static func header(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .header(
            .class("site-header"),
            .a(
                .class("brand"), .href("/"),
                .span(.class("brand-mark"), .attribute(named: "aria-hidden", value: "true"), "M"), "Masterly"),
            .unwrap(page.user) { user in
                .group(
                    .nav(
                        .ariaLabel(t("Main")),
                        .ul(
                            .forEach(navigation(for: user)) { item in
                                .li(
                                    .a(
                                        .href(item.href),
                                        .if(
                                            isCurrent(item.href, page.path),
                                            .attribute(named: "aria-current", value: "page")), .text(t(item.label))))
                            })
                    ),
                    .div(
                        .class("account"),
                        .span(
                            .class("who"), .text(user.displayName),
                            .span(.class("role"), .text(" · \(t(user.role.displayName))"))),
                        .form(
                            .id("logout-form"), .method(.post), .action("/logout"),
                            csrfField(page.csrfToken),
                            .button(.type(.submit), .class("link-button"), .text(t("Sign out")))
                        )
                    )
                )
            }
        )
    }

    /// The footer's languages: a link per language (`?lang=`, kept by this browser) and, for a signed-in person
    /// reading in a language they have not saved, a button that keeps it for their account.
    static func languageMenu(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let current = t.code
        return .if(
            page.languages.count > 1,
            .nav(
                .class("language-menu"), .ariaLabel(t("Language")),
                .ul(
                    .forEach(page.languages) { choice in
                        .li(
                            .a(
                                .href("\(page.path)?lang=\(choice.code)"),
                                .attribute(named: "lang", value: choice.code),
                                .attribute(named: "hreflang", value: choice.code),
                                .if(choice.code == current, .attribute(named: "aria-current", value: "true")),
                                .text(choice.name)))
                    }),
                .unwrap(page.user) { user in
                    .if(
                        user.language != current,
                        .form(
                            .method(.post), .action("/me/language"), csrfField(page.csrfToken),
                            .input(.type(.hidden), .name("language"), .value(current)),
                            .input(.type(.hidden), .name("return"), .value(page.path)),
                            .button(
                                .type(.submit), .class("link-button"),
                                .text(t("Always show my pages in this language")))))
                }
            ))
    }

    static func isCurrent(_ href: String, _ path: String) -> Bool {
        href == "/" ? path == "/" : path.hasPrefix(href)
    }

    static func navigation(for user: Person) -> [(label: String, href: String)] {
        switch user.role {
        case .teacher: [("My sections", "/"), ("My day", "/my-day"), ("Frameworks", "/frameworks")]
        case .student: [("My tracker", "/"), ("My day", "/my-day")]
        case .guardian: [("My children", "/"), ("Help for families", "/resources")]
        case .mentor: [("Mentoring", "/")]
        case .coach: [("School", "/"), ("Flex days", "/schedule"), ("Frameworks", "/frameworks")]
        case .admin:
            [
                ("Overview", "/"), ("People", "/admin/people"), ("Courses", "/admin/courses"),
                ("Frameworks", "/frameworks"), ("Grading periods", "/admin/grading-periods"),
                ("Import", "/admin/import"), ("Help for families", "/admin/resources"),
                ("Audit log", "/admin/audit"),
            ]
        }
    }

    static func csrfField(_ token: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(token))
    }

    /// A page heading with an optional line of context above it.
    static func heading(_ title: String, eyebrow: String? = nil, lead: String? = nil) -> Node<HTML.BodyContext> {
        .div(
            .class("page-heading"),
            .unwrap(eyebrow) { .p(.class("eyebrow"), .text($0)) },
            .h1(.text(title)),
            .unwrap(lead) { .p(.class("lead"), .text($0)) }
        )
    }
}

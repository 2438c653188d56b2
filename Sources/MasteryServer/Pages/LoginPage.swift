import Plot

/// The sign-in form. A failed attempt shows one message that never says whether the name or the password
/// was wrong.
struct LoginPage {
    var username: String = ""
    var error: String?

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Sign in", page,
            .div(
                .class("card login-card"),
                Layout.heading(
                    "Sign in to Masterly", lead: "Mastery-based learning for teachers, students and families."),
                .unwrap(error) { Components.notice($0, error: true) },
                .form(
                    .id("login-form"), .method(.post), .action("/login"),
                    Layout.csrfField(page.csrfToken),
                    .div(
                        .class("field"),
                        .label(.for("username"), "Username"),
                        .input(
                            .type(.text), .id("username"), .name("username"), .value(username),
                            .attribute(named: "autocomplete", value: "username"), .required(true),
                            .autofocus(username.isEmpty))
                    ),
                    .div(
                        .class("field"),
                        .label(.for("password"), "Password"),
                        .input(
                            .type(.password), .id("password"), .name("password"),
                            .attribute(named: "autocomplete", value: "current-password"), .required(true))
                    ),
                    .button(.type(.submit), .class("button primary"), "Sign in")
                ),
                .p(
                    .class("muted small"),
                    "Demo accounts: admin, coach, teacher, student, guardian — password masterly-demo.")
            )
        )
    }
}

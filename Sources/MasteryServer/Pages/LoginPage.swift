import Plot

/// The sign-in form. A failed attempt shows one message that never says whether the name or the password
/// was wrong.
struct LoginPage {
    var username: String = ""
    var error: String?
    /// Serving the demo school: name its accounts.
    var isDemo = false
    /// No administrator exists yet: say how to create one instead of offering a form nobody can use.
    var needsSetup = false
    /// The school's single sign-on providers (id, name), offered above the password form.
    var providers: [(id: String, name: String)] = []

    func render(_ page: PageContext) -> HTML {
        if needsSetup { return setup(page) }
        let t = page.t
        return Layout.page(
            t("Sign in"), page,
            .div(
                .class("card login-card"),
                Layout.heading(
                    t("Sign in to Masterly"), lead: t("Mastery-based learning for teachers, students and families.")),
                .unwrap(error) { Components.notice($0, error: true) },
                .if(
                    !providers.isEmpty,
                    .div(
                        .class("sso-buttons"),
                        .forEach(providers) { provider in
                            .a(
                                .class("button sso"), .href("/sso/\(provider.id)"),
                                .text(t("Sign in with {provider}", ["provider": provider.name])))
                        },
                        .p(.class("muted small sso-or"), .text(t("or with your Masterly username and password")))
                    )),
                .form(
                    .id("login-form"), .method(.post), .action("/login"),
                    Layout.csrfField(page.csrfToken),
                    .div(
                        .class("field"),
                        .label(.for("username"), .text(t("Username"))),
                        .input(
                            .type(.text), .id("username"), .name("username"), .value(username),
                            .attribute(named: "autocomplete", value: "username"), .required(true),
                            .autofocus(username.isEmpty))
                    ),
                    .div(
                        .class("field"),
                        .label(.for("password"), .text(t("Password"))),
                        .input(
                            .type(.password), .id("password"), .name("password"),
                            .attribute(named: "autocomplete", value: "current-password"), .required(true))
                    ),
                    .button(.type(.submit), .class("button primary"), .text(t("Sign in")))
                ),
                .details(
                    .class("forgot"),
                    .summary(.text(t("Forgot your password?"))),
                    .p(
                        .text(
                            t(
                                "Nobody at Masterly can see your password, so nobody can tell it to you — but you can choose a new one. Ask for a link to set it:"
                            ))
                    ),
                    .ul(
                        .li(.text(t("Students: your teacher."))),
                        .li(.text(t("Families: your child's school office or teacher."))),
                        .li(.text(t("Staff: your Masterly administrator.")))
                    )
                ),
                .if(
                    isDemo,
                    .p(
                        .class("muted small"),
                        .text(t("Demo accounts: admin, coach, teacher, student, guardian — password masterly-demo."))))
            )
        )
    }

    func setup(_ page: PageContext) -> HTML {
        Layout.page(
            "Set up Masterly", page,
            .div(
                .class("card login-card"),
                Layout.heading(
                    "This Masterly has no administrator yet",
                    lead: "Create the first administrator on the server, then sign in here."),
                .p("On the machine that runs Masterly, with the same database setting as the server:"),
                .pre(
                    .code(
                        "masterly setup --database URL --username USERNAME --name \"FULL NAME\" --district \"DISTRICT\""
                    )),
                .p(
                    "It asks for the password on one line of standard input (it never goes on the command line). Then reload this page and sign in. The README's “Your own school” section has the next steps: import your roster and frameworks, link courses to frameworks, invite your teachers."
                )
            )
        )
    }
}

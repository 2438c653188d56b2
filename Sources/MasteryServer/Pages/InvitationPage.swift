import MasteryCore
import MasteryStore
import Plot

/// Choosing a password from a one-time link, or why the link no longer works and whom to ask.
struct InvitationPage {
    var state: Store.InvitationState
    var problem: String?

    var isUsable: Bool {
        if case .valid = state { return true }
        return false
    }

    func render(_ page: PageContext) -> HTML {
        switch state {
        case .valid(let person):
            return Layout.page(
                "Choose your password", page,
                .div(
                    .class("card login-card"),
                    Layout.heading(
                        "Welcome, \(person.givenName)",
                        lead: "Choose the password you will sign in with\(person.username.map { " as \($0)" } ?? "")."),
                    .unwrap(problem) { Components.notice($0, error: true) },
                    .form(
                        .id("invite-form"), .method(.post), .action(page.path),
                        Layout.csrfField(page.csrfToken),
                        .div(
                            .class("field"), .label(.for("password"), "New password"),
                            .input(
                                .type(.password), .id("password"), .name("password"), .required(true),
                                .attribute(named: "autocomplete", value: "new-password"),
                                .attribute(named: "minlength", value: String(PasswordRules.minimumLength)),
                                .attribute(named: "aria-describedby", value: "password-help"))),
                        .p(
                            .id("password-help"), .class("muted small"),
                            .text(
                                "At least \(PasswordRules.minimumLength) characters. A short sentence you will remember is a good password; spaces are fine."
                            )),
                        .div(
                            .class("field"), .label(.for("confirm"), "The same password again"),
                            .input(
                                .type(.password), .id("confirm"), .name("confirm"), .required(true),
                                .attribute(named: "autocomplete", value: "new-password"))),
                        .button(.type(.submit), .class("button primary"), "Save and sign in")
                    )
                )
            )
        case .used, .expired, .unknown:
            let why: String
            switch state {
            case .used: why = "This link has already been used: each link sets a password once."
            case .expired: why = "This link has expired."
            default: why = "This link is not valid. Check that it was copied whole."
            }
            return Layout.page(
                "Link not valid", page,
                .div(
                    .class("card login-card"),
                    Layout.heading("This link cannot be used", lead: why),
                    .p(
                        "Ask for a new link: students ask their teacher, families the school office, staff their Masterly administrator."
                    ),
                    .p(.a(.href("/login"), "Go to the sign-in page"))
                )
            )
        }
    }
}

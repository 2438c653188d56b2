import Plot

/// Why a single sign-on did not sign the person in, in plain words, with what to do next.
struct SignOnProblemPage {
    enum Problem {
        /// The provider does not answer or is misconfigured.
        case unavailable(provider: String)
        /// The person cancelled, or the provider refused.
        case cancelled(provider: String)
        /// The sign-in took too long, was used already, or came from another browser.
        case expired
        /// The provider's answer did not check out (signature, issuer, audience, nonce, expiry).
        case refused(provider: String)
        /// The provider vouched for someone Masterly has no account for (or an inactive one).
        case noAccount(provider: String, identity: String)
    }

    var problem: Problem

    var title: String {
        switch problem {
        case .unavailable: "Sign-in is not available"
        case .cancelled: "You were not signed in"
        case .expired: "This sign-in has expired"
        case .refused: "Sign-in was refused"
        case .noAccount: "No Masterly account for you"
        }
    }

    var message: String {
        switch problem {
        case .unavailable(let provider):
            "\(provider) is not answering right now. Try again in a few minutes, or sign in with your Masterly username and password."
        case .cancelled(let provider):
            "\(provider) did not sign you in (the sign-in was cancelled or refused there). You can try again."
        case .expired:
            "The sign-in took too long or was already used. Start again from the sign-in page."
        case .refused(let provider):
            "The answer from \(provider) could not be checked, so Masterly did not sign you in. Try again; if it keeps happening, tell your school's Masterly administrator."
        case .noAccount(let provider, let identity):
            "\(provider) says you are \(identity), but this school's Masterly has no active account for that identity. Masterly never creates accounts at sign-in: ask your teacher (students), your child's school office (families) or your Masterly administrator (staff) to add you, then try again."
        }
    }

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            title, page,
            .div(
                .class("card login-card"),
                Layout.heading(title, lead: nil),
                .p(.id("sign-on-problem"), .text(message)),
                .p(.a(.class("button primary"), .href("/login"), "Back to sign-in"))
            )
        )
    }
}

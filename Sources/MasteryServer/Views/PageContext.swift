import MasteryCore

/// What every page needs to know about the request: who is signed in and the CSRF token for its forms.
struct PageContext: Sendable {
    var user: Person?
    var csrfToken: String
    var path: String

    init(user: Person?, csrfToken: String, path: String) {
        self.user = user
        self.csrfToken = csrfToken
        self.path = path
    }

    init(_ context: AppRequestContext, path: String) {
        self.init(user: context.user, csrfToken: context.csrfToken, path: path)
    }
}

import MasteryCore

/// What every page needs besides its own data: the signed-in person, the CSRF token for its forms, the path
/// (for the navigation's current item), and the language it is written in.
struct PageContext: Sendable {
    var user: Person?
    var csrfToken: String
    var path: String
    /// Puts the page's words into the reader's language.
    var t: Translator
    /// The languages on offer, for the footer's menu.
    var languages: [LanguageChoice]

    init(
        user: Person?, csrfToken: String, path: String, t: Translator = .english, languages: [LanguageChoice] = []
    ) {
        self.user = user
        self.csrfToken = csrfToken
        self.path = path
        self.t = t
        self.languages = languages
    }

    init(_ context: AppRequestContext, path: String) {
        self.init(
            user: context.user, csrfToken: context.csrfToken, path: path, t: context.translator,
            languages: context.languageChoices)
    }
}

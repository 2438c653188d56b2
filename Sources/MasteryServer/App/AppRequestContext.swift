import Hummingbird
import MasteryCore

/// The context of one request: who is signed in (if anyone), and the parsed form of a form post.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in person, set by `AuthMiddleware`.
    public var user: Person?
    /// The secret of the login session, when signed in with the session cookie.
    var sessionSecret: String?
    /// The store's change version, read with the signed-in person (`AppServices.changeVersion(_:)`).
    var changeVersion: Int64?
    /// A section's version read with the signed-in person, when the request is about that section's gradebook.
    var sectionVersion: (section: Section.ID, version: Int64)?
    /// The CSRF token this browser's forms must carry.
    var csrfToken: String = ""
    /// The fields of an `application/x-www-form-urlencoded` post, parsed (and CSRF-checked) by `CSRFMiddleware`.
    var form: FormData = FormData()

    /// The language of the pages answered (`LanguageMiddleware`), and the languages on offer.
    var translator: Translator = .english
    var languageChoices: [LanguageChoice] = []

    /// The address of the connection's peer (the client, or the reverse proxy in front of it).
    var peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The signed-in person, or `AppError.unauthorized`.
    func requireUser() throws -> Person {
        guard let user else { throw AppError.unauthorized("Please sign in.") }
        return user
    }
}

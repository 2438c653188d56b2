import Foundation
import Hummingbird

/// The two cookies Masterly sets: the login session and the CSRF token, both HttpOnly and SameSite=Lax,
/// `Secure` when configured for HTTPS.
enum Cookies {
    static let session = "masterly_session"
    static let csrf = "masterly_csrf"

    static func sessionCookie(_ secret: String, hours: Int, secure: Bool) -> Cookie {
        Cookie(
            name: session, value: secret, maxAge: hours * 3600, path: "/", secure: secure, httpOnly: true,
            sameSite: .lax)
    }

    static func clearedSession(secure: Bool) -> Cookie {
        Cookie(name: session, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func csrfCookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: csrf, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}

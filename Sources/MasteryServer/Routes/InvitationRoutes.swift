import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// One-time links to choose a password: `/invite/{secret}` shows the form (or says the link is used or expired
/// and whom to ask); posting it sets the password once and signs the person in.
struct InvitationRoutes {
    let services: AppServices
    var store: Store { services.store }

    func register(on router: Router<AppRequestContext>) {
        router.get("/invite/{secret}") { request, context in
            let secret = try context.parameters.require("secret")
            let state = try await store.invitation(secret, at: services.clock())
            let page = InvitationPage(state: state, problem: nil)
            return HTMLResponse.render(
                page.render(PageContext(context, path: request.uri.path)), status: page.isUsable ? .ok : .gone)
        }
        router.post("/invite/{secret}") { request, context in
            let secret = try context.parameters.require("secret")
            let now = services.clock()
            let state = try await store.invitation(secret, at: now)
            guard case .valid(let person) = state else {
                return HTMLResponse.render(
                    InvitationPage(state: state, problem: nil).render(PageContext(context, path: request.uri.path)),
                    status: .gone)
            }
            let password = context.form["password"] ?? ""
            var problem = PasswordRules.problem(with: password, username: person.username)
            if problem == nil, password != (context.form["confirm"] ?? "") {
                problem = "The two passwords are not the same."
            }
            if let problem {
                return HTMLResponse.render(
                    InvitationPage(state: state, problem: problem).render(PageContext(context, path: request.uri.path)),
                    status: .unprocessableContent)
            }
            let redeemed: Person
            do {
                redeemed = try await store.redeem(secret, passwordHash: try await Passwords.hash(password), at: now)
            } catch StoreError.conflict {
                return HTMLResponse.render(
                    InvitationPage(state: .used(person), problem: nil).render(
                        PageContext(context, path: request.uri.path)),
                    status: .gone)
            }
            return try await SessionStart(services: services).redirect(redeemed)
        }
    }
}

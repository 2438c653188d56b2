import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// How a section's students sign in: a teacher prints sign-in cards (a QR code per student, for young
/// students on shared devices) or makes a one-time link for a student to choose a password; cards can be
/// revoked. Scanning a card opens `/card/{secret}`, which asks "Is this you?" and signs the student in.
struct SignInCardRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/sections/{id}/sign-in") { request, context in
            let (_, data) = try await load(context)
            let query = request.uri.queryParameters
            return HTMLResponse.render(
                try await page(data, notice: query["revoked"].map { "Revoked \($0) card(s): they no longer sign in." })
                    .render(PageContext(context, path: request.uri.path)))
        }
        router.post("/sections/{id}/sign-in/cards") { request, context in
            let (user, data) = try await load(context)
            let students = try await chosen(context, data: data, user: user)
            let secrets = try await store.issueSignInCards(
                students.map(\.id), section: data.section.id, by: user.id, at: services.clock())
            let base = services.publicBase(request)
            let cards = try students.map { student in
                SignInCardsPage.Card(
                    student: student, code: try QRCode(text: "\(base)/card/\(secrets[student.id]!)"))
            }
            return HTMLResponse.render(
                SignInCardsPage(section: data.section, courseTitle: data.course.title, cards: cards)
                    .render(PageContext(context, path: request.uri.path)))
        }
        router.post("/sections/{id}/sign-in/revoke") { request, context in
            let (user, data) = try await load(context)
            let students = try await chosen(context, data: data, user: user)
            let count = try await store.revokeSignInCards(
                students.map(\.id), section: data.section.id, by: user.id, at: services.clock())
            return HTMLResponse.redirect("/sections/\(data.section.id.rawValue)/sign-in?revoked=\(count)")
        }
        router.post("/sections/{id}/sign-in/link") { request, context in
            let (user, data) = try await load(context)
            let students = try await chosen(context, data: data, user: user, allowAll: false)
            let link = try await Accounts(store: store, clock: services.clock).invite(students[0], by: user.id)
            return HTMLResponse.render(
                try await page(data, link: (students[0], services.publicBase(request) + link))
                    .render(PageContext(context, path: request.uri.path)))
        }
        router.get("/card/{secret}") { request, context in
            let student = try await store.person(holdingCard: try context.parameters.require("secret"))
            return HTMLResponse.render(
                CardSignInPage(student: student, signedInAs: context.user).render(
                    PageContext(context, path: request.uri.path)),
                status: student == nil ? .gone : .ok)
        }
        router.post("/card/{secret}") { request, context in
            guard let student = try await store.person(holdingCard: try context.parameters.require("secret")) else {
                return HTMLResponse.render(
                    CardSignInPage(student: nil, signedInAs: nil).render(PageContext(context, path: request.uri.path)),
                    status: .gone)
            }
            if let secret = context.sessionSecret { try await store.revoke(secret, kind: .session) }
            return try await SessionStart(services: services).redirect(student)
        }
    }

    func load(_ context: AppRequestContext) async throws -> (Person, SectionData) {
        let user = try context.requireUser()
        let id = Section.ID(try context.parameters.require("id"))
        try await authorizer.require(user, .manageSection, section: id)
        return (user, try await SectionData.load(id, store: store))
    }

    /// The students the form names (`student`: an id, or `all`), each a student of this section whom the
    /// policy lets the user give a way to sign in.
    func chosen(
        _ context: AppRequestContext, data: SectionData, user: Person, allowAll: Bool = true
    ) async throws
        -> [Person]
    {
        let choice = try context.form.identifier("student") ?? ""
        let students: [Person]
        if choice == "all" && allowAll {
            students = data.students.filter(\.isActive)
        } else if let student = data.students.first(where: { $0.id.rawValue == choice }) {
            students = [student]
        } else {
            throw AppError.invalid(message: "Choose a student of this section.", field: "student")
        }
        guard !students.isEmpty else {
            throw AppError.invalid(message: "This section has no active students.", field: "student")
        }
        for student in students { try await authorizer.require(user, .issueSignInLink, student: student.id) }
        return students
    }

    func page(
        _ data: SectionData, notice: String? = nil, link: (Person, String)? = nil
    ) async throws
        -> SectionSignInPage
    {
        SectionSignInPage(
            data: data, cards: try await store.signInCards(of: data.students.map(\.id)), notice: notice, link: link)
    }
}

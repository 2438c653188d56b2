import Foundation
import Hummingbird
import MasteryCore
import MasteryStore
import Plot

/// A student's family members and inviting one (`FamilyInvitations`): for the student's teachers and
/// administrators (`issueSignInLink` on the student).
struct FamilyRoutes {
    let services: AppServices
    var store: Store { services.store }

    func register(on router: Router<AppRequestContext>) {
        router.get("/students/{id}/family") { request, context in
            let (_, student) = try await load(context)
            return HTMLResponse.render(
                try await page(student, invitation: nil, problem: nil).render(
                    PageContext(context, path: request.uri.path)))
        }
        router.post("/students/{id}/family") { request, context in
            let (user, student) = try await load(context)
            let form = context.form
            do {
                let invitation = try await FamilyInvitations(store: store, clock: services.clock).invite(
                    givenName: form.text("givenName"), familyName: form.text("familyName"), email: form.text("email"),
                    student: student, by: user)
                var shown = invitation
                shown.path = services.publicBase(request) + invitation.path
                return HTMLResponse.render(
                    try await page(student, invitation: shown, problem: nil).render(
                        PageContext(context, path: request.uri.path)))
            } catch AppError.invalid(let message, let field, _) {
                return HTMLResponse.render(
                    try await page(student, invitation: nil, problem: (message, field)).render(
                        PageContext(context, path: request.uri.path)), status: .unprocessableContent)
            }
        }
    }

    func load(_ context: AppRequestContext) async throws -> (Person, Person) {
        let user = try context.requireUser()
        let id = Person.ID(try context.parameters.require("id"))
        try await Authorizer(store: store).require(user, .issueSignInLink, student: id)
        guard let student = try await store.person(id), student.role == .student else {
            throw AppError.notFound("The student")
        }
        return (user, student)
    }

    func page(
        _ student: Person, invitation: FamilyInvitations.Invitation?, problem: (String, String?)?
    ) async throws
        -> FamilyPage
    {
        var guardians: [(Person, Store.Account?)] = []
        for guardian in try await store.guardians(ofStudent: student.id) {
            guardians.append((guardian, try await store.account(guardian.id)))
        }
        return FamilyPage(student: student, guardians: guardians, invitation: invitation, problem: problem)
    }
}

struct FamilyPage {
    var student: Person
    var guardians: [(Person, Store.Account?)]
    var invitation: FamilyInvitations.Invitation?
    var problem: (message: String, field: String?)?

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Family — \(student.displayName)", page,
            Layout.heading(
                "Family of \(student.displayName)",
                lead:
                    "Family members see their child's progress in Masterly. Invite one here: they get a one-time link to choose a password (it works once, for 14 days)."
            ),
            .unwrap(invitation) { invitation in
                .div(
                    .class("notice notice-ok"), .id("family-invitation"), .attribute(named: "role", value: "status"),
                    .p(
                        .text(
                            invitation.created
                                ? "\(invitation.guardian.displayName) can now join as \(invitation.guardian.username ?? "")."
                                : "\(invitation.guardian.displayName) already had an account (\(invitation.guardian.username ?? "")); they are now linked to \(student.displayName) too."
                        )),
                    .p("Give them this link (print this page, or copy it into a message):"),
                    .p(.code(.text(invitation.path))))
            },
            .unwrap(problem) { Components.notice($0.message, error: true) },
            .h2("Family members"),
            guardians.isEmpty
                ? .p(.class("muted"), "Nobody yet.")
                : .ul(
                    .forEach(guardians) { guardian, account in
                        .li(
                            .text(guardian.displayName),
                            .text(guardian.username.map { " (\($0))" } ?? ""),
                            .text(account?.hasPassword == true ? " — has joined" : " — has not joined yet"))
                    }),
            .h2("Invite a family member"),
            .form(
                .method(.post), .action(page.path), .id("family-invite-form"), Layout.csrfField(page.csrfToken),
                field("givenName", "First name", required: true),
                field("familyName", "Last name", required: false),
                field(
                    "email", "Email (optional: links an existing family account, and allows single sign-on)",
                    required: false, type: .email),
                .button(.type(.submit), .class("button primary"), "Create the invitation"))
        )
    }

    func field(_ name: String, _ label: String, required: Bool, type: HTMLInputType = .text) -> Node<HTML.FormContext> {
        .div(
            .class("field"), .label(.for("family-\(name)"), .text(label)),
            .input(
                .type(type), .id("family-\(name)"), .name(name), .required(required),
                .attribute(named: "aria-invalid", value: problem?.field == name ? "true" : nil)))
    }
}

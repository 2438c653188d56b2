import Foundation
import MasteryCore
import MasteryStore
import Plot

/// An administrator's people: search by name, username or email; filter by role, school and status; each
/// person a link to edit them.
struct PeoplePage {
    struct Filters: Equatable {
        var q: String?
        var role: Role?
        var school: Organization.ID?
        var status: String?
    }

    var accounts: [Store.Account]
    var organizations: [Organization]
    var filters: Filters
    var message: String?

    func render(_ page: PageContext) -> HTML {
        let names = Dictionary(organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return Layout.page(
            "People", page, wide: true,
            Layout.heading(
                "People", eyebrow: "Administrator",
                lead:
                    "Everyone who signs in: find them, add them, change their role or school, give them a link to set a password."
            ),
            .unwrap(message) { Components.notice($0, error: false) },
            .p(.a(.class("button primary"), .href("/admin/people/new"), "Add a person")),
            .form(
                .class("filters"), .method(.get), .action("/admin/people"),
                .div(
                    .class("field"), .label(.for("people-q"), "Name, username or email"),
                    .input(.type(.search), .id("people-q"), .name("q"), .value(filters.q ?? ""))),
                .div(
                    .class("field"), .label(.for("people-role"), "Role"),
                    .select(
                        .id("people-role"), .attribute(named: "name", value: "role"),
                        Components.option("", "Any role", selected: filters.role == nil),
                        .forEach(Role.allCases) { role in
                            Components.option(role.rawValue, role.displayName, selected: filters.role == role)
                        })),
                .if(
                    organizations.count > 1,
                    .div(
                        .class("field"), .label(.for("people-school"), "School"),
                        .select(
                            .id("people-school"), .attribute(named: "name", value: "school"),
                            Components.option("", "All", selected: filters.school == nil),
                            .forEach(organizations) { organization in
                                Components.option(
                                    organization.id.rawValue, organization.name,
                                    selected: filters.school == organization.id)
                            }))),
                .div(
                    .class("field"), .label(.for("people-status"), "Status"),
                    .select(
                        .id("people-status"), .attribute(named: "name", value: "status"),
                        Components.option("", "Active and inactive", selected: filters.status == nil),
                        Components.option("active", "Active", selected: filters.status == "active"),
                        Components.option("inactive", "Deactivated", selected: filters.status == "inactive"))),
                .button(.type(.submit), "Search")
            ),
            .if(
                accounts.isEmpty, .p(.class("muted"), "Nobody matches."),
                else: .div(
                    .class("table-scroll"), .attribute(named: "tabindex", value: "0"),
                    .attribute(named: "role", value: "region"), .ariaLabel("People"),
                    .table(
                        .class("people"),
                        .caption(.text(accounts.count == 1 ? "1 person" : "\(accounts.count) people")),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), "Name"),
                                .th(.attribute(named: "scope", value: "col"), "Username"),
                                .th(.attribute(named: "scope", value: "col"), "Role"),
                                .th(.attribute(named: "scope", value: "col"), "School"),
                                .th(.attribute(named: "scope", value: "col"), "Status"),
                                .th(.attribute(named: "scope", value: "col"), "Last sign-in")
                            )),
                        .tbody(
                            .forEach(accounts) { account in
                                .tr(
                                    .td(
                                        .a(
                                            .href("/admin/people/\(account.person.id.rawValue)"),
                                            .text(account.person.sortName))),
                                    .td(.text(account.person.username ?? "–")),
                                    .td(.text(account.person.role.displayName)),
                                    .td(
                                        .text(
                                            names[account.person.organizationID]
                                                ?? account.person.organizationID.rawValue)),
                                    .td(.text(Self.status(account))),
                                    .td(.text(account.lastSignInAt.map(Components.date) ?? "Never"))
                                )
                            })
                    )
                ))
        )
    }

    static func status(_ account: Store.Account) -> String {
        if !account.person.isActive { return "Deactivated" }
        return account.hasPassword ? "Active" : "Active · no password yet"
    }
}

/// Adding a person, or changing one: names, username, email, role, school, status; a one-time link to set a
/// password; a guardian's children or a student's guardians.
struct PersonPage {
    var account: Store.Account?
    var organizations: [Organization]
    var grantable: [Organization.ID: [Role]]
    var linked: [Person]
    var problem: (field: String, message: String)?
    var message: String?
    var invitation: String?

    func render(_ page: PageContext) -> HTML {
        let person = account?.person
        let title = person.map { "\($0.displayName)" } ?? "Add a person"
        let roles = Array(Set(grantable.values.joined())).sorted { $0.rawValue < $1.rawValue }
        return Layout.page(
            title, page,
            Layout.heading(title, eyebrow: "People"),
            .unwrap(message) { Components.notice($0, error: false) },
            .unwrap(problem) { Components.notice($0.message, error: true) },
            .unwrap(invitation) { link in
                .section(
                    .class("card invitation"), .h2("One-time link"),
                    .p(
                        "Give this link to \(person?.givenName ?? "them"). It sets a password once and expires in 14 days."
                    ),
                    .p(.code(.text(link))),
                    .p(.class("muted small"), "Print this page, or copy the link into a message only they will read.")
                )
            },
            .form(
                .id("person-form"), .method(.post),
                .action(person.map { "/admin/people/\($0.id.rawValue)" } ?? "/admin/people"),
                Layout.csrfField(page.csrfToken),
                Components.field("First name", id: "givenName", value: person?.givenName),
                Components.field("Last name", id: "familyName", value: person?.familyName),
                Components.field("Username", id: "username", value: person?.username),
                Components.field("Email", id: "email", type: .email, value: account?.email),
                .div(
                    .class("field"), .label(.for("role"), "Role"),
                    .select(
                        .id("role"), .attribute(named: "name", value: "role"),
                        .forEach(roles) { role in
                            Components.option(role.rawValue, role.displayName, selected: person?.role == role)
                        })),
                .div(
                    .class("field"), .label(.for("school"), "School"),
                    .select(
                        .id("school"), .attribute(named: "name", value: "school"),
                        .forEach(organizations) { organization in
                            Components.option(
                                organization.id.rawValue, organization.name,
                                selected: person?.organizationID == organization.id)
                        })),
                Components.field("Grade (students)", id: "gradeLevel", value: person?.gradeLevel),
                .button(.type(.submit), .class("button primary"), .text(person == nil ? "Add" : "Save"))
            ),
            .unwrap(account) { account in
                .group(
                    .section(
                        .class("card"), .h2("Signing in"),
                        .p(
                            .text(
                                account.hasPassword
                                    ? "Has a password. Last signed in: \(account.lastSignInAt.map(Components.date) ?? "never")."
                                    : "Has no password yet.")),
                        .form(
                            .method(.post), .action("/admin/people/\(account.person.id.rawValue)/invite"),
                            Layout.csrfField(page.csrfToken),
                            .button(
                                .type(.submit), .class("button secondary"), "Create a one-time link to set a password"))
                    ),
                    .section(
                        .class("card"), .h2("Status"),
                        .p(
                            .text(
                                account.person.isActive
                                    ? "Active. Deactivating ends their sessions and API tokens at once; their records stay."
                                    : "Deactivated: they cannot sign in. Their records are kept.")),
                        .form(
                            .method(.post), .action("/admin/people/\(account.person.id.rawValue)/status"),
                            Layout.csrfField(page.csrfToken),
                            .input(.type(.hidden), .name("active"), .value(account.person.isActive ? "false" : "true")),
                            .button(
                                .type(.submit), .class("button secondary"),
                                .text(account.person.isActive ? "Deactivate" : "Reactivate")))
                    ),
                    .if(
                        account.person.role == .student || account.person.role == .guardian,
                        .section(
                            .class("card"),
                            .h2(.text(account.person.role == .student ? "Guardians" : "Children")),
                            .if(
                                linked.isEmpty, .p(.class("muted"), "None linked yet."),
                                else: .ul(
                                    .forEach(linked) {
                                        .li(.text("\($0.displayName) (\($0.username ?? $0.id.rawValue))"))
                                    })),
                            .form(
                                .method(.post), .action("/admin/people/\(account.person.id.rawValue)/links"),
                                Layout.csrfField(page.csrfToken),
                                Components.field(
                                    account.person.role == .student
                                        ? "Link a guardian (username or id)" : "Link a child (username or id)",
                                    id: "other"),
                                .button(.type(.submit), .class("button secondary"), "Link")
                            )
                        ))
                )
            }
        )
    }
}

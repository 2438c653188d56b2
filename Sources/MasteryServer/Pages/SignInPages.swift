import Foundation
import MasteryCore
import Plot

/// A section's "Student sign-in" page for its teacher: who has a working sign-in card, printing new cards
/// (all or one student), revoking them, and one-time links to choose a password.
struct SectionSignInPage {
    var data: SectionData
    var cards: [Person.ID: Date]
    var notice: String?
    var link: (student: Person, url: String)?

    func render(_ page: PageContext) -> HTML {
        let path = "/sections/\(data.section.id.rawValue)/sign-in"
        return Layout.page(
            "Student sign-in — \(data.section.name)", page,
            Layout.heading(
                "Student sign-in", eyebrow: data.section.name,
                lead:
                    "Print sign-in cards for students who cannot type a password yet (scanning the card signs them in), or make a one-time link for a student to choose a password."
            ),
            .unwrap(notice) { Components.notice($0, error: false) },
            .unwrap(link) { link in
                .div(
                    .class("notice notice-ok"), .id("one-time-link"), .attribute(named: "role", value: "status"),
                    .p(.text("One-time link for \(link.student.displayName) (works once, for 14 days):")),
                    .p(.code(.text(link.url))))
            },
            .p(.a(.href("/sections/\(data.section.id.rawValue)"), "Back to the gradebook")),
            .div(
                .class("actions no-print"),
                .form(
                    .method(.post), .action("\(path)/cards"), .id("print-all-cards"), Layout.csrfField(page.csrfToken),
                    .input(.type(.hidden), .name("student"), .value("all")),
                    .button(.type(.submit), .class("button primary"), "Print new cards for everyone")),
                .form(
                    .method(.post), .action("\(path)/revoke"), Layout.csrfField(page.csrfToken),
                    .input(.type(.hidden), .name("student"), .value("all")),
                    .button(.type(.submit), .class("button secondary"), "Revoke every card"))
            ),
            .table(
                .class("table"), .id("sign-in-students"),
                .thead(.tr(.th("Student"), .th("Sign-in card"), .th("Actions"))),
                .tbody(
                    .forEach(data.students) { student in
                        .tr(
                            .td(.text(student.displayName)),
                            .td(
                                .text(
                                    cards[student.id].map { "Working card printed \(Components.date($0))" }
                                        ?? "No card")),
                            .td(
                                .class("row-actions"),
                                form(path + "/cards", student, "New card", page),
                                .if(cards[student.id] != nil, form(path + "/revoke", student, "Revoke card", page)),
                                form(path + "/link", student, "One-time link", page),
                                .a(
                                    .class("button small secondary"), .href("/students/\(student.id.rawValue)/family"),
                                    .attribute(named: "aria-label", value: "Family of \(student.displayName)"), "Family"
                                )
                            ))
                    })),
            .p(
                .class("muted small"),
                "Printing new cards replaces a student's earlier card. A lost card? Revoke it, then print a new one.")
        )
    }

    func form(_ action: String, _ student: Person, _ label: String, _ page: PageContext) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(action), .class("row-form"), Layout.csrfField(page.csrfToken),
            .input(.type(.hidden), .name("student"), .value(student.id.rawValue)),
            .button(
                .type(.submit), .class("button small secondary"),
                .attribute(named: "aria-label", value: "\(label) for \(student.displayName)"), .text(label)))
    }
}

/// The printable sheet of sign-in cards: one card per student, name and QR code, cut along the lines.
struct SignInCardsPage {
    struct Card {
        var student: Person
        var code: QRCode
    }

    var section: Section
    var courseTitle: String
    var cards: [Card]

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Sign-in cards — \(section.name)", page,
            Layout.heading(
                "Sign-in cards", eyebrow: section.name,
                lead:
                    "Print this page and cut out the cards. Each card signs one student in to Masterly: on the device, open the camera and scan the code. Keep cards like keys; a lost card can be revoked on the Student sign-in page."
            ),
            .p(
                .class("no-print"),
                .a(.href("/sections/\(section.id.rawValue)/sign-in"), "Back to Student sign-in")),
            .div(
                .class("sign-in-cards"),
                .forEach(cards) { card in
                    .div(
                        .class("sign-in-card"), .data(named: "student", value: card.student.id.rawValue),
                        .p(.class("card-name"), .text(card.student.displayName)),
                        .raw(card.code.svg(label: "Sign-in code for \(card.student.displayName)")),
                        .p(.class("muted small"), .text("\(courseTitle) · \(section.name) · Scan to sign in")))
                })
        )
    }
}

/// What scanning a card opens: "Is this you?" with one button, or why the card no longer works.
struct CardSignInPage {
    var student: Person?
    var signedInAs: Person?

    func render(_ page: PageContext) -> HTML {
        guard let student else {
            return Layout.page(
                "This card does not work", page,
                .div(
                    .class("card login-card"),
                    Layout.heading("This card does not work any more", lead: nil),
                    .p("Your teacher made a new card or stopped this one. Ask your teacher for your new card."),
                    .p(.a(.href("/login"), "Sign in another way"))))
        }
        return Layout.page(
            "Sign in", page,
            .div(
                .class("card login-card"),
                Layout.heading("Hi, \(student.displayName)!", lead: "Is this you?"),
                .unwrap(signedInAs) {
                    .p(
                        .class("muted"),
                        .text("\($0.displayName) is signed in on this device now; this signs them out."))
                },
                .form(
                    .method(.post), .action(page.path), .id("card-sign-in"), Layout.csrfField(page.csrfToken),
                    .button(.type(.submit), .class("button primary big"), "Yes, sign me in")),
                .p(.a(.href("/login"), "No, this is not me"))))
    }
}

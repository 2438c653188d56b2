import Foundation
import MasteryCore
import Plot

/// A student's learning beyond school: each opportunity with where it stands and what the reader may do next
/// (approve, consent, log hours, invite a mentor, score, complete), and — for the student — a form to propose one.
struct ExtendedLearningPage {
    var student: Person
    var cards: [ELOCard]
    /// The competencies a proposal may name (shown to the student only).
    var offered: [Competency]
    var mayPropose: Bool
    var notice: String?

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        return Layout.page(
            t("Learning beyond school"), page,
            Layout.heading(
                t("Learning beyond school"), eyebrow: student.displayName,
                lead: t("Internships, online courses, community projects and independent study that earn credit.")),
            StudentNavigation.links(student, current: "elos", page),
            .unwrap(notice) { Components.notice($0, error: false) },
            .if(cards.isEmpty, .p(.class("muted"), .text(t("Nothing proposed yet.")))),
            .forEach(cards) { $0.render(page) },
            .if(mayPropose, proposeForm(page))
        )
    }

    func proposeForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .section(
            .class("card"), .id("propose-elo"),
            .h2(.text(t("Propose one"))),
            .form(
                .method(.post), .action("/students/\(student.id.rawValue)/elos"),
                Layout.csrfField(page.csrfToken),
                .div(
                    .class("field"), .label(.for("elo-title"), .text(t("What is it?"))),
                    .input(
                        .type(.text), .id("elo-title"), .name("title"), .required(true),
                        .attribute(named: "maxlength", value: "200"))),
                .div(
                    .class("field"), .label(.for("elo-kind"), .text(t("Kind"))),
                    .select(
                        .id("elo-kind"), .attribute(named: "name", value: "kind"),
                        .forEach(ExtendedLearning.Kind.allCases) { Components.option($0.rawValue, t($0.title)) })),
                .div(
                    .class("field"), .label(.for("elo-description"), .text(t("What you will do, and with whom"))),
                    .textarea(.id("elo-description"), .name("description"), .attribute(named: "rows", value: "3"))),
                .div(
                    .class("field"), .label(.for("elo-hours"), .text(t("Hours you plan (optional)"))),
                    .input(
                        .type(.number), .id("elo-hours"), .name("hours"), .attribute(named: "min", value: "1"),
                        .attribute(named: "max", value: "2000"))),
                .fieldset(
                    .element(named: "legend", text: t("What it will show")),
                    .forEach(offered) { competency in
                        .div(
                            .class("choice"),
                            .input(
                                .type(.checkbox), .id("elo-c-\(competency.id.rawValue)"), .name("competency"),
                                .value(competency.id.rawValue)),
                            .label(.for("elo-c-\(competency.id.rawValue)"), .text(t.data(competency.title))))
                    }),
                .button(.type(.submit), .class("button primary"), .text(t("Propose it")))))
    }
}

/// One opportunity with the actions its reader may take.
struct ELOCard {
    var elo: ExtendedLearning
    var studentName: String
    var competencies: [Competency]
    var names: [Person.ID: String]
    var maySupervise = false
    var mayConsent = false
    var mayLog = false
    /// A mentor's invitation link just made (shown once, to the teacher).
    var invitation: String?

    var path: String { "/elos/\(elo.id.rawValue)" }

    func render(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .section(
            .class("card elo"), .id("elo-\(elo.id.rawValue)"),
            .h2(.a(.href(path), .text(elo.title))),
            .p(
                .span(.class("badge"), .text(t(Self.stateName(elo.state)))), .text(" · "),
                .text(t(elo.kind.title)),
                .unwrap(elo.plannedHours) { .text(" · " + t("{hours} h planned", ["hours": DisplayNumber.text($0)])) },
                .text(" · " + t("{hours} h logged", ["hours": DisplayNumber.text(elo.hoursLogged)])),
                .unwrap(elo.credit) { .text(" · " + t("credit {credit}", ["credit": DisplayNumber.text($0)])) }),
            .if(!elo.description.isEmpty, .p(.text(elo.description))),
            .p(
                .strong(.text(t("What it will show") + ": ")),
                .text(competencies.map { t.data($0.title) }.joined(separator: "; "))),
            .ul(
                .class("elo-steps"),
                .li(.text(step(t("Proposed by {name}"), elo.proposed, t))),
                .unwrap(elo.approval) { .li(.text(step(t("Approved by {name}"), $0, t))) },
                .unwrap(elo.consent) { .li(.text(step(t("Consent from {name}"), $0, t))) },
                .unwrap(elo.completion) { .li(.text(step(t("Completed, signed by {name}"), $0, t))) },
                .if(
                    elo.consentNeeded && elo.consent == nil,
                    .li(.class("muted"), .text(t("Waiting for a family member's consent.")))),
                .if(elo.approval == nil, .li(.class("muted"), .text(t("Waiting for a teacher's approval."))))),
            .if(
                !elo.hours.isEmpty,
                .details(
                    .summary(.text(t("Hours logged"))),
                    .ul(
                        .forEach(elo.hours) { entry in
                            .li(
                                .text(
                                    "\(t.day(entry.day)) — \(DisplayNumber.text(entry.hours)) h — \(entry.note) (\(names[entry.by] ?? ""))"
                                ))
                        }))),
            .unwrap(invitation) { link in
                .div(
                    .class("notice notice-ok"), .attribute(named: "role", value: "status"),
                    .text(t("Send the mentor this link to choose a password (valid 14 days):") + " "),
                    .code(.text(link)))
            },
            actions(page))
    }

    func step(_ template: String, _ step: ExtendedLearning.Step, _ t: Translator) -> String {
        template.replacingOccurrences(of: "{name}", with: names[step.by] ?? step.by.rawValue) + ", " + t.date(step.at)
    }

    /// One completed opportunity in a list (report card, transcript): title, kind, hours, credit, and the day it
    /// was completed when `dated`.
    static func summary(_ elo: ExtendedLearning, _ t: Translator, dated: Bool) -> Node<HTML.ListContext> {
        var words = " — \(t(elo.kind.title)), " + t("{hours} h logged", ["hours": DisplayNumber.text(elo.hoursLogged)])
        if let credit = elo.credit { words += ", " + t("credit {credit}", ["credit": DisplayNumber.text(credit)]) }
        if dated, let done = elo.completion { words += ", " + t.date(done.at) }
        return .li(.strong(.text(elo.title)), .text(words))
    }

    static func stateName(_ state: ExtendedLearning.State) -> String {
        switch state {
        case .proposed: "Proposed"
        case .approved: "Approved"
        case .active: "Under way"
        case .completed: "Completed"
        }
    }

    func actions(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        func button(
            _ action: String, _ label: String, _ extra: Node<HTML.FormContext> = .empty
        ) -> Node<HTML.BodyContext> {
            .form(
                .method(.post), .action("\(path)/\(action)"), .class("inline-form"),
                Layout.csrfField(page.csrfToken), extra,
                .button(.type(.submit), .class("button primary"), .text(label)))
        }
        return .div(
            .class("elo-actions"),
            .if(maySupervise && elo.refusal(.approve) == nil, button("approve", t("Approve"))),
            .if(mayConsent && elo.refusal(.consent) == nil, button("consent", t("I consent"))),
            .if(mayLog && elo.refusal(.logHours) == nil, hoursForm(page)),
            .if(maySupervise && elo.completion == nil, supervision(page)))
    }

    func hoursForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let key = elo.id.rawValue
        return .form(
            .method(.post), .action("\(path)/hours"), .class("elo-hours-form"),
            Layout.csrfField(page.csrfToken),
            .div(
                .class("field"), .label(.for("hours-\(key)"), .text(t("Hours"))),
                .input(
                    .type(.number), .id("hours-\(key)"), .name("hours"), .required(true),
                    .attribute(named: "min", value: "0.25"), .attribute(named: "max", value: "24"),
                    .attribute(named: "step", value: "0.25"))),
            .div(
                .class("field"), .label(.for("day-\(key)"), .text(t("Day"))),
                .input(.type(.date), .id("day-\(key)"), .name("day"))),
            .div(
                .class("field"), .label(.for("note-\(key)"), .text(t("What was done"))),
                .input(.type(.text), .id("note-\(key)"), .name("note"), .required(true))),
            .button(.type(.submit), .class("button"), .text(t("Log hours"))))
    }

    /// A number that may have decimals (a browser refuses 0.5 in a plain number field).
    static func numberField(_ label: String, id: String, name: String) -> Node<HTML.FormContext> {
        .div(
            .class("field"), .label(.for(id), .text(label)),
            .input(
                .type(.number), .id(id), .name(name), .attribute(named: "step", value: "any"),
                .attribute(named: "min", value: "0")))
    }

    /// The teacher's part: invite a mentor, score the competencies, complete with the credit.
    func supervision(_ page: PageContext) -> Node<HTML.BodyContext> {
        let key = elo.id.rawValue
        return .group(
            .details(
                .summary("Invite a mentor"),
                .form(
                    .method(.post), .action("\(path)/mentors"),
                    Layout.csrfField(page.csrfToken),
                    Components.field("First name", id: "mentor-given-\(key)", name: "givenName"),
                    Components.field("Last name", id: "mentor-family-\(key)", name: "familyName"),
                    Components.field("Email (optional)", id: "mentor-email-\(key)", name: "email", type: .email),
                    .button(.type(.submit), .class("button"), "Invite"))),
            .if(
                elo.state == .active,
                .group(
                    .details(
                        .summary("Score a competency"),
                        .form(
                            .method(.post), .action("\(path)/evidence"),
                            Layout.csrfField(page.csrfToken),
                            .div(
                                .class("field"), .label(.for("elo-competency-\(key)"), "Competency"),
                                .select(
                                    .id("elo-competency-\(key)"), .attribute(named: "name", value: "competency"),
                                    .forEach(competencies) { Components.option($0.id.rawValue, $0.title) })),
                            Self.numberField("Score (on the course's scale)", id: "elo-score-\(key)", name: "score"),
                            Components.field("Comment (optional)", id: "elo-comment-\(key)", name: "comment"),
                            .button(.type(.submit), .class("button"), "Record"))),
                    .form(
                        .method(.post), .action("\(path)/complete"), .class("elo-complete"),
                        Layout.csrfField(page.csrfToken),
                        Self.numberField("Credit earned (e.g. 0.5)", id: "elo-credit-\(key)", name: "credit"),
                        .button(.type(.submit), .class("button primary"), "Complete")))))
    }
}

/// A mentor's home: the opportunities they mentor, nothing else.
struct MentorHomePage {
    var mentor: Person
    var opportunities: [ExtendedLearning]

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Mentoring", page,
            Layout.heading(
                "Mentoring", eyebrow: mentor.displayName,
                lead: "The learning you mentor: log the hours and what was done; the teacher scores it."),
            .if(opportunities.isEmpty, .p(.class("muted"), "Nothing to mentor yet.")),
            .ul(
                .forEach(opportunities) { elo in
                    .li(
                        .a(.href("/elos/\(elo.id.rawValue)"), .text(elo.title)),
                        .text(" — \(ELOCard.stateName(elo.state)), \(DisplayNumber.text(elo.hoursLogged)) h logged"))
                }))
    }
}

import Foundation
import MasteryCore
import Plot

/// A draft flex day for the people taking part: a teacher requests their students for a session (required or
/// just asked for, with a priority and a reason) and sees their requests; a student ranks up to three sessions,
/// the ones their mastery makes most useful listed first, with the seats each has.
struct FlexJoinPage {
    var user: Person
    var picture: FlexDayService.Picture
    var myStudents: [Person]
    var teacherNames: [Person.ID: String]
    var saved: Bool
    /// Students to tick at once (a group from a saved grouping).
    var preselected: Set<Person.ID> = []

    var day: FlexDay { picture.day }

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        let words = FlexDayWords(
            day: day, t: t, names: teacherNames, requests: picture.requests, curriculum: picture.curriculum)
        return Layout.page(
            t("Flex day {date}", ["date": FlexDayWords.date(day, t)]), page,
            Layout.heading(
                t("Flex day {date}", ["date": FlexDayWords.date(day, t)]),
                eyebrow: day.status == .draft ? t("Being planned") : t("Planned"),
                lead: user.role == .teacher
                    ? "Ask for the students you need in a session. Required requests are kept unless another "
                        + "teacher's stronger request clashes; the coordinator sees every clash."
                    : t(
                        "Pick up to three sessions you would like, best first. Teachers' requests come first; "
                            + "your picks count after them.")),
            .if(saved, Components.notice(t("Saved."), error: false)),
            .p(.a(.href("/my-day"), .text(t("My day")))),
            .if(day.status != .draft, .p(.class("muted"), .text(t("This day is no longer taking changes.")))),
            user.role == .teacher ? teacherView(page, words) : studentView(page, words)
        )
    }

    // MARK: Teacher

    func teacherView(_ page: PageContext, _ words: FlexDayWords) -> Node<HTML.BodyContext> {
        let mine = picture.requests.filter { $0.teacherID == user.id }
        let sessions = day.sessions.filter { !$0.id.hasPrefix("open-") }
        return .group(
            .section(
                .class("card"), .id("my-requests"), .h2("Your requests"),
                .if(
                    mine.isEmpty, .p(.class("muted"), "None yet."),
                    else: .ul(
                        .forEach(mine) { request in
                            .li(
                                .text(
                                    "\(words.title(request.sessionID)): "
                                        + request.studentIDs.map { words.name($0) }.joined(separator: ", ")
                                        + " · \(request.required ? "required" : "requested") · \(request.reason)"),
                                .if(
                                    day.status == .draft,
                                    .form(
                                        .method(.post),
                                        .action("/flex/\(day.id.rawValue)/requests/\(request.id.rawValue)/withdraw"),
                                        .class("inline-form"), Layout.csrfField(page.csrfToken),
                                        .button(.type(.submit), .class("button small secondary"), "Withdraw"))))
                        }))),
            .if(
                day.status == .draft,
                .section(
                    .class("card"), .id("request-form"), .h2("Request students"),
                    .if(
                        myStudents.isEmpty || sessions.isEmpty,
                        .p(
                            .class("muted"),
                            .text(
                                sessions.isEmpty
                                    ? "No session is set up yet." : "None of your students is on this day.")),
                        else: .form(
                            .method(.post), .action("/flex/\(day.id.rawValue)/requests"),
                            Layout.csrfField(page.csrfToken),
                            .div(
                                .class("field"), .label(.for("request-session"), "Session"),
                                .select(
                                    .id("request-session"), .attribute(named: "name", value: "session"),
                                    .forEach(sessions) {
                                        Components.option($0.id, "\($0.title), \(words.mods(of: $0))")
                                    })),
                            .fieldset(
                                .element(named: "legend", text: "Students"),
                                .div(
                                    .class("choice-row"),
                                    .forEach(myStudents) { student in
                                        .label(
                                            .class("choice"),
                                            .input(
                                                .type(.checkbox), .name("student"), .value(student.id.rawValue),
                                                .checked(preselected.contains(student.id))),
                                            .text(" \(student.displayName)"))
                                    })),
                            .div(
                                .class("field"),
                                .label(
                                    .class("choice"), .input(.type(.checkbox), .name("required"), .value("1")),
                                    " Required (they must be there)")),
                            .div(
                                .class("field"), .label(.for("request-priority"), "Priority"),
                                .select(
                                    .id("request-priority"), .attribute(named: "name", value: "priority"),
                                    Components.option("normal", "Normal", selected: true),
                                    Components.option("high", "High"), Components.option("low", "Low"))),
                            Components.field("Reason", id: "request-reason", name: "reason"),
                            .button(.type(.submit), .class("button primary"), "Send the request"))))))
    }

    // MARK: Student

    /// Sessions ranked by how much they serve the student (their needs on the session's competencies).
    func usefulFirst() -> [FlexDay.Session] {
        let needs = picture.plan.needs[user.id] ?? [:]
        func value(_ session: FlexDay.Session) -> Double {
            session.competencyIDs.reduce(0) { $0 + (needs[$1] ?? 0) }
        }
        return day.sessions.filter { !$0.id.hasPrefix("open-") }.sorted {
            value($0) != value($1) ? value($0) > value($1) : $0.start < $1.start
        }
    }

    func studentView(_ page: PageContext, _ words: FlexDayWords) -> Node<HTML.BodyContext> {
        let t = page.t
        let sessions = usefulFirst()
        let current = picture.choices.first { $0.studentID == user.id }?.sessionIDs ?? []
        let needs = picture.plan.needs[user.id] ?? [:]
        return .group(
            .section(
                .class("card"), .id("sessions-on-offer"), .h2(.text(t("Sessions on offer"))),
                .if(
                    sessions.isEmpty, .p(.class("muted"), .text(t("No session is set up yet."))),
                    else: .ul(
                        .class("plain-list"),
                        .forEach(sessions) { session in
                            let helps = session.competencyIDs.filter { (needs[$0] ?? 0) >= 2 }
                            return .li(
                                .strong(.text(t.data(session.title))), .text(" · \(words.mods(of: session))"),
                                .text(" · " + t.plural(session.capacity, "{count} seat", "{count} seats")),
                                .if(
                                    !helps.isEmpty,
                                    .p(
                                        .class("muted"),
                                        .text(
                                            t(
                                                "Helps with {list}, which you are still building.",
                                                ["list": helps.map { words.competency($0) }.joined(separator: ", ")])
                                        ))))
                        }))),
            .if(
                day.status == .draft && !sessions.isEmpty,
                .section(
                    .class("card"), .id("choice-form"), .h2(.text(t("Your picks"))),
                    .form(
                        .method(.post), .action("/flex/\(day.id.rawValue)/choices"),
                        Layout.csrfField(page.csrfToken),
                        .forEach(1...FlexChoice.limit) { rank in
                            .div(
                                .class("field"),
                                .label(
                                    .for("choice-\(rank)"),
                                    .text(
                                        rank == 1
                                            ? t("First choice") : rank == 2 ? t("Second choice") : t("Third choice"))),
                                .select(
                                    .id("choice-\(rank)"), .attribute(named: "name", value: "choice-\(rank)"),
                                    Components.option("", t("No choice"), selected: current.count < rank),
                                    .forEach(sessions) { session in
                                        Components.option(
                                            session.id, "\(t.data(session.title)), \(words.mods(of: session))",
                                            selected: current.count >= rank && current[rank - 1] == session.id)
                                    }))
                        },
                        .button(.type(.submit), .class("button primary"), .text(t("Save my picks")))))))
    }
}

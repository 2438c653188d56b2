import Foundation
import MasteryCore
import Plot

/// One flex day for its coordinator: what the placement achieves in counted words, teachers' requests and
/// their clashes, the sessions (edited until published), each session's students and why, each student's day
/// with search and filter, one move form, and attendance once it has run.
struct FlexDayPage {
    struct Filter {
        var text: String
        var session: String
        /// Every student at once, rather than the first few (a school's day runs to hundreds).
        var all = false

        var isEmpty: Bool { text.isEmpty && session.isEmpty }
    }

    /// Students listed before "Show all" when nothing is searched for.
    static let firstRows = 30

    var picture: FlexDayService.Picture
    var teachers: [Person]
    var students: [Person]
    var filter: Filter
    var problems: [String]
    var saved: Bool
    var attendance: [String: [Person.ID: Bool]]

    var day: FlexDay { picture.day }
    var names: [Person.ID: String] {
        Dictionary((teachers + students).map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
    }
    var words: FlexDayWords {
        FlexDayWords(
            day: day, t: .english, names: names, requests: picture.requests, curriculum: picture.curriculum)
    }

    static func statusName(_ status: FlexDay.Status) -> String {
        switch status {
        case .template: "weekly template"
        case .draft: "draft: open for requests and choices"
        case .published: "published"
        case .closed: "closed"
        }
    }

    func render(_ page: PageContext) -> HTML {
        let title = day.status == .template ? "Weekly template" : "Flex day \(FlexDayWords.date(day, .english))"
        let start = day.startMinute.map { " from \(FlexDayWords.time($0))" } ?? ""
        return Layout.page(
            title, page, wide: true,
            Layout.heading(
                title, eyebrow: Self.statusName(day.status).capitalizedFirst,
                lead: "\(day.mods) mods\(start), \(day.sessions.count) sessions, \(day.students.count) students."),
            .if(saved, Components.notice("Saved.", error: false)),
            .if(
                !problems.isEmpty,
                .div(
                    .class("notice notice-error"), .attribute(named: "role", value: "alert"),
                    .ul(.forEach(problems) { .li(.text($0)) }))),
            .p(.a(.href("/schedule"), "All flex days")),
            actions(page),
            .unwrap(picture.outcome) { outcome(summary: $0.summary, unmet: $0.unmet) },
            requestsSection(page),
            sessionsSection(page),
            .if(!day.assignments.isEmpty, bySession()),
            .if(!day.assignments.isEmpty, byStudent(page)),
            .if(day.status == .published || day.status == .closed, absences())
        )
    }

    func actions(_ page: PageContext) -> Node<HTML.BodyContext> {
        func post(_ action: String, _ label: String, primary: Bool = true) -> Node<HTML.BodyContext> {
            .form(
                .method(.post), .action("/schedule/\(day.id.rawValue)/\(action)"), .class("inline-form"),
                Layout.csrfField(page.csrfToken),
                .button(.type(.submit), .class(primary ? "button primary" : "button secondary"), .text(label)))
        }
        return .div(
            .class("button-row"), .id("day-actions"),
            .if(
                day.status == .draft,
                post("propose", day.assignments.isEmpty ? "Propose from mastery" : "Propose again", primary: true)),
            .if(day.status == .draft && !day.assignments.isEmpty, post("publish", "Publish the day")),
            .if(day.status == .published, post("close", "Close the day (it has run)", primary: false)),
            .if(
                day.status == .published || day.status == .closed,
                .a(
                    .class("button secondary"), .href("/schedule/\(day.id.rawValue)/attendance.csv"),
                    "Attendance (CSV for the SIS)")),
            .form(
                .method(.post), .action("/schedule/\(day.id.rawValue)/copy"), .class("inline-form"),
                Layout.csrfField(page.csrfToken),
                .label(.for("copy-day"), day.status == .template ? "Make the day for" : "Copy to"),
                .input(
                    .type(.date), .id("copy-day"), .name("day"),
                    .value(Components.isoDate(Date().addingTimeInterval(7 * 86_400)))),
                .button(.type(.submit), .class("button secondary"), day.status == .template ? "Make" : "Copy")))
    }

    func outcome(summary: FlexDayOutcome.Summary, unmet: [FlexDayOutcome.Unmet]) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("outcome"), .h2("What this placement does"),
            .ul(
                .id("outcome-summary"),
                .li(
                    .text(
                        "\(summary.studentsServed) of \(summary.studentsWithNeeds) students spend time on something "
                            + "they have not mastered yet (\(summary.needsMet) of the \(summary.needsOffered) "
                            + "unmastered competencies on offer are covered).")),
                .li(.text("\(summary.requestsMet) of \(summary.requestsMade) teacher requests met.")),
                .li(
                    .text(
                        "\(summary.firstChoices) of \(summary.choosers) students who chose got their first choice; "
                            + "\(summary.anyChoice) got one of their choices.")),
                .unwrap(day.objective) { objective in
                    .li(
                        .class("muted"),
                        .text(
                            (day.bound ?? objective) - objective <= 1e-9
                                ? "No other placement serves these needs, requests and choices better."
                                : "Within \(DisplayRounding.text(max(0, ((day.bound ?? objective) - objective) / max(day.bound ?? 1, 1e-9) * 100)))% of the best placement possible."
                        ))
                }),
            .if(
                !unmet.isEmpty,
                .details(
                    .id("unmet"),
                    .summary(.text("Not met (\(unmet.count))")),
                    .ul(.forEach(unmet) { .li(.text(words.unmet($0))) }))))
    }

    func requestsSection(_ page: PageContext) -> Node<HTML.BodyContext> {
        let conflicts = Dictionary(grouping: picture.plan.conflicts, by: \.request)
        let words = self.words
        return .section(
            .class("card"), .id("requests"), .h2("Teacher requests"),
            .if(
                picture.requests.isEmpty,
                .p(
                    .class("muted"),
                    "No requests yet. Teachers ask for their students from their flex page while the day is a draft."),
                else: .div(
                    Components.scrollRegion("Teacher requests"),
                    .table(
                        .class("stack-on-phone"),
                        .caption("Teacher requests (strongest first wins a clash)"),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), "Teacher"),
                                .th(.attribute(named: "scope", value: "col"), "Session"),
                                .th(.attribute(named: "scope", value: "col"), "Students"),
                                .th(.attribute(named: "scope", value: "col"), "Kind"),
                                .th(.attribute(named: "scope", value: "col"), "Reason"),
                                .th(.attribute(named: "scope", value: "col"), "Clashes"),
                                .if(day.status == .draft, .th(.attribute(named: "scope", value: "col"), "Withdraw")))),
                        .tbody(
                            .forEach(picture.requests) { request in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text(words.name(request.teacherID))),
                                    .td(.data(named: "label", value: "Session"), .text(words.title(request.sessionID))),
                                    .td(
                                        .data(named: "label", value: "Students"),
                                        .text(request.studentIDs.map { words.name($0) }.joined(separator: ", "))),
                                    .td(
                                        .data(named: "label", value: "Kind"),
                                        .text(
                                            (request.required ? "Required" : "Requested")
                                                + " · \(Self.priorityName(request.priority)) priority")),
                                    .td(.data(named: "label", value: "Reason"), .text(request.reason)),
                                    .td(
                                        .data(named: "label", value: "Clashes"),
                                        .text(
                                            (conflicts[request.id] ?? []).map { clash(words, $0) }.joined(
                                                separator: " ")
                                        )),
                                    .if(
                                        day.status == .draft,
                                        .td(
                                            .form(
                                                .method(.post),
                                                .action(
                                                    "/schedule/\(day.id.rawValue)/requests/\(request.id.rawValue)/withdraw"
                                                ), .class("inline-form"), Layout.csrfField(page.csrfToken),
                                                .button(
                                                    .type(.submit), .class("button small secondary"),
                                                    .attribute(
                                                        named: "aria-label",
                                                        value:
                                                            "Withdraw \(words.name(request.teacherID))'s request for \(words.title(request.sessionID))"
                                                    ), "Withdraw")))))
                            })))))
    }

    func clash(_ words: FlexDayWords, _ conflict: FlexDayPlan.Conflict) -> String {
        let student = words.name(conflict.student)
        switch conflict.kind {
        case .overlap:
            let winner = conflict.winner.flatMap { id in picture.requests.first { $0.id == id } }
            return "\(student): \(words.name(winner?.teacherID))'s request for \(words.title(winner?.sessionID)) "
                + "wins (higher priority or asked first); weighed as a wish instead."
        case .full: return "\(student): the session is full of required students; weighed as a wish instead."
        case .notOnDay: return "\(student) is not on this day."
        case .noSession: return "The session was removed."
        }
    }

    static func priorityName(_ priority: FlexRequest.Priority) -> String {
        switch priority {
        case .low: "low"
        case .normal: "normal"
        case .high: "high"
        }
    }
}

extension String {
    /// The text with its first letter capitalised.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

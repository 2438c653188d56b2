import Foundation
import MasteryCore
import Plot

/// The sessions of a flex day (a form each, to edit or remove until published), each session's students and
/// why, each student's day with search and filter, and who was absent.
extension FlexDayPage {
    func placed(in session: FlexDay.Session) -> [Person.ID] {
        day.students.filter { (day.assignments[$0] ?? []).contains(session.id) }
    }

    func sessionsSection(_ page: PageContext) -> Node<HTML.BodyContext> {
        let words = self.words
        return .section(
            .class("card"), .id("sessions"), .h2("Sessions"),
            .div(
                Components.scrollRegion("Sessions"),
                .table(
                    .class("stack-on-phone"),
                    .caption("Sessions"),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), "Session"),
                            .th(.attribute(named: "scope", value: "col"), "When"),
                            .th(.attribute(named: "scope", value: "col"), "Teacher"),
                            .th(.attribute(named: "scope", value: "col"), "Room"),
                            .th(.attribute(named: "scope", value: "col"), "Seats taken"),
                            .th(.attribute(named: "scope", value: "col"), "Works on"))),
                    .tbody(
                        .forEach(day.sessions) { session in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(session.title)),
                                .td(.data(named: "label", value: "When"), .text(words.mods(of: session))),
                                .td(
                                    .data(named: "label", value: "Teacher"),
                                    .text(session.teacherID.map { words.name($0) } ?? "–")),
                                .td(.data(named: "label", value: "Room"), .text(session.room)),
                                .td(
                                    .data(named: "label", value: "Seats taken"),
                                    .text("\(placed(in: session).count) of \(session.capacity)")),
                                .td(
                                    .data(named: "label", value: "Works on"),
                                    .text(
                                        session.competencyIDs.compactMap { picture.curriculum.competency($0)?.code }
                                            .joined(separator: ", "))))
                        }))),
            .if(
                day.isOpen,
                .group(
                    .forEach(day.sessions.filter { !$0.id.hasPrefix("open-") }) { session in
                        .details(
                            .class("session-edit"),
                            .summary(.text("Change or remove “\(session.title)”")),
                            sessionForm(page, session: session),
                            .form(
                                .method(.post),
                                .action("/schedule/\(day.id.rawValue)/sessions/\(session.id)/remove"),
                                .class("inline-form"), Layout.csrfField(page.csrfToken),
                                .button(
                                    .type(.submit), .class("button secondary small"),
                                    .text("Remove “\(session.title)”"))))
                    },
                    .details(
                        .id("add-session"), .attribute(named: "open", value: "open"),
                        .summary("Add a session"), sessionForm(page, session: nil))))
        )
    }

    func sessionForm<Context: HTML.BodyContext>(_ page: PageContext, session: FlexDay.Session?) -> Node<Context> {
        let key = session?.id ?? "new"
        let words = self.words
        return .form(
            .method(.post),
            .action("/schedule/\(day.id.rawValue)/sessions" + (session.map { "/\($0.id)" } ?? "")),
            .class("session-form"), Layout.csrfField(page.csrfToken),
            .div(
                .class("field"), .label(.for("title-\(key)"), "Title"),
                .input(.type(.text), .id("title-\(key)"), .name("title"), .value(session?.title ?? ""))),
            .div(
                .class("field"), .label(.for("teacher-\(key)"), "Teacher"),
                .select(
                    .id("teacher-\(key)"), .attribute(named: "name", value: "teacher"),
                    Components.option("", "No teacher", selected: session?.teacherID == nil),
                    .forEach(teachers) {
                        Components.option($0.id.rawValue, $0.displayName, selected: session?.teacherID == $0.id)
                    })),
            .div(
                .class("field"), .label(.for("room-\(key)"), "Room"),
                .input(.type(.text), .id("room-\(key)"), .name("room"), .value(session?.room ?? ""))),
            .div(
                .class("field"), .label(.for("start-\(key)"), "Starts in"),
                .select(
                    .id("start-\(key)"), .attribute(named: "name", value: "start"),
                    .forEach(0..<day.mods) { mod in
                        Components.option("\(mod)", words.mod(mod), selected: (session?.start ?? 0) == mod)
                    })),
            .div(
                .class("field"), .label(.for("length-\(key)"), "How many mods"),
                .input(
                    .type(.number), .id("length-\(key)"), .name("length"), .value("\(session?.length ?? 1)"),
                    .attribute(named: "min", value: "1"), .attribute(named: "max", value: "\(day.mods)"))),
            .div(
                .class("field"), .label(.for("capacity-\(key)"), "Seats"),
                .input(
                    .type(.number), .id("capacity-\(key)"), .name("capacity"), .value("\(session?.capacity ?? 12)"),
                    .attribute(named: "min", value: "1"))),
            .fieldset(
                .element(named: "legend", text: "Competencies it works on"),
                .div(
                    .class("choice-row"),
                    .forEach(picture.curriculum.leafCompetencies.filter { $0.kind == .academic }) { competency in
                        .label(
                            .class("choice"),
                            .input(
                                .type(.checkbox), .name("competency"), .value(competency.id.rawValue),
                                .checked(session?.competencyIDs.contains(competency.id) == true)),
                            .text(" \(competency.code)"))
                    })),
            .button(
                .type(.submit), .class("button secondary"), .text(session == nil ? "Add the session" : "Save changes")))
    }

    /// Each session: who is in it and why, in short tags.
    func bySession() -> Node<HTML.BodyContext> {
        let words = self.words
        let reasons = picture.outcome?.reasons ?? [:]
        return .section(
            .class("card"), .id("by-session"), .h2("Who is in each session, and why"),
            .forEach(day.sessions) { session in
                let students = placed(in: session)
                return .details(
                    .summary(
                        .text(
                            "\(session.title) · \(words.mods(of: session)) · \(students.count) of \(session.capacity)")
                    ),
                    .ul(
                        .class("plain-list"),
                        .forEach(students) { student in
                            .li(
                                .strong(.text(words.name(student))), .text(": "),
                                .text(
                                    (reasons[student]?[session.id] ?? []).map { tag($0, words) }.joined(
                                        separator: "; ")))
                        }))
            })
    }

    /// A reason as a short tag for staff.
    func tag(_ reason: FlexDayOutcome.Reason, _ words: FlexDayWords) -> String {
        switch reason {
        case .required(let id):
            "required by \(words.name(picture.requests.first { $0.id == id }?.teacherID))"
        case .requested(let id):
            "requested by \(words.name(picture.requests.first { $0.id == id }?.teacherID))"
        case .choice(let rank): rank == 1 ? "first choice" : "choice \(rank)"
        case .reteach(let id): "reteach \(code(id))"
        case .practice(let id): "practice \(code(id))"
        case .firstLook(let id): "not yet assessed on \(code(id))"
        case .extend(let id): "extension \(code(id))"
        case .openTime: "open time"
        }
    }

    func code(_ id: Competency.ID) -> String { picture.curriculum.competency(id)?.code ?? id.rawValue }

    /// Each student's day; search by name and filter by session; one form moves a student.
    func byStudent(_ page: PageContext) -> Node<HTML.BodyContext> {
        let words = self.words
        let needle = filter.text.lowercased()
        let matching = students.sorted { $0.sortName < $1.sortName }.filter { student in
            (needle.isEmpty || student.displayName.lowercased().contains(needle)
                || student.id.rawValue.lowercased() == needle)
                && (filter.session.isEmpty || (day.assignments[student.id] ?? []).contains(filter.session))
        }
        let cut = filter.isEmpty && !filter.all && matching.count > Self.firstRows
        let shown = cut ? Array(matching.prefix(Self.firstRows)) : matching
        return .section(
            .class("card"), .id("students"), .h2("Each student's day"),
            .form(
                .method(.get), .action("/schedule/\(day.id.rawValue)#students"), .class("inline-form"),
                .label(.for("filter-q"), "Student"),
                .input(.type(.search), .id("filter-q"), .name("q"), .value(filter.text)),
                .label(.for("filter-session"), "In session"),
                .select(
                    .id("filter-session"), .attribute(named: "name", value: "session"),
                    Components.option("", "Any", selected: filter.session.isEmpty),
                    .forEach(day.sessions) { Components.option($0.id, $0.title, selected: filter.session == $0.id) }),
                .button(.type(.submit), .class("button secondary small"), "Show")),
            .p(
                .class("muted"), .text("\(shown.count) of \(students.count) students. "),
                .if(
                    cut,
                    .a(.href("/schedule/\(day.id.rawValue)?all=1#students"), .text("Show all \(matching.count)")))),
            .div(
                Components.scrollRegion("Each student's day"),
                .table(
                    .id("flex-grid"), .class("stack-on-phone"),
                    .caption("Each student's day"),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), "Student"),
                            .forEach(0..<day.mods) {
                                .th(.attribute(named: "scope", value: "col"), .text(words.mod($0)))
                            }
                        )),
                    .tbody(
                        .forEach(shown) { student in
                            .tr(
                                .data(named: "student-id", value: student.id.rawValue),
                                .th(.attribute(named: "scope", value: "row"), .text(student.sortName)),
                                .forEach(0..<day.mods) { mod in
                                    .td(
                                        .data(named: "label", value: words.mod(mod)),
                                        .text(day.session(of: student.id, at: mod)?.title ?? "–"))
                                })
                        }))),
            .if(
                day.status == .draft && !shown.isEmpty,
                .form(
                    .method(.post), .action("/schedule/\(day.id.rawValue)/adjust"), .class("inline-form"),
                    .id("move-form"), Layout.csrfField(page.csrfToken),
                    .label(.for("move-student"), "Move"),
                    .select(
                        .id("move-student"), .attribute(named: "name", value: "student"),
                        .forEach(shown) { Components.option($0.id.rawValue, $0.sortName) }),
                    .label(.for("move-session"), "to"),
                    .select(
                        .id("move-session"), .attribute(named: "name", value: "session"),
                        .forEach(day.sessions) { Components.option($0.id, "\($0.title), \(words.mods(of: $0))") }),
                    .button(.type(.submit), .class("button secondary small"), "Move"))))
    }

    /// Students marked absent, by session, to follow up.
    func absences() -> Node<HTML.BodyContext> {
        let words = self.words
        let absent = day.sessions.flatMap { session in
            (attendance[session.id] ?? [:]).filter { !$0.value }.map { (session, $0.key) }
        }
        let unmarked = day.sessions.filter { !placed(in: $0).isEmpty && attendance[$0.id] == nil }
        return .section(
            .class("card"), .id("absences"), .h2("Absent, to follow up"),
            .if(
                absent.isEmpty, .p(.class("muted"), "Nobody has been marked absent."),
                else: .ul(
                    .forEach(absent) { session, student in
                        .li(.text("\(words.name(student)): \(session.title), \(words.mods(of: session))"))
                    })),
            .if(
                !unmarked.isEmpty,
                .p(
                    .class("muted"),
                    .text(
                        "Attendance not taken yet: " + unmarked.map(\.title).joined(separator: ", ") + "."))))
    }
}

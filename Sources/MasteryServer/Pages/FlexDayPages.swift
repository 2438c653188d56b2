import Foundation
import MasteryCore
import Plot

/// The coordinator's flex-mod days of a school, and a form to start one.
struct FlexDaysPage {
    var school: Organization
    var days: [FlexDay]

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Flex days", page,
            Layout.heading(
                "Flex-mod days", eyebrow: school.name,
                lead: "Set up the day's sessions; Masterly proposes each student's day from their mastery."),
            .ul(
                .class("plain-list"),
                .forEach(days) { day in
                    .li(
                        .a(
                            .href("/schedule/\(day.id.rawValue)"),
                            .text("\(day.day): \(day.sessions.count) sessions, \(day.status.rawValue)")))
                }),
            .form(
                .method(.post), .action("/schedule"), .id("new-day"), .class("inline-form"),
                Layout.csrfField(page.csrfToken),
                .input(.type(.hidden), .name("school"), .value(school.id.rawValue)),
                .label(.for("flex-day"), "Day"),
                .input(.type(.date), .id("flex-day"), .name("day"), .value(Components.isoDate(Date()))),
                .label(.for("flex-mods"), "Mods"), .input(.type(.number), .id("flex-mods"), .name("mods"), .value("6")),
                .button(.type(.submit), .class("button primary"), "Start a day")
            )
        )
    }
}

/// One day: its sessions, the form to add one, propose from mastery, the placement grid with adjustments,
/// and publishing.
struct FlexDayPage {
    var day: FlexDay
    var teachers: [Person]
    var students: [Person]
    var curriculum: Curriculum
    var problems: [String]
    var message: String?

    func render(_ page: PageContext) -> HTML {
        let teacherNames = Dictionary(teachers.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        let placed = !day.assignments.isEmpty
        return Layout.page(
            "Flex day \(day.day)", page, wide: true,
            Layout.heading(
                "Flex day \(day.day)", eyebrow: day.status == .published ? "Published" : "Draft",
                lead: "\(day.mods) mods, \(day.sessions.count) sessions, \(day.students.count) students."
                    + (day.objective.map {
                        " Proposed value \(DisplayRounding.text($0)) of at most \(DisplayRounding.text(day.bound ?? $0))."
                    } ?? "")),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text($0))
            },
            .if(
                !problems.isEmpty,
                .div(
                    .class("notice notice-error"), .attribute(named: "role", value: "alert"),
                    .ul(.forEach(problems) { .li(.text($0)) }))),
            .p(.a(.href("/schedule"), "All days")),
            .div(
                Components.scrollRegion("Sessions"),
                .table(
                    .caption(.text("Sessions")),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), "Session"),
                            .th(.attribute(named: "scope", value: "col"), "Mods"),
                            .th(.attribute(named: "scope", value: "col"), "Teacher"),
                            .th(.attribute(named: "scope", value: "col"), "Room"),
                            .th(.attribute(named: "scope", value: "col"), "Capacity"),
                            .th(.attribute(named: "scope", value: "col"), "Competencies"),
                            .th(.attribute(named: "scope", value: "col"), "Placed"))),
                    .tbody(
                        .forEach(day.sessions) { session in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(session.title)),
                                .td(.text("\(session.start + 1)–\(session.start + session.length)")),
                                .td(.text(session.teacherID.flatMap { teacherNames[$0] } ?? "–")),
                                .td(.text(session.room)), .td(.text("\(session.capacity)")),
                                .td(
                                    .text(
                                        session.competencyIDs.compactMap { curriculum.competency($0)?.code }.joined(
                                            separator: ", "))),
                                .td(
                                    .text(
                                        "\(day.students.filter { (day.assignments[$0] ?? []).contains(session.id) }.count)"
                                    )))
                        }))),
            .if(day.status == .draft, sessionForm(page)),
            .if(
                day.status == .draft,
                .form(
                    .method(.post), .action("/schedule/\(day.id.rawValue)/propose"), .class("inline-form"),
                    Layout.csrfField(page.csrfToken),
                    .button(
                        .type(.submit), .class("button primary"),
                        .text(placed ? "Propose again from mastery" : "Propose from mastery")))),
            .if(placed, grid(page)),
            .if(
                placed && day.status == .draft,
                .form(
                    .method(.post), .action("/schedule/\(day.id.rawValue)/publish"), .class("inline-form"),
                    Layout.csrfField(page.csrfToken),
                    .button(.type(.submit), .class("button primary"), "Publish the day")))
        )
    }

    func sessionForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("add-session"), .h2("Add a session"),
            .form(
                .method(.post), .action("/schedule/\(day.id.rawValue)/sessions"), .id("session-form"),
                Layout.csrfField(page.csrfToken),
                .div(
                    .class("field"), .label(.for("s-title"), "Title"),
                    .input(.type(.text), .id("s-title"), .name("title"))),
                .div(
                    .class("field"), .label(.for("s-teacher"), "Teacher"),
                    .select(
                        .id("s-teacher"), .attribute(named: "name", value: "teacher"),
                        .forEach(teachers) { Components.option($0.id.rawValue, $0.displayName) })),
                .div(
                    .class("field"), .label(.for("s-room"), "Room"), .input(.type(.text), .id("s-room"), .name("room"))),
                .div(
                    .class("field"), .label(.for("s-start"), "First mod (from 0)"),
                    .input(.type(.number), .id("s-start"), .name("start"), .value("0"))),
                .div(
                    .class("field"), .label(.for("s-length"), "Mods"),
                    .input(.type(.number), .id("s-length"), .name("length"), .value("1"))),
                .div(
                    .class("field"), .label(.for("s-capacity"), "Capacity"),
                    .input(.type(.number), .id("s-capacity"), .name("capacity"), .value("12"))),
                .fieldset(
                    .element(named: "legend", text: "Competencies it serves"),
                    .div(
                        .class("choice-row"),
                        .forEach(curriculum.leafCompetencies.filter { $0.kind == .academic }) { competency in
                            .label(
                                .class("choice"),
                                .input(.type(.checkbox), .name("competency"), .value(competency.id.rawValue)),
                                .text(" \(competency.code)"))
                        })),
                .button(.type(.submit), .class("button secondary"), "Add the session")
            ))
    }

    func grid(_ page: PageContext) -> Node<HTML.BodyContext> {
        .div(
            Components.scrollRegion("Each student's day"),
            .table(
                .id("flex-grid"),
                .caption(.text("Each student's day")),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), "Student"),
                        .forEach(0..<day.mods) {
                            .th(.attribute(named: "scope", value: "col"), .text("Mod \($0 + 1)"))
                        },
                        .if(day.status == .draft, .th(.attribute(named: "scope", value: "col"), "Move to")))),
                .tbody(
                    .forEach(students) { student in
                        .tr(
                            .data(named: "student-id", value: student.id.rawValue),
                            .th(.attribute(named: "scope", value: "row"), .text(student.sortName)),
                            .forEach(0..<day.mods) { mod in
                                .td(.text(day.session(of: student.id, at: mod)?.title ?? "–"))
                            },
                            .if(
                                day.status == .draft,
                                .td(
                                    .form(
                                        .method(.post), .action("/schedule/\(day.id.rawValue)/adjust"),
                                        .class("inline-form"),
                                        Layout.csrfField(page.csrfToken),
                                        .input(.type(.hidden), .name("student"), .value(student.id.rawValue)),
                                        .label(
                                            .for("move-\(student.id.rawValue)"), .class("sr-only"),
                                            .text("Move \(student.displayName) to")),
                                        .select(
                                            .id("move-\(student.id.rawValue)"),
                                            .attribute(named: "name", value: "session"),
                                            .forEach(day.sessions) {
                                                Components.option(
                                                    $0.id, "\($0.title) (mods \($0.start + 1)–\($0.start + $0.length))")
                                            }),
                                        .button(
                                            .type(.submit), .class("button small"),
                                            .attribute(named: "aria-label", value: "Move \(student.displayName)"),
                                            "Move")))))
                    })))
    }
}

/// A student's or a teacher's published day; a session's teacher takes attendance and records evidence.
struct MyDayPage {
    var user: Person
    var day: FlexDay?
    var curriculum: Curriculum
    var attendance: [String: [Person.ID: Bool]]
    var names: [Person.ID: String]
    var message: String?

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "My day", page,
            Layout.heading(
                "My day", eyebrow: day.map { "Flex day \($0.day)" } ?? "Flex day",
                lead: user.role == .teacher
                    ? "Your sessions, who comes, and attendance with evidence in one step."
                    : "Where you are in each mod, and why."),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text($0))
            },
            .unwrap(
                day, { day in user.role == .teacher ? teacherView(day, page) : studentView(day) },
                else: .p(.class("muted"), "No flex day is published yet."))
        )
    }

    func studentView(_ day: FlexDay) -> Node<HTML.BodyContext> {
        .ol(
            .class("plain-list"), .id("my-mods"),
            .forEach(0..<day.mods) { mod in
                let session = day.session(of: user.id, at: mod)
                return .li(
                    .strong(.text("Mod \(mod + 1): ")), .text(session?.title ?? "–"),
                    .unwrap(session) { session in
                        .text(
                            (session.room.isEmpty ? "" : " · \(session.room)")
                                + (session.competencyIDs.isEmpty
                                    ? ""
                                    : " · for "
                                        + session.competencyIDs.compactMap { curriculum.competency($0)?.code }.joined(
                                            separator: ", ")))
                    })
            })
    }

    func teacherView(_ day: FlexDay, _ page: PageContext) -> Node<HTML.BodyContext> {
        let mine = day.sessions.filter { $0.teacherID == user.id }
        return .if(
            mine.isEmpty, .p(.class("muted"), "You lead no session on this day."),
            else: .forEach(mine) { session in
                let attendees = day.students.filter { (day.assignments[$0] ?? []).contains(session.id) }
                let competency = session.competencyIDs.first.flatMap { curriculum.competency($0) }
                let levels = competency.flatMap { curriculum.scale(for: $0)?.levels } ?? []
                return .section(
                    .class("card"), .id("session-\(session.id)"),
                    .h2(.text("\(session.title) · mods \(session.start + 1)–\(session.start + session.length)")),
                    .form(
                        .method(.post), .action("/schedule/\(day.id.rawValue)/sessions/\(session.id)/attendance"),
                        .class("attendance-form"),
                        Layout.csrfField(page.csrfToken),
                        // A session on several competencies: the teacher says which one the levels are on.
                        .if(
                            session.competencyIDs.count > 1,
                            .div(
                                .class("field"),
                                .label(.for("competency-\(session.id)"), "Evidence on"),
                                .select(
                                    .id("competency-\(session.id)"), .attribute(named: "name", value: "competency"),
                                    .forEach(session.competencyIDs.compactMap { curriculum.competency($0) }) {
                                        Components.option($0.id.rawValue, "\($0.code) — \($0.title)")
                                    }))),
                        .div(
                            .class("table-scroll"),
                            .table(
                                .caption(
                                    .text(
                                        session.competencyIDs.count > 1
                                            ? "Attendance and evidence"
                                            : competency.map { "Attendance and evidence on \($0.code)" }
                                                ?? "Attendance")),
                                .thead(
                                    .tr(
                                        .th(.attribute(named: "scope", value: "col"), "Student"),
                                        .th(.attribute(named: "scope", value: "col"), "Present"),
                                        .if(
                                            competency != nil,
                                            .th(.attribute(named: "scope", value: "col"), "Level shown")))),
                                .tbody(
                                    .forEach(attendees) { student in
                                        let name = names[student] ?? student.rawValue
                                        return .tr(
                                            .th(.attribute(named: "scope", value: "row"), .text(name)),
                                            .td(
                                                .label(
                                                    .for("present-\(student.rawValue)-\(session.id)"),
                                                    .class("sr-only"), .text("\(name) present")),
                                                .input(
                                                    .type(.checkbox), .id("present-\(student.rawValue)-\(session.id)"),
                                                    .name("present-\(student.rawValue)"),
                                                    .checked(attendance[session.id]?[student] ?? true))),
                                            .if(
                                                competency != nil,
                                                .td(
                                                    .label(
                                                        .for("level-\(student.rawValue)-\(session.id)"),
                                                        .class("sr-only"), .text("Level for \(name)")),
                                                    .select(
                                                        .id("level-\(student.rawValue)-\(session.id)"),
                                                        .attribute(named: "name", value: "level-\(student.rawValue)"),
                                                        .element(
                                                            named: "option",
                                                            nodes: [
                                                                .attribute(named: "value", value: "skip"),
                                                                .text("No evidence"),
                                                            ]),
                                                        .forEach(levels) { level in
                                                            .element(
                                                                named: "option",
                                                                nodes: [
                                                                    .attribute(
                                                                        named: "value",
                                                                        value: DisplayRounding.text(level.value)),
                                                                    .text(
                                                                        "\(DisplayRounding.text(level.value)) \(level.label)"
                                                                    ),
                                                                ])
                                                        }))))
                                    }))),
                        .button(.type(.submit), .class("button primary"), "Save attendance and evidence")))
            })
    }
}

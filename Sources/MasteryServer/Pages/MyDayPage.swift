import Foundation
import MasteryCore
import Plot

/// A student's or a teacher's flex day. A student sees where they are in each mod and why, in plain words; a
/// teacher takes attendance for their sessions (nobody is marked until the teacher says so) and records
/// evidence in one step. Days still being planned are linked: to choose (students) or request (teachers).
struct MyDayPage {
    var user: Person
    var picture: FlexDayService.Picture?
    var open: [FlexDay]
    var attendance: [String: [Person.ID: Bool]]
    var names: [Person.ID: String]
    var saved: Bool

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        let day = picture?.day
        return Layout.page(
            t("My day"), page,
            Layout.heading(
                t("My day"),
                eyebrow: day.map { t("Flex day {date}", ["date": FlexDayWords.date($0, t)]) } ?? t("Flex day"),
                lead: user.role == .teacher
                    ? "Your sessions, who comes, and attendance with evidence in one step."
                    : t("Where you are in each mod, and why.")),
            .if(
                saved,
                Components.notice(
                    user.role == .teacher ? "Attendance and evidence saved." : t("Saved."), error: false)),
            .if(!open.isEmpty, comingUp(t)),
            .unwrap(
                picture, { picture in user.role == .teacher ? teacherView(picture, page) : studentView(picture, t) },
                else: .p(.class("muted"), .text(t("No flex day is published yet."))))
        )
    }

    func comingUp(_ t: Translator) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("coming-up"), .h2(.text(t("Being planned"))),
            .ul(
                .class("plain-list"),
                .forEach(open) { day in
                    .li(
                        .a(
                            .href("/flex/\(day.id.rawValue)"),
                            .text(
                                user.role == .teacher
                                    ? "Flex day \(FlexDayWords.date(day, t)): request students"
                                    : t("Flex day {date}: pick your sessions", ["date": FlexDayWords.date(day, t)]))))
                }))
    }

    func studentView(_ picture: FlexDayService.Picture, _ t: Translator) -> Node<HTML.BodyContext> {
        let day = picture.day
        let words = FlexDayWords(
            day: day, t: t, names: names, requests: picture.requests, curriculum: picture.curriculum)
        let reasons = picture.outcome?.reasons[user.id] ?? [:]
        let mine = day.sessions.filter { (day.assignments[user.id] ?? []).contains($0.id) }.sorted {
            $0.start < $1.start
        }
        return .ol(
            .class("day-mods"), .id("my-mods"),
            .forEach(mine) { session in
                .li(
                    .class("card"),
                    .h2(.text(words.mods(of: session) + ": " + t.data(session.title))),
                    .p(
                        .class("muted"),
                        .text(
                            [
                                session.room.isEmpty ? nil : t("Room {room}", ["room": session.room]),
                                session.teacherID.map { t("with {teacher}", ["teacher": words.name($0)]) },
                            ].compactMap { $0 }.joined(separator: " · "))),
                    .ul(
                        .class("reasons"),
                        .forEach(reasons[session.id] ?? [.openTime]) { .li(.text(words.reason($0))) })
                )
            })
    }

    func teacherView(_ picture: FlexDayService.Picture, _ page: PageContext) -> Node<HTML.BodyContext> {
        let day = picture.day
        let mine = day.sessions.filter { $0.teacherID == user.id }
        let words = FlexDayWords(
            day: day, t: .english, names: names, requests: picture.requests, curriculum: picture.curriculum)
        return .if(
            mine.isEmpty, .p(.class("muted"), "You lead no session on this day."),
            else: .forEach(mine) { session in
                attendanceForm(session, day: day, words: words, picture: picture, page: page)
            })
    }

    func attendanceForm(
        _ session: FlexDay.Session, day: FlexDay, words: FlexDayWords, picture: FlexDayService.Picture,
        page: PageContext
    ) -> Node<HTML.BodyContext> {
        let attendees = day.students.filter { (day.assignments[$0] ?? []).contains(session.id) }
            .sorted { words.name($0) < words.name($1) }
        let curriculum = picture.curriculum
        let competency = session.competencyIDs.first.flatMap { curriculum.competency($0) }
        let levels = competency.flatMap { curriculum.scale(for: $0)?.levels } ?? []
        let marks = attendance[session.id] ?? [:]
        return .section(
            .class("card"), .id("session-\(session.id)"),
            .h2(.text("\(session.title) · \(words.mods(of: session))")),
            .p(
                .class("muted"),
                .text(
                    "\(attendees.count) placed · \(marks.values.filter { $0 }.count) present · "
                        + "\(marks.values.filter { !$0 }.count) absent · "
                        + "\(attendees.count - marks.count) not marked yet")),
            .if(
                day.status != .published, .p(.class("muted"), "The day is closed; attendance is kept as taken."),
                else: .form(
                    .method(.post), .action("/schedule/\(day.id.rawValue)/sessions/\(session.id)/attendance"),
                    .class("attendance-form"), Layout.csrfField(page.csrfToken),
                    .if(
                        session.competencyIDs.count > 1,
                        .div(
                            .class("field"), .label(.for("competency-\(session.id)"), "Evidence on"),
                            .select(
                                .id("competency-\(session.id)"), .attribute(named: "name", value: "competency"),
                                .forEach(session.competencyIDs.compactMap { curriculum.competency($0) }) {
                                    Components.option($0.id.rawValue, "\($0.code) — \($0.title)")
                                }))),
                    .div(
                        Components.scrollRegion("Attendance for \(session.title)"),
                        .table(
                            .class("stack-on-phone"),
                            .caption(
                                .text(
                                    competency.map { "Attendance and evidence on \($0.code)" } ?? "Attendance")),
                            .thead(
                                .tr(
                                    .th(.attribute(named: "scope", value: "col"), "Student"),
                                    .th(.attribute(named: "scope", value: "col"), "Attendance"),
                                    .if(
                                        competency != nil,
                                        .th(.attribute(named: "scope", value: "col"), "Level shown")))),
                            .tbody(
                                .forEach(attendees) { student in
                                    attendanceRow(
                                        student, session: session, words: words, mark: marks[student],
                                        levels: competency == nil ? nil : levels)
                                }))),
                    .button(.type(.submit), .class("button primary"), "Save attendance and evidence"))))
    }

    func attendanceRow(
        _ student: Person.ID, session: FlexDay.Session, words: FlexDayWords, mark: Bool?,
        levels: [ProficiencyLevel]?
    ) -> Node<HTML.TableContext> {
        let name = words.name(student)
        let key = "\(student.rawValue)-\(session.id)"
        func radio<Context: HTML.BodyContext>(_ value: String, _ label: String, checked: Bool) -> Node<Context> {
            .label(
                .class("choice"),
                .input(.type(.radio), .name("attendance-\(student.rawValue)"), .value(value), .checked(checked)),
                .text(" \(label)"))
        }
        return .tr(
            .data(named: "student-id", value: student.rawValue),
            .th(.attribute(named: "scope", value: "row"), .text(name)),
            .td(
                .data(named: "label", value: "Attendance"),
                .fieldset(
                    .class("inline-choices"),
                    .element(named: "legend", nodes: [.class("sr-only"), .text("\(name): attendance")]),
                    radio("present", "Present", checked: mark == true),
                    radio("absent", "Absent", checked: mark == false))),
            .unwrap(levels) { levels in
                .td(
                    .data(named: "label", value: "Level shown"),
                    .label(.for("level-\(key)"), .class("sr-only"), .text("Level for \(name)")),
                    .select(
                        .id("level-\(key)"), .attribute(named: "name", value: "level-\(student.rawValue)"),
                        Components.option("skip", "No evidence"),
                        .forEach(levels) { level in
                            Components.option(
                                DisplayRounding.text(level.value), "\(DisplayRounding.text(level.value)) \(level.label)"
                            )
                        }))
            })
    }
}

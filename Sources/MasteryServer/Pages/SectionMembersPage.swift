import MasteryCore
import Plot

/// A section made by hand: its teachers and students, enrolling more by username and removing them.
struct SectionMembersPage {
    var section: Section
    var course: Course
    var teachers: [Person]
    var students: [Person]
    var notice: String?
    var problems: [String]

    func render(_ page: PageContext) -> HTML {
        let path = "/admin/sections/\(section.id.rawValue)"
        return Layout.page(
            "\(section.name) — members", page,
            Layout.heading(
                section.name, eyebrow: "\(course.code) · \(course.title)",
                lead: (section.term.isEmpty ? "Teachers and students of this section." : "Term: \(section.term).")
                    + (section.endsOn.map { " Ends on \($0); after that it is a read-only archive." } ?? "")),
            .unwrap(notice) { Components.notice($0, error: false) },
            .if(
                !problems.isEmpty,
                .div(
                    .class("notice notice-error"), .attribute(named: "role", value: "alert"),
                    .p("Nobody was enrolled:"), .ul(.forEach(problems) { .li(.text($0)) }))),
            .p(
                .a(.href("/admin/courses#course-\(course.id.rawValue)"), "Back to courses"), .text(" · "),
                .a(.href("/sections/\(section.id.rawValue)"), "Open the gradebook")),
            members("Teachers", teachers, path: path, page: page),
            members("Students", students, path: path, page: page),
            .section(
                .class("card"),
                .h2("Enrol people"),
                .form(
                    .method(.post), .action("\(path)/members"), .id("enrol-form"), Layout.csrfField(page.csrfToken),
                    .div(
                        .class("field"), .label(.for("enrol-role"), "As"),
                        .select(
                            .id("enrol-role"), .attribute(named: "name", value: "role"),
                            Components.option("student", "Students", selected: true),
                            Components.option("teacher", "Teachers"))),
                    .div(
                        .class("field"),
                        .label(.for("enrol-usernames"), "Usernames (one per line, or separated by commas)"),
                        .textarea(.id("enrol-usernames"), .name("usernames"), .attribute(named: "rows", value: "6"))),
                    .button(.type(.submit), .class("button primary"), "Enrol")))
        )
    }

    func members(_ title: String, _ people: [Person], path: String, page: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("\(title) (\(people.count))")),
            people.isEmpty
                ? .p(.class("muted"), "Nobody yet.")
                : .ul(
                    .class("plain-list"),
                    .forEach(people) { person in
                        .li(
                            .text("\(person.displayName) (\(person.username ?? person.id.rawValue)) "),
                            .form(
                                .method(.post), .action("\(path)/members/\(person.id.rawValue)/remove"),
                                .class("row-form"), Layout.csrfField(page.csrfToken),
                                .button(
                                    .type(.submit), .class("button small secondary"),
                                    .attribute(named: "aria-label", value: "Remove \(person.displayName)"), "Remove")))
                    }))
    }
}

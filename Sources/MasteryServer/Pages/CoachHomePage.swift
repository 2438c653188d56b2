import MasteryCore
import Plot

/// A coach's (or a school administrator's) view of a school: its sections, who teaches them, how many
/// students, and the share of assessed competencies mastered.
struct SchoolOverview {
    struct Row {
        var section: Section
        var teachers: [Person]
        var studentCount: Int
        var masteredShare: Double?
    }

    var school: Organization
    var rows: [Row]

    func table() -> Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text(school.name)),
            .div(
                Components.scrollRegion("Sections of \(school.name)"),
                .table(
                    .class("overview"),
                    .caption(.text("Sections of \(school.name)")),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), "Section"),
                            .th(.attribute(named: "scope", value: "col"), "Teachers"),
                            .th(.attribute(named: "scope", value: "col"), "Students"),
                            .th(.attribute(named: "scope", value: "col"), "Mastered")
                        )),
                    .tbody(
                        .forEach(rows) { row in
                            .tr(
                                .th(
                                    .attribute(named: "scope", value: "row"),
                                    .a(
                                        .class("section-link"), .href("/sections/\(row.section.id.rawValue)"),
                                        .text(row.section.name))),
                                .td(.text(row.teachers.map(\.displayName).joined(separator: ", "))),
                                .td(.text("\(row.studentCount)")),
                                .td(.text(row.masteredShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"))
                            )
                        })
                )
            )
        )
    }
}

struct CoachHomePage {
    var coach: Person
    var overview: SchoolOverview

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "School", page,
            Layout.heading(
                "Hello, \(coach.givenName)", eyebrow: "Instructional coach",
                lead: "Where each class stands, to plan your visits and coaching conversations."),
            overview.table()
        )
    }
}

import MasteryCore
import Plot

/// An administrator's overview: their schools with people counts and sections.
struct AdminHomePage {
    struct Counts {
        var students: Int
        var teachers: Int
        var guardians: Int
    }

    var admin: Person
    var organization: Organization
    var schools: [(overview: SchoolOverview, counts: Counts)]

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Overview", page,
            Layout.heading(
                organization.name, eyebrow: "Administrator",
                lead: "Schools, sections and people. Every change to a student's record is in the audit log."),
            .p(.a(.class("button secondary"), .href("/admin/audit"), "Open the audit log")),
            .ul(
                .class("stat-grid"),
                .forEach(schools) { school in
                    .li(
                        .class("card stat"),
                        .h2(.text(school.overview.school.name)),
                        .p(
                            .text(
                                "\(school.counts.students) students · \(school.counts.teachers) teachers · \(school.counts.guardians) guardians · \(school.overview.rows.count) sections"
                            ))
                    )
                }),
            .forEach(schools) { $0.overview.table() }
        )
    }
}

import MasteryCore
import MasteryStore
import Plot

/// An administrator's overview: their schools with people counts and sections.
struct AdminHomePage {
    struct Counts {
        var students: Int
        var teachers: Int
        var guardians: Int
        var coaches: Int
        var admins: Int
        var readiness: Store.SchoolReadiness
    }

    var admin: Person
    var organization: Organization
    var schools: [(overview: SchoolOverview, counts: Counts)]

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Overview", page,
            Layout.heading(
                organization.name, eyebrow: "Administrator",
                lead: "Schools, sections and people. Every change is in the audit log."),
            .p(
                .a(.class("button secondary"), .href("/admin/people"), "People"), " ",
                .a(.class("button secondary"), .href("/admin/courses"), "Courses"), " ",
                .a(.class("button secondary"), .href("/admin/import"), "Import"), " ",
                .a(.class("button secondary"), .href("/admin/audit"), "Audit log")),
            .if(
                schools.isEmpty,
                .section(
                    .class("card"), .h2("Start here"),
                    .ol(
                        .li(
                            .a(.href("/admin/import"), "Import your roster"),
                            " (OneRoster CSV from your student information system), or add people by hand at ",
                            .a(.href("/admin/people"), "People"), "."),
                        .li(
                            .a(.href("/admin/import"), "Import your frameworks"),
                            " (CASE or Moodle), or create one at ", .a(.href("/frameworks"), "Frameworks"), "."),
                        .li(.a(.href("/admin/courses"), "Link each course to the frameworks it assesses"), "."),
                        .li(
                            "Give your teachers a link to set their password, from ",
                            .a(.href("/admin/people"), "People"), ".")
                    ))),
            .ul(
                .class("stat-grid"),
                .forEach(schools) { school in
                    .li(
                        .class("card stat"),
                        .h2(.text(school.overview.school.name)),
                        .p(
                            .text(
                                "\(school.counts.students) students · \(school.counts.teachers) teachers · \(school.counts.guardians) guardians · \(school.counts.coaches) coaches · \(school.counts.admins) administrators"
                            )),
                        .p(
                            .text(
                                "\(school.overview.rows.count) sections · \(school.counts.readiness.courses) courses · \(school.counts.readiness.frameworksLinked) frameworks linked · \(school.counts.readiness.neverSignedIn) people never signed in"
                            )),
                        nextSteps(school.overview.school, school.counts)
                    )
                }),
            .forEach(schools) { $0.overview.table() }
        )
    }

    /// What the school still needs, each a link to do it.
    func nextSteps(_ school: Organization, _ counts: Counts) -> Node<HTML.BodyContext> {
        var steps: [Node<HTML.ListContext>] = []
        let readiness = counts.readiness
        if counts.teachers == 0 {
            steps.append(.li(.a(.href("/admin/import"), "Import the roster"), " — no teachers yet."))
        }
        if readiness.coursesWithoutFrameworks > 0 {
            steps.append(
                .li(
                    .a(
                        .href("/admin/courses"),
                        .text(
                            "Link \(readiness.coursesWithoutFrameworks) course\(readiness.coursesWithoutFrameworks == 1 ? "" : "s") to frameworks"
                        )),
                    " — their gradebooks are empty until then."))
        }
        if readiness.withoutPassword > 0 {
            steps.append(
                .li(
                    .a(
                        .href("/admin/people?school=\(school.id.rawValue)"),
                        .text("\(readiness.withoutPassword) people have no password")),
                    " — give them a one-time link (or set up single sign-on)."))
        }
        guard !steps.isEmpty else { return .p(.class("muted small"), "Ready: nothing waiting.") }
        return .group(.h3("What to do next"), .ul(.group(steps)))
    }
}

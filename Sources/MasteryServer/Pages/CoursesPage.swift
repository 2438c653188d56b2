import MasteryCore
import Plot

/// Which frameworks each course assesses: ticking one makes its competencies the columns of every section's
/// gradebook at once.
struct CoursesPage {
    var courses: [Course]
    var frameworks: [Framework]
    var organizations: [Organization]
    var message: String?

    func render(_ page: PageContext) -> HTML {
        let names = Dictionary(organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return Layout.page(
            "Courses", page,
            Layout.heading(
                "Courses and frameworks", eyebrow: "Administrator",
                lead: "Choose what each course assesses. A course's gradebooks show the competencies of its frameworks."
            ),
            .unwrap(message) { Components.notice($0, error: false) },
            .if(
                courses.isEmpty,
                .p(.class("muted"), "No courses yet: import your roster at Import, or add courses with OneRoster CSV."),
                else: .if(
                    frameworks.isEmpty,
                    .p(.class("muted"), "No frameworks yet: import a CASE package or a Moodle framework at Import.")
                )),
            .forEach(courses) { course in
                .section(
                    .class("card"), .id("course-\(course.id.rawValue)"),
                    .h2(.text("\(course.code) · \(course.title)")),
                    .p(.class("muted small"), .text(names[course.schoolID] ?? course.schoolID.rawValue)),
                    .form(
                        .method(.post), .action("/admin/courses/\(course.id.rawValue)/frameworks"),
                        Layout.csrfField(page.csrfToken),
                        .element(
                            named: "fieldset",
                            nodes: [
                                .element(named: "legend", nodes: [.text("Frameworks \(course.code) assesses")]),
                                .forEach(frameworks) { framework in
                                    .div(
                                        .class("check"),
                                        .input(
                                            .type(.checkbox), .id("f-\(course.id.rawValue)-\(framework.id.rawValue)"),
                                            .name("framework"), .value(framework.id.rawValue),
                                            .checked(course.frameworkIDs.contains(framework.id))),
                                        .label(
                                            .for("f-\(course.id.rawValue)-\(framework.id.rawValue)"),
                                            .text(" \(framework.code) — \(framework.title)")))
                                },
                            ]),
                        .button(.type(.submit), .class("button secondary"), "Save")
                    )
                )
            }
        )
    }
}

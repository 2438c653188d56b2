import MasteryCore
import Plot

/// Which frameworks each course assesses: ticking one makes its competencies the columns of every section's
/// gradebook at once.
struct CoursesPage {
    var courses: [Course]
    var frameworks: [Framework]
    var organizations: [Organization]
    var message: String?
    /// Each course's sections, for schools that make them by hand.
    var sections: [Course.ID: [Section]] = [:]
    /// Every framework's strands, for courses that keep only some.
    var strands: [Framework.ID: [Strand]] = [:]

    func render(_ page: PageContext) -> HTML {
        let names = Dictionary(organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return Layout.page(
            "Courses", page,
            Layout.heading(
                "Courses and frameworks", eyebrow: "Administrator",
                lead: "Choose what each course assesses. A course's gradebooks show the competencies of its frameworks."
            ),
            .unwrap(message) { Components.notice($0, error: false) },
            newCourse(page),
            schoolSettings(page),
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
                    CourseChoiceForm(
                        course: course, frameworks: frameworks, strands: strands,
                        action: "/admin/courses/\(course.id.rawValue)/frameworks"
                    ).render(csrf: page.csrfToken),
                    .h3(.text("Sections")),
                    .if(
                        (sections[course.id] ?? []).isEmpty, .p(.class("muted small"), "No sections yet."),
                        else: .ul(
                            .class("plain-list"),
                            .forEach(sections[course.id] ?? []) { section in
                                .li(
                                    .a(
                                        .href("/admin/sections/\(section.id.rawValue)"),
                                        .text(section.term.isEmpty ? section.name : "\(section.name) · \(section.term)")
                                    ))
                            })),
                    .form(
                        .method(.post), .action("/admin/courses/\(course.id.rawValue)/sections"), .class("inline-form"),
                        Layout.csrfField(page.csrfToken),
                        .label(.for("s-name-\(course.id.rawValue)"), "New section"),
                        .input(.type(.text), .id("s-name-\(course.id.rawValue)"), .name("name"), .required(true)),
                        .label(.for("s-term-\(course.id.rawValue)"), "Term"),
                        .input(.type(.text), .id("s-term-\(course.id.rawValue)"), .name("term")),
                        .label(.for("s-ends-\(course.id.rawValue)"), "Last day"),
                        .input(.type(.date), .id("s-ends-\(course.id.rawValue)"), .name("endsOn")),
                        .button(.type(.submit), .class("button small secondary"), "Add section"))
                )
            }
        )
    }

    /// Whether each school's teachers choose what their courses assess.
    func schoolSettings(_ page: PageContext) -> Node<HTML.BodyContext> {
        .forEach(organizations.filter { $0.kind == .school }) { school in
            .form(
                .method(.post), .action("/admin/schools/\(school.id.rawValue)/settings"), .class("inline-form"),
                Layout.csrfField(page.csrfToken),
                .input(
                    .type(.checkbox), .id("choose-\(school.id.rawValue)"), .name("teachersChooseFrameworks"),
                    .value("on"), .checked(school.teachersChooseFrameworks)),
                .label(
                    .for("choose-\(school.id.rawValue)"),
                    .text(" Teachers at \(school.name) choose what their courses assess")),
                .button(.type(.submit), .class("button small secondary"), "Save"))
        }
    }

    /// A course made by hand (schools without a student information system).
    func newCourse(_ page: PageContext) -> Node<HTML.BodyContext> {
        let schools = organizations.filter { $0.kind == .school }
        return .if(
            !schools.isEmpty,
            .section(
                .class("card"), .id("new-course"),
                .h2("Add a course"),
                .form(
                    .method(.post), .action("/admin/courses"), .id("new-course-form"), Layout.csrfField(page.csrfToken),
                    .div(
                        .class("field"), .label(.for("course-code"), "Code"),
                        .input(.type(.text), .id("course-code"), .name("code"), .required(true))),
                    .div(
                        .class("field"), .label(.for("course-title"), "Title"),
                        .input(.type(.text), .id("course-title"), .name("title"), .required(true))),
                    .div(
                        .class("field"), .label(.for("course-school"), "School"),
                        .select(
                            .id("course-school"), .attribute(named: "name", value: "school"),
                            .forEach(schools) { Components.option($0.id.rawValue, $0.name) })),
                    .button(.type(.submit), .class("button primary"), "Add the course"))))
    }
}

import MasteryCore
import Plot

/// A teacher's sections, each with its course, roster size and how far the class has come.
struct TeacherHomePage {
    struct Item {
        var section: Section
        var courseTitle: String
        var studentCount: Int
        var masteredShare: Double?
        /// Work handed in and waiting to be scored.
        var waiting: Int = 0
        /// Students with no new evidence or playlist activity for two weeks, and students ready for a checkpoint.
        var stuck: Int = 0
        var ready: Int = 0
        /// Learning plans of the section's students that wait for the teacher's sign-off as advisor.
        var plansToSign: [(student: Person, plan: LearningPlan)] = []
    }

    var teacher: Person
    var items: [Item]
    /// Sections whose term has ended: listed apart, still open, read-only.
    var past: [Item] = []

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "My sections", page,
            Layout.heading(
                "Good day, \(teacher.givenName)", eyebrow: "Teacher",
                lead: "Your sections and their mastery gradebooks."),
            .if(
                items.isEmpty,
                .p(.class("muted"), "You are not teaching any section yet."),
                else: .ul(
                    .class("card-grid"),
                    .forEach(items) { item in
                        .li(
                            .class("card section-card"),
                            .h2(
                                .a(
                                    .class("section-link"), .href("/sections/\(item.section.id.rawValue)"),
                                    .text(item.section.name))),
                            .p(.class("muted"), .text("\(item.courseTitle) · \(item.section.term)")),
                            .p(.text("\(item.studentCount) students")),
                            .unwrap(item.masteredShare) { share in
                                .p(.text("\(Int((share * 100).rounded()))% of assessed competencies mastered"))
                            },
                            .if(
                                item.waiting + item.stuck + item.ready + item.plansToSign.count > 0,
                                .ul(
                                    .class("needs-you-list"),
                                    .if(
                                        item.waiting > 0,
                                        .li(
                                            .a(
                                                .class("needs-you-link"),
                                                .href("/sections/\(item.section.id.rawValue)/queue"),
                                                .text(
                                                    "\(item.waiting) piece\(item.waiting == 1 ? "" : "s") of work to score"
                                                )))),
                                    .if(
                                        item.ready > 0,
                                        .li(
                                            .a(
                                                .href("/sections/\(item.section.id.rawValue)/pathway"),
                                                .text(
                                                    "\(item.ready) ready to take a checkpoint")))),
                                    .if(
                                        item.stuck > 0,
                                        .li(
                                            .a(
                                                .href("/sections/\(item.section.id.rawValue)/pathway"),
                                                .text(
                                                    "\(item.stuck) with nothing new for two weeks")))),
                                    .forEach(item.plansToSign) { entry in
                                        .li(
                                            .a(
                                                .href(
                                                    "/students/\(entry.student.id.rawValue)/plan#plan-\(entry.plan.id.rawValue)"
                                                ),
                                                .text(
                                                    "Sign off \(entry.student.givenName)’s plan “\(entry.plan.title)”"
                                                )))
                                    }))
                        )
                    })
            ),
            .if(
                !past.isEmpty,
                .section(
                    .id("past-sections"),
                    .h2("Past terms (archive, read-only)"),
                    .ul(
                        .class("plain-list"),
                        .forEach(past) { item in
                            .li(
                                .a(.href("/sections/\(item.section.id.rawValue)"), .text(item.section.name)),
                                .text(" · \(item.courseTitle) · \(item.section.term)"))
                        })))
        )
    }
}

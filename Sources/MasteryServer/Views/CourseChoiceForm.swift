import MasteryCore
import Plot

/// The form that chooses what a course assesses: its frameworks and, under each, the strands it keeps (none
/// ticked: the whole framework). Administrators use it on the Courses page, a course's teachers on their
/// section's settings where the school lets them.
struct CourseChoiceForm {
    var course: Course
    var frameworks: [Framework]
    /// Every framework's strands, in order.
    var strands: [Framework.ID: [Strand]]
    var action: String

    func render(csrf: String) -> Node<HTML.BodyContext> {
        let key = course.id.rawValue
        return .form(
            .method(.post), .action(action), .class("course-choice"), Layout.csrfField(csrf),
            .element(
                named: "fieldset",
                nodes: [
                    .element(named: "legend", nodes: [.text("What \(course.code) assesses")]),
                    .forEach(frameworks) { framework in
                        .div(
                            .class("check"),
                            .input(
                                .type(.checkbox), .id("f-\(key)-\(framework.id.rawValue)"), .name("framework"),
                                .value(framework.id.rawValue), .checked(course.frameworkIDs.contains(framework.id))),
                            .label(
                                .for("f-\(key)-\(framework.id.rawValue)"),
                                .text(" \(framework.code) — \(framework.title)")),
                            .if(
                                course.frameworkIDs.contains(framework.id) && (strands[framework.id] ?? []).count > 1,
                                .element(
                                    named: "fieldset",
                                    nodes: [
                                        .class("strand-choice"),
                                        .element(
                                            named: "legend",
                                            nodes: [.text("Only some strands of \(framework.code)? (none ticked: all)")]
                                        ),
                                        .forEach(strands[framework.id] ?? []) { strand in
                                            .div(
                                                .class("check"),
                                                .input(
                                                    .type(.checkbox), .id("s-\(key)-\(strand.id.rawValue)"),
                                                    .name("strand"), .value(strand.id.rawValue),
                                                    .checked(course.strandIDs.contains(strand.id))),
                                                .label(
                                                    .for("s-\(key)-\(strand.id.rawValue)"),
                                                    .text(
                                                        " \(strand.code.isEmpty ? "" : strand.code + " ")\(strand.title)"
                                                    )))
                                        },
                                    ])))
                    },
                ]),
            .button(.type(.submit), .class("button secondary"), "Save")
        )
    }
}

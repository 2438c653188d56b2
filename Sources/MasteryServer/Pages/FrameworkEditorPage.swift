import Foundation
import MasteryCore
import Plot

/// The frameworks of the school.
struct FrameworkListPage {
    var frameworks: [Framework]
    /// The user may start a framework from nothing.
    var canCreate = false
    var problem: String?

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Frameworks", page,
            Layout.heading("Frameworks", eyebrow: "Curriculum", lead: "Competencies, scales, prerequisites and tasks."),
            .ul(
                .class("plain-list"),
                .forEach(frameworks) { framework in
                    .li(
                        .a(
                            .href("/frameworks/\(framework.id.rawValue)"),
                            .text("\(framework.code) — \(framework.title)")))
                }),
            .if(
                canCreate,
                .section(
                    .class("card"), .id("new-framework"),
                    .h2("Start a framework"),
                    .p(
                        .class("muted"),
                        "For competencies no standards body publishes: start empty here, then add strands and competencies. (Published frameworks come in at Import.)"
                    ),
                    .unwrap(problem) { Components.notice($0, error: true) },
                    .form(
                        .method(.post), .action("/frameworks"), .id("new-framework-form"),
                        Layout.csrfField(page.csrfToken),
                        .div(
                            .class("field"), .label(.for("new-framework-code"), "Code (short, e.g. SCI-7)"),
                            .input(.type(.text), .id("new-framework-code"), .name("code"), .required(true))),
                        .div(
                            .class("field"), .label(.for("new-framework-title"), "Title"),
                            .input(.type(.text), .id("new-framework-title"), .name("title"), .required(true))),
                        .button(.type(.submit), .class("button primary"), "Create the framework"))))
        )
    }
}

/// One framework: its calculation policy and scale, strands and competencies (with "I can" statements per
/// level and prerequisites), and its tasks; forms for those who may change them.
struct FrameworkEditorPage {
    var framework: Framework
    var curriculum: Curriculum
    var prerequisites: [CompetencyPrerequisite]
    var tasks: [PerformanceTask]
    /// Whether the user may change the framework itself (calculation, scale, strands, competencies).
    var canEdit: Bool
    /// Whether the user may build and edit its tasks (teachers of any school using it).
    var canEditTasks: Bool
    /// Other schools whose courses use the framework, when they keep the user from changing it.
    var sharedWith: [Organization] = []
    var message: String?
    var problem: String?

    var scale: ProficiencyScale? { curriculum.scales[framework.scaleID] }

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "\(framework.code) — framework", page, wide: true,
            Layout.heading(
                framework.title, eyebrow: "Framework \(framework.code)",
                lead: "Calculation: \(framework.policy.summary)."),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text($0))
            },
            .unwrap(problem) {
                .div(.class("notice notice-error"), .attribute(named: "role", value: "alert"), .text($0))
            },
            .p(.a(.href("/frameworks"), "All frameworks")),
            .if(
                !canEdit && !sharedWith.isEmpty,
                .p(
                    .class("notice"),
                    .text(
                        "Courses at \(sharedWith.map(\.name).joined(separator: ", ")) use this framework too, so only "
                            + "an administrator for all of them can change its calculation, scale or competencies. "
                            + "You can still build tasks on it."))),
            .if(canEdit, settings(page)),
            .if(canEdit, scaleForm(page)),
            .forEach(curriculum.strands) { strand in strandSection(strand, page) },
            .if(canEdit, addForms(page)),
            taskList()
        )
    }

    func settings(_ page: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .h2("Framework and calculation"),
            .form(
                .method(.post), .action("/frameworks/\(framework.id.rawValue)"), .id("framework-form"),
                Layout.csrfField(page.csrfToken),
                Components.field("Code", id: "fw-code", name: "code", value: framework.code),
                Components.field("Title", id: "fw-title", name: "title", value: framework.title),
                .div(
                    .class("field"), .label(.for("fw-method"), "Calculation method"),
                    .select(
                        .id("fw-method"), .attribute(named: "name", value: "method"),
                        .forEach(CalculationMethod.Kind.allCases) { kind in
                            Components.option(
                                kind.rawValue, kind.rawValue, selected: framework.policy.method.kind == kind)
                        })),
                .div(
                    .class("field"),
                    .label(.for("fw-parameter"), "Parameter (decaying average %, n-times count, weight)"),
                    .input(
                        .type(.text), .id("fw-parameter"), .name("parameter"),
                        .value(framework.policy.method.parameter.map(String.init) ?? ""))),
                Components.field(
                    "Evidence needed before a level shows", id: "fw-minimum", name: "minimum", type: .number,
                    value: "\(framework.policy.minimumEvidence)"),
                .button(.type(.submit), .class("button primary"), "Save and recompute")
            )
        )
    }

    func scaleForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        .unwrap(scale) { scale in
            .section(
                .class("card"), .h2(.text("Scale: \(scale.name)")),
                .p(.class("muted"), "Every framework on this scale changes with it."),
                .form(
                    .method(.post), .action("/frameworks/\(framework.id.rawValue)/scale"), .id("scale-form"),
                    Layout.csrfField(page.csrfToken),
                    .forEach(scale.levels) { level in levelFields(level) },
                    .fieldset(
                        .element(named: "legend", text: "Add a level (optional)"),
                        .div(
                            .class("filter-form"),
                            .div(
                                .class("field"), .label(.for("new-value"), "Points"),
                                .input(
                                    .type(.text), .id("new-value"), .name("new-value"),
                                    .attribute(named: "inputmode", value: "decimal"))),
                            Components.field("Label", id: "new-label"),
                            Components.field("Colour", id: "new-colour", type: .color, value: "#dbe4ee"))),
                    Components.field(
                        "Mastered from", id: "threshold", value: DisplayRounding.text(scale.masteryThreshold)),
                    .button(.type(.submit), .class("button secondary"), "Save the scale")
                ))
        }
    }

    /// One level's label and colour, and a box to remove it; its value names the fields.
    func levelFields(_ level: ProficiencyLevel) -> Node<HTML.FormContext> {
        let field = "level-\(DisplayRounding.short(level.value))"
        return .fieldset(
            .element(named: "legend", text: "Level \(DisplayRounding.short(level.value)) — \(level.label)"),
            .div(
                .class("filter-form"),
                Components.field("Label", id: "\(field)-label", value: level.label),
                Components.field(
                    "Colour", id: "\(field)-colour", type: .color,
                    value: ProficiencyLevel.normalizedColour(level.colour) ?? "#dbe4ee"),
                .label(
                    .class("choice"), .input(.type(.checkbox), .name("\(field)-remove"), .value("1")),
                    .text(" Remove level \(DisplayRounding.short(level.value))"))))
    }

    func strandSection(_ strand: Strand, _ page: PageContext) -> Node<HTML.BodyContext> {
        let members = curriculum.competencies.filter { $0.strandID == strand.id }
        return .section(
            .class("card"), .h2(.text("\(strand.code) \(strand.title)")),
            .ul(
                .class("plain-list"),
                .forEach(members) { competency in
                    .li(
                        .id("competency-\(competency.id.rawValue)"),
                        .strong(.text(competency.code)), .text(" — \(competency.title) "),
                        .span(.class("tag"), .text(competency.kind.displayName)),
                        .unwrap(needs(competency).nilIfEmpty) { .p(.class("small muted"), .text("Needs: \($0)")) },
                        .if(canEdit, editor(competency, page))
                    )
                })
        )
    }

    func needs(_ competency: Competency) -> String {
        prerequisites.filter { $0.competency == competency.id }.compactMap {
            curriculum.competency($0.prerequisite)?.code
        }
        .joined(separator: ", ")
    }

    func editor(_ competency: Competency, _ page: PageContext) -> Node<HTML.BodyContext> {
        let id = competency.id.rawValue
        let current = Set(prerequisites.filter { $0.competency == competency.id }.map(\.prerequisite))
        return .element(
            named: "details",
            nodes: [
                .element(named: "summary", text: "Edit \(competency.code)"),
                competencyForm(
                    competency, action: "/frameworks/\(framework.id.rawValue)/competencies/\(id)", prefix: id, page),
                .form(
                    .method(.post), .action("/frameworks/\(framework.id.rawValue)/competencies/\(id)/prerequisites"),
                    .class("prerequisite-form"),
                    Layout.csrfField(page.csrfToken),
                    .fieldset(
                        .element(named: "legend", text: "Prerequisites of \(competency.code)"),
                        .div(
                            .class("choice-row"),
                            .forEach(curriculum.competencies.filter { $0.id != competency.id }) { other in
                                .label(
                                    .class("choice"),
                                    .input(
                                        .type(.checkbox), .name("prerequisite"), .value(other.id.rawValue),
                                        .checked(current.contains(other.id))),
                                    .text(" \(other.code)"))
                            })),
                    .button(
                        .type(.submit), .class("button small"), .text("Save the prerequisites of \(competency.code)"))
                ),
            ])
    }

    func competencyForm(
        _ competency: Competency?, action: String, prefix: String, _ page: PageContext
    ) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(action), .class("competency-form"),
            Layout.csrfField(page.csrfToken),
            .div(
                .class("field"), .label(.for("\(prefix)-strand"), "Strand"),
                .select(
                    .id("\(prefix)-strand"), .attribute(named: "name", value: "strand"),
                    .forEach(curriculum.strands) {
                        Components.option($0.id.rawValue, $0.title, selected: competency?.strandID == $0.id)
                    })),
            Components.field("Code", id: "\(prefix)-code", name: "code", value: competency?.code ?? ""),
            Components.field("“I can” statement", id: "\(prefix)-title", name: "title", value: competency?.title ?? ""),
            .div(
                .class("field"), .label(.for("\(prefix)-kind"), "Kind"),
                .select(
                    .id("\(prefix)-kind"), .attribute(named: "name", value: "kind"),
                    .forEach(CompetencyKind.allCases) {
                        Components.option($0.rawValue, $0.displayName, selected: competency?.kind == $0)
                    })),
            .forEach(scale?.levels ?? []) { level in
                .div(
                    .class("field"),
                    .label(
                        .for("\(prefix)-indicator-\(DisplayRounding.text(level.value))"),
                        .text("At \(DisplayRounding.text(level.value)) \(level.label): I can …")),
                    .input(
                        .type(.text), .id("\(prefix)-indicator-\(DisplayRounding.text(level.value))"),
                        .name("indicator-\(DisplayRounding.text(level.value))"),
                        .value(competency.flatMap { curriculum.indicator(for: $0.id, level: level.value) } ?? "")))
            },
            .button(
                .type(.submit), .class("button small primary"), .text(competency == nil ? "Add the competency" : "Save")
            )
        )
    }

    func addForms(_ page: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .section(
                .class("card"), .id("add-competency"), .h2("Add a competency"),
                .if(
                    curriculum.strands.isEmpty, .p(.class("muted"), "Add a strand first."),
                    else: competencyForm(
                        nil, action: "/frameworks/\(framework.id.rawValue)/competencies", prefix: "new", page))),
            .section(
                .class("card"), .id("add-strand"), .h2("Add a strand"),
                .form(
                    .method(.post), .action("/frameworks/\(framework.id.rawValue)/strands"), .class("inline-form"),
                    Layout.csrfField(page.csrfToken),
                    .label(.for("strand-code"), "Code"), .input(.type(.text), .id("strand-code"), .name("code")),
                    .label(.for("strand-title"), "Title"), .input(.type(.text), .id("strand-title"), .name("title")),
                    .button(.type(.submit), .class("button secondary"), "Add the strand")))
        )
    }

    func taskList() -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("tasks"), .h2("Tasks and rubrics"),
            .ul(
                .class("plain-list"),
                .forEach(tasks) { task in
                    .li(
                        .if(
                            canEditTasks,
                            .a(
                                .href("/frameworks/\(framework.id.rawValue)/tasks/\(task.id.rawValue)"),
                                .text(task.title)),
                            else: .text(task.title)),
                        .text(" — \(task.criteria.count) criteria"))
                }),
            .if(
                canEditTasks,
                .p(.a(.class("button secondary"), .href("/frameworks/\(framework.id.rawValue)/tasks/new"), "New task")))
        )
    }
}

/// A task and its rubric: criteria aligned to competencies, one descriptor per level.
struct TaskBuilderPage {
    static let rows = 6
    var framework: Framework
    var curriculum: Curriculum
    var task: PerformanceTask?
    var problem: String?

    func render(_ page: PageContext) -> HTML {
        let levels = curriculum.scales[framework.scaleID]?.levels ?? []
        let criteria = task?.criteria.sorted { $0.position < $1.position } ?? []
        return Layout.page(
            task.map { "Task: \($0.title)" } ?? "New task", page, wide: true,
            Layout.heading(
                task?.title ?? "New task", eyebrow: "\(framework.code) tasks",
                lead:
                    "Criteria aligned to competencies, with a descriptor for each level; every section of the framework's courses can use it."
            ),
            .unwrap(problem) {
                .div(.class("notice notice-error"), .attribute(named: "role", value: "alert"), .text($0))
            },
            .p(.a(.href("/frameworks/\(framework.id.rawValue)#tasks"), "Back to the framework")),
            .form(
                .method(.post), .action("/frameworks/\(framework.id.rawValue)/tasks"), .id("task-form"),
                Layout.csrfField(page.csrfToken),
                .unwrap(task) { .input(.type(.hidden), .name("task"), .value($0.id.rawValue)) },
                Components.field("Title", id: "task-title", name: "title", value: task?.title ?? ""),
                .div(
                    .class("field"), .label(.for("task-details"), "What students do"),
                    .textarea(
                        .id("task-details"), .name("details"), .attribute(named: "rows", value: "3"),
                        .text(task?.details ?? ""))),
                .forEach(0..<Self.rows) { row in
                    let criterion = row < criteria.count ? criteria[row] : nil
                    return .fieldset(
                        .class("criterion"),
                        .element(
                            named: "legend",
                            text: "Criterion \(row + 1)\(criterion == nil ? " (leave empty if not needed)" : "")"),
                        .unwrap(criterion) { .input(.type(.hidden), .name("id-\(row)"), .value($0.id.rawValue)) },
                        .div(
                            .class("field"), .label(.for("criterion-\(row)"), "Title"),
                            .input(
                                .type(.text), .id("criterion-\(row)"), .name("criterion-\(row)"),
                                .value(criterion?.title ?? ""))),
                        .div(
                            .class("field"), .label(.for("competency-\(row)"), "Competency"),
                            .select(
                                .id("competency-\(row)"), .attribute(named: "name", value: "competency-\(row)"),
                                .forEach(curriculum.leafCompetencies) { competency in
                                    .element(
                                        named: "option",
                                        nodes: [
                                            .attribute(named: "value", value: competency.id.rawValue),
                                            .if(
                                                criterion?.competencyID == competency.id,
                                                .attribute(named: "selected", value: "selected")),
                                            .text("\(competency.code) — \(competency.title)"),
                                        ])
                                })),
                        .forEach(levels) { level in
                            let key = DisplayRounding.text(level.value)
                            return .div(
                                .class("field"),
                                .label(.for("descriptor-\(row)-\(key)"), .text("\(key) \(level.label)")),
                                .input(
                                    .type(.text), .id("descriptor-\(row)-\(key)"), .name("descriptor-\(row)-\(key)"),
                                    .value(criterion?.descriptors.first { $0.levelValue == level.value }?.text ?? "")))
                        }
                    )
                },
                .button(.type(.submit), .class("button primary"), "Save the task")
            )
        )
    }
}

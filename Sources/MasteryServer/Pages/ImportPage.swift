import MasteryCore
import MasteryInterop
import MasteryStore
import Plot

/// Importing rosters and frameworks: choose a file, see what it would change and every problem (nothing is
/// written yet), then confirm. Also the framework exports.
struct ImportPage {
    enum Stage {
        case choose
        case preview(kind: ImportKind, fileName: String, outcome: ImportOutcome, token: String?)
        case done(kind: ImportKind, fileName: String, outcome: ImportOutcome)
    }

    var frameworks: [Framework]
    var stage: Stage
    var notice: String? = nil

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            "Import and export", page, wide: true,
            Layout.heading(
                "Import and export", eyebrow: "Administrator",
                lead:
                    "Rosters from your student information system (OneRoster) and competency frameworks (CASE, Moodle). "
                    + "A file is checked first: nothing is written until you confirm."),
            .unwrap(notice) { Components.notice($0, error: true) },
            result(page),
            uploadForm(page),
            exports()
        )
    }

    func result(_ page: PageContext) -> Node<HTML.BodyContext> {
        switch stage {
        case .choose:
            return .empty
        case .preview(let kind, let fileName, let outcome, let token):
            return .section(
                .class("card"), .id("preview"),
                .attribute(named: "aria-labelledby", value: "preview-title"),
                .h2(
                    .id("preview-title"),
                    .text(outcome.succeeded ? "Ready to import \(fileName)" : "\(fileName) cannot be imported")),
                .p(.text(kind.label)),
                .if(
                    outcome.succeeded,
                    .group(
                        .unwrap(outcome.headline) { .p(.text($0)) },
                        summaryTable(outcome.summary, caption: "What the import will change"),
                        problemList(outcome.problems, title: "Warnings (the import proceeds)"),
                        .unwrap(token) { token in
                            .form(
                                .method(.post), .action("/admin/import/confirm"), .id("confirm-form"),
                                Layout.csrfField(page.csrfToken),
                                .input(.type(.hidden), .name("token"), .value(token)),
                                .button(.type(.submit), .class("button primary"), "Import now")
                            )
                        }
                    ),
                    else: .group(
                        Components.notice(
                            "\(outcome.errors.count) error(s): nothing was written. Fix them and check the file again.",
                            error: true),
                        problemList(outcome.problems, title: "Problems")
                    )
                )
            )
        case .done(let kind, let fileName, let outcome):
            return .section(
                .class("card"), .id("result"),
                .attribute(named: "aria-labelledby", value: "result-title"),
                .h2(
                    .id("result-title"),
                    .text(outcome.succeeded ? "Imported \(fileName)" : "\(fileName) was not imported")),
                .p(.text(kind.label)),
                .unwrap(outcome.headline) { .p(.text($0)) },
                summaryTable(outcome.summary, caption: "What changed"),
                problemList(outcome.problems, title: outcome.succeeded ? "Warnings" : "Problems"),
                .p(.a(.href("/admin/audit"), "See it in the audit log"))
            )
        }
    }

    func summaryTable(_ summary: ImportSummary?, caption: String) -> Node<HTML.BodyContext> {
        .unwrap(summary) { summary in
            .div(
                Components.scrollRegion(caption),
                .table(
                    .class("summary-table"),
                    .caption(.text(caption)),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), "Records"),
                            .th(.attribute(named: "scope", value: "col"), "New"),
                            .th(.attribute(named: "scope", value: "col"), "Updated"),
                            .th(.attribute(named: "scope", value: "col"), "Removed"),
                            .th(.attribute(named: "scope", value: "col"), "Unchanged")
                        )),
                    .tbody(
                        .forEach(summary.lines) { line in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(line.kind)),
                                .td(.text("\(line.created)")), .td(.text("\(line.updated)")),
                                .td(.text("\(line.removed)" + (line.kept > 0 ? " (\(line.kept) kept: in use)" : ""))),
                                .td(
                                    .text(
                                        "\(line.unchanged)"
                                            + (line.stale > 0
                                                ? " (and \(line.stale) older than Masterly's: left as they are)" : "")
                                    ))
                            )
                        })
                ),
                .if(
                    !summary.notes.isEmpty,
                    .div(
                        .class("problems"),
                        .h3(.text("Older than what Masterly has, left as they are (\(summary.notes.count))")),
                        .ul(.forEach(summary.notes.prefix(500)) { .li(.class("problem warning"), .text($0)) })))
            )
        }
    }

    func problemList(_ problems: [ImportProblem], title: String) -> Node<HTML.BodyContext> {
        .if(
            !problems.isEmpty,
            .div(
                .class("problems"),
                .h3(.text("\(title) (\(problems.count))")),
                // A scroll box the keyboard can reach (WCAG 2.1.1), around the list so it stays a list.
                .div(
                    .class("problem-scroll"), .attribute(named: "tabindex", value: "0"),
                    .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: title),
                    .ol(
                        .forEach(problems.prefix(500)) { problem in
                            .li(
                                .class(problem.severity == .error ? "problem error" : "problem warning"),
                                .strong(.text(problem.severity == .error ? "Error" : "Warning")),
                                .text(" "),
                                .code(.text(Self.place(problem))),
                                .text(" \(problem.message)")
                            )
                        })),
                .if(problems.count > 500, .p(.class("muted"), .text("… and \(problems.count - 500) more.")))
            )
        )
    }

    static func place(_ problem: ImportProblem) -> String {
        var text = problem.file
        if let line = problem.line { text += ":\(line)" }
        if let field = problem.field { text += " \(field)" }
        return text
    }

    func uploadForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("upload"),
            .h2("Check a file"),
            .form(
                .method(.post), .action("/admin/import"), .enctype(.multipartData), .id("import-form"),
                Layout.csrfField(page.csrfToken),
                .fieldset(
                    .element(named: "legend", text: "The file holds"),
                    .div(
                        .class("choice-column"),
                        .forEach(ImportKind.allCases) { kind in
                            .label(
                                .class("choice"),
                                .input(
                                    .type(.radio), .name("kind"), .value(kind.rawValue), .required(true),
                                    .checked(kind == .oneRoster)),
                                .text(" \(kind.label)")
                            )
                        })
                ),
                .div(
                    .class("field"),
                    .label(.for("file"), "File"),
                    .input(
                        .type(.file), .id("file"), .name("file"), .required(true),
                        .attribute(named: "accept", value: ImportKind.allCases.map(\.accept).joined(separator: ",")))
                ),
                .button(.type(.submit), .class("button primary"), "Check the file")
            )
        )
    }

    func exports() -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("exports"),
            .h2("Export a framework"),
            .if(
                frameworks.isEmpty, .p(.class("muted"), "No frameworks yet."),
                else: .ul(
                    .class("plain-list"),
                    .forEach(frameworks) { framework in
                        .li(
                            .strong(.text("\(framework.code) — \(framework.title)")),
                            .text(" "),
                            .a(
                                .href("/frameworks/\(framework.id.rawValue)/export/case.json"),
                                .text("CASE JSON"),
                                .attribute(named: "aria-label", value: "\(framework.title) as CASE JSON")),
                            .text(" · "),
                            .a(
                                .href("/frameworks/\(framework.id.rawValue)/export/moodle.csv"),
                                .text("Moodle CSV"),
                                .attribute(named: "aria-label", value: "\(framework.title) as Moodle CSV"))
                        )
                    })
            )
        )
    }
}

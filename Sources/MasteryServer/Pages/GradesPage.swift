import Foundation
import MasteryCore
import Plot

/// A section's final grades for the teacher: the course's rule (chosen, previewed, saved), each student's grade
/// with how it was reached, overrides with their reasons, and closing a grading period.
struct GradesPage {
    enum Notice: String {
        case rule, override, closed, comment
    }

    var grades: SectionGrades
    var periods: [GradingPeriod]
    var asOfText: String?
    var mayGrade: Bool
    var notice: Notice?
    /// The same section under a rule being previewed.
    var preview: SectionGrades?

    var sectionPath: String { "/sections/\(grades.frame.section.id.rawValue)" }
    var open: Bool { grades.closure == nil }

    func render(_ page: PageContext) -> HTML {
        let section = grades.frame.section
        let rule = grades.sheet.rule
        return Layout.page(
            "Grades — \(section.name)", page, wide: true,
            Layout.heading(
                "Final grades", eyebrow: section.name,
                lead: grades.ruleIsSaved
                    ? "Rule: \(rule.name)." : "Rule: \(rule.name) — the standard one, until you choose the course's."),
            .unwrap(notice) { Components.notice(noticeText($0), error: false) },
            .p(
                .a(.href(sectionPath), "Back to the gradebook"), " · ",
                .a(.href(reportCardsPath), "Report cards to print"), " · ",
                .a(.href(csvPath), "Download as CSV")),
            chooser,
            .unwrap(grades.closure) { closure in
                let changed = grades.sheet.rows.filter(\.changedSinceClosing).count
                return .div(
                    .class("notice notice-ok"), .attribute(named: "role", value: "status"),
                    .text(
                        "\(grades.period?.title ?? "This period") was closed on \(Components.date(closure.closedAt)): these grades are on record."
                    ),
                    .if(
                        changed > 0,
                        .text(
                            " \(changed) would now be different after later corrections — marked below for your review."
                        )))
            },
            .unwrap(preview) { previewCard($0, page) },
            table(page),
            .if(mayGrade && open && preview == nil, ruleForm(page)),
            .if(mayGrade && open && grades.period != nil, closeForm(page))
        )
    }

    func noticeText(_ notice: Notice) -> String {
        switch notice {
        case .rule: "Saved: every section of \(grades.frame.course.code) now follows this rule."
        case .override: "Saved: the override is on record, with its reason."
        case .closed: "Closed: these grades are now on record and will not change by themselves."
        case .comment: "Saved: the comment will be on the report card."
        }
    }

    var reportCardsPath: String {
        sectionPath + "/report-cards" + (grades.period.map { "?period=\(Self.escape($0.id.rawValue))" } ?? "")
    }

    var csvPath: String {
        sectionPath + "/grades.csv" + (grades.period.map { "?period=\(Self.escape($0.id.rawValue))" } ?? "")
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    var chooser: Node<HTML.BodyContext> {
        .form(
            .method(.get), .action(sectionPath + "/grades"), .class("filter-form"),
            .div(
                .class("field"), .label(.for("grades-period"), "Grading period"),
                .select(
                    .id("grades-period"), .attribute(named: "name", value: "period"),
                    Components.option("", "All evidence so far", selected: grades.period == nil),
                    .forEach(periods) { period in
                        Components.option(
                            period.id.rawValue,
                            "\(period.title) (\(Components.day(period.startsOn)) – \(Components.day(period.endsOn)))",
                            selected: period.id == grades.period?.id)
                    })),
            .div(
                .class("field"), .label(.for("grades-as-of"), "As it stood on (optional)"),
                .input(.type(.date), .id("grades-as-of"), .name("asOf"), .value(asOfText ?? ""))),
            .button(.type(.submit), .class("button"), "Show"))
    }

    func table(_ page: PageContext) -> Node<HTML.BodyContext> {
        .div(
            Components.scrollRegion("Final grades"),
            .table(
                .class("grades-table"),
                .caption(.text("Final grades\(grades.period.map { " — \($0.title)" } ?? "")")),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), "Student"),
                        .th(.attribute(named: "scope", value: "col"), "Grade"),
                        .th(.attribute(named: "scope", value: "col"), "How it was reached"),
                        .th(.attribute(named: "scope", value: "col"), "Habits of work"),
                        .if(mayGrade && open, .th(.attribute(named: "scope", value: "col"), "Your judgement")),
                        .th(.attribute(named: "scope", value: "col"), "Report card comment"))),
                .tbody(.forEach(grades.sheet.rows) { row($0, page) })))
    }

    func row(_ row: GradeSheet.Row, _ page: PageContext) -> Node<HTML.TableContext> {
        let name = grades.student(row.studentID)?.displayName ?? row.studentID.rawValue
        let override = row.frozen.map { $0.override } ?? row.override
        return .tr(
            .th(.attribute(named: "scope", value: "row"), .text(name)),
            .td(
                .class("grade-cell"), .strong(.text(row.grade ?? "—")),
                .unwrap(override) { o in
                    .p(
                        .class("small"),
                        .text(
                            "Teacher's judgement (the rule gives \(row.computed.grade ?? "—")): \(o.reason)"))
                },
                .if(
                    row.changedSinceClosing,
                    .p(.class("small warning"), .text("Review: the rule would now give \(row.computed.grade ?? "—")."))
                )),
            .td(.details(.summary(.text(Self.short(row.computed))), .p(.text(row.computed.explanation)))),
            .td(.text(row.computed.habitsMean.map { "Mean level \(DisplayRounding.text($0))" } ?? "—")),
            .if(mayGrade && open, .td(overrideForm(row, name: name, page))),
            .td(commentCell(row, name: name, page))
        )
    }

    static func short(_ grade: FinalGrade) -> String {
        guard let mean = grade.mean, let share = grade.masteredShare else { return "Nothing assessed yet" }
        return
            "Mean \(DisplayRounding.text(mean)) · \(GradeCalculator.percent(share)) mastered · \(grade.counted) counted"
    }

    func overrideForm(_ row: GradeSheet.Row, name: String, _ page: PageContext) -> Node<HTML.BodyContext> {
        let id = row.studentID.rawValue
        return .form(
            .method(.post), .action(sectionPath + "/grades/override"), .class("override-form"),
            Layout.csrfField(page.csrfToken),
            .input(.type(.hidden), .name("student"), .value(id)),
            .input(.type(.hidden), .name("period"), .value(grades.period?.id.rawValue ?? "")),
            .label(.for("grade-\(id)"), .class("sr-only"), .text("Grade for \(name)")),
            .input(
                .type(.text), .id("grade-\(id)"), .name("grade"), .attribute(named: "size", value: "3"),
                .attribute(named: "maxlength", value: "12"), .value(row.override?.grade ?? "")),
            .label(.for("reason-\(id)"), .class("sr-only"), .text("Reason for \(name)")),
            .input(
                .type(.text), .id("reason-\(id)"), .name("reason"), .attribute(named: "placeholder", value: "Reason"),
                .required(true)),
            .button(.type(.submit), .class("button"), "Override"),
            .if(
                row.override != nil,
                .button(.type(.submit), .name("withdraw"), .value("1"), .class("button"), "Withdraw")))
    }

    /// The comment that goes on the report card: a form while the period is open, the text once it is closed.
    func commentCell(_ row: GradeSheet.Row, name: String, _ page: PageContext) -> Node<HTML.BodyContext> {
        let text = grades.comments[row.studentID]
        guard mayGrade && open else { return .text(text ?? "—") }
        let id = row.studentID.rawValue
        return .form(
            .method(.post), .action(sectionPath + "/grades/comment"), .class("comment-form"),
            Layout.csrfField(page.csrfToken),
            .input(.type(.hidden), .name("student"), .value(id)),
            .input(.type(.hidden), .name("period"), .value(grades.period?.id.rawValue ?? "")),
            .label(.for("comment-\(id)"), .class("sr-only"), .text("Report card comment for \(name)")),
            .textarea(
                .id("comment-\(id)"), .name("comment"), .attribute(named: "rows", value: "2"),
                .attribute(named: "maxlength", value: "2000"), .text(text ?? "")),
            .button(.type(.submit), .class("button"), "Save comment"))
    }

    func ruleForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        let scale = GradeSheet.scale(of: grades.frame.curriculum)
        return .section(
            .class("card"), .id("grade-rule"),
            .h2("The course's rule"),
            .p(
                .class("muted"),
                .text(
                    "One rule for every section of \(grades.frame.course.code). Only academic competencies count; habits of work are reported on their own line. Preview first: nothing changes until you save."
                )),
            .form(
                .method(.post), .action(sectionPath + "/grades/rule"),
                Layout.csrfField(page.csrfToken),
                .fieldset(
                    .element(named: "legend", text: "Rule"),
                    .forEach(GradeRule.Preset.allCases) { preset in
                        let rule = scale.map(preset.rule(on:)) ?? GradeRule.standard(on: nil)
                        return .div(
                            .class("choice"),
                            .input(
                                .type(.radio), .id("preset-\(preset.rawValue)"), .name("preset"),
                                .value(preset.rawValue), .checked(rule.tiers == grades.sheet.rule.tiers)),
                            .label(
                                .for("preset-\(preset.rawValue)"), .strong(.text(preset.title)),
                                .span(.class("small muted"), .text(" — " + Self.describe(rule)))))
                    }),
                .div(
                    .class("field"), .label(.for("grades-unassessed"), "Competencies not assessed yet"),
                    .select(
                        .id("grades-unassessed"), .attribute(named: "name", value: "unassessed"),
                        .forEach(GradeRule.Unassessed.allCases) { choice in
                            Components.option(
                                choice.rawValue, Self.describe(choice), selected: grades.sheet.rule.unassessed == choice
                            )
                        })),
                weightFields,
                .button(.type(.submit), .class("button primary"), "Preview the grades")))
    }

    /// A weight per strand in the mean level (only when the course's grade counts more than one strand).
    var weightFields: Node<HTML.FormContext> {
        let strands = GradingService.weightedStrands(grades.frame.curriculum)
        guard strands.count > 1 else { return .empty }
        let weights = grades.sheet.rule.strandWeights
        return .fieldset(
            .element(named: "legend", text: "Weight of each strand in the mean level"),
            .p(.class("small muted"), "1 counts as much as the others; 2 counts twice; 0 leaves the strand out."),
            .div(
                .class("choice-row"),
                .forEach(strands) { strand in
                    .div(
                        .class("field"), .label(.for("weight-\(strand.id.rawValue)"), .text(strand.title)),
                        .input(
                            .type(.number), .id("weight-\(strand.id.rawValue)"), .name("weight-\(strand.id.rawValue)"),
                            .attribute(named: "min", value: "0"), .attribute(named: "max", value: "100"),
                            .attribute(named: "step", value: "any"),
                            .value(DisplayNumber.text(weights[strand.id.rawValue] ?? 1))))
                }))
    }

    static func describe(_ rule: GradeRule) -> String {
        rule.tiers.map { "\($0.grade): \(GradeCalculator.conditions(of: $0))" }.joined(separator: "; ")
            + "; otherwise \(rule.fallback)." + (rule.strandWeights.isEmpty ? "" : " Strands weighted.")
    }

    static func describe(_ choice: GradeRule.Unassessed) -> String {
        switch choice {
        case .skip: "Left out (the grade is over what was assessed)"
        case .lowest: "Counted at the lowest level"
        case .incomplete: "Make the grade I (incomplete)"
        }
    }

    func previewCard(_ preview: SectionGrades, _ page: PageContext) -> Node<HTML.BodyContext> {
        let now = Dictionary(
            grades.sheet.rows.map { ($0.studentID, $0.computed.grade) }, uniquingKeysWith: { a, _ in a })
        let changes = preview.sheet.rows.filter { now[$0.studentID] != $0.computed.grade }
        let rule = preview.sheet.rule
        let preset = GradeRule.Preset.allCases.first { p in
            GradeSheet.scale(of: grades.frame.curriculum).map { p.rule(on: $0).tiers == rule.tiers } ?? false
        }
        return .section(
            .class("card"), .id("rule-preview"),
            .h2(.text("Preview: \(rule.name)")),
            .p(.text(Self.describe(rule) + " Not assessed: " + Self.describe(rule.unassessed).lowercased() + ".")),
            .p(
                .strong(
                    .text(
                        changes.isEmpty
                            ? "No grade would change."
                            : "\(changes.count) of \(preview.sheet.rows.count) grades would change:"
                    ))),
            .if(
                !changes.isEmpty,
                .ul(
                    .forEach(changes) { row in
                        .li(
                            .text(
                                "\(preview.student(row.studentID)?.displayName ?? row.studentID.rawValue): \(now[row.studentID].flatMap { $0 } ?? "—") → \(row.computed.grade ?? "—")"
                            ))
                    })),
            .form(
                .method(.post), .action(sectionPath + "/grades/rule"),
                Layout.csrfField(page.csrfToken),
                .input(.type(.hidden), .name("preset"), .value(preset?.rawValue ?? "")),
                .input(.type(.hidden), .name("unassessed"), .value(rule.unassessed.rawValue)),
                .forEach(rule.strandWeights.sorted { $0.key < $1.key }) { strand, weight in
                    .input(.type(.hidden), .name("weight-\(strand)"), .value(DisplayNumber.text(weight)))
                },
                .button(.type(.submit), .name("save"), .value("1"), .class("button primary"), "Save this rule"),
                " ", .a(.href(sectionPath + "/grades"), "Keep the current rule")))
    }

    func closeForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("close-period"),
            .h2(.text("Close \(grades.period?.title ?? "the period")")),
            .p(
                .text(
                    "Closing keeps these grades on record for report cards and the student information system. Later corrections to this period's evidence will not change them; they will be marked for your review."
                )),
            .form(
                .method(.post), .action(sectionPath + "/grades/close"),
                Layout.csrfField(page.csrfToken),
                .input(.type(.hidden), .name("period"), .value(grades.period?.id.rawValue ?? "")),
                .div(
                    .class("choice"),
                    .input(.type(.checkbox), .id("close-confirm"), .name("confirm"), .required(true)),
                    .label(.for("close-confirm"), "I have reviewed these grades")),
                .button(.type(.submit), .class("button primary"), "Close the period")))
    }
}

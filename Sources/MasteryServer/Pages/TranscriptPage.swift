import Foundation
import MasteryCore
import Plot

/// A student's competency transcript: each course with its final grade on record, the credit earned beyond
/// school, and every competency's level with the evidence behind it. Printable; in the reader's language.
struct TranscriptPage {
    struct Course {
        var title: String
        var section: String
        var term: String
        /// The grade on record for the last closed period, and that period's title.
        var grade: String?
        var period: String?
    }

    struct Line {
        var competency: Competency
        var level: String?
        var evidence: Int
        var lastObserved: Date?
    }

    var student: Person
    var school: String
    var courses: [Course]
    var learning: [ExtendedLearning]
    var lines: [Line]
    var today: Date

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        let credit = learning.compactMap(\.credit).reduce(0, +)
        return Layout.page(
            t("Transcript"), page,
            Layout.heading(t("Transcript"), eyebrow: student.displayName),
            StudentNavigation.links(student, current: "transcript", page),
            Components.printButton(t),
            .section(
                .class("card transcript"),
                .p(.class("report-school"), .text(school)),
                .h2(.text(student.displayName)),
                .p(.class("muted"), .text(t("As of {date}", ["date": t.date(today)]))),
                .h3(.text(t("Courses"))),
                .if(
                    courses.isEmpty, .p(.class("muted"), .text(t("No courses yet."))),
                    else: .table(
                        .class("report-table"),
                        .caption(.class("sr-only"), .text(t("Courses"))),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text(t("Course"))),
                                .th(.attribute(named: "scope", value: "col"), .text(t("Term"))),
                                .th(.attribute(named: "scope", value: "col"), .text(t("Grade"))))),
                        .tbody(
                            .forEach(courses) { course in
                                .tr(
                                    .th(
                                        .attribute(named: "scope", value: "row"),
                                        .text(
                                            course.section.hasPrefix(course.title)
                                                ? course.section : "\(course.title) · \(course.section)")),
                                    .td(.text(course.term)),
                                    .td(
                                        .text(
                                            course.grade.map { grade in
                                                course.period.map { "\(grade) (\(t.data($0)))" } ?? grade
                                            } ?? t("In progress"))))
                            }))),
                .h3(.text(t("Learning beyond school"))),
                .if(
                    learning.isEmpty, .p(.class("muted"), .text(t("None completed yet."))),
                    else: .group(
                        .ul(.forEach(learning) { ELOCard.summary($0, t, dated: true) }),
                        .p(.text(t("Credit earned beyond school: {credit}", ["credit": DisplayNumber.text(credit)]))))),
                .h3(.text(t("Competencies"))),
                .table(
                    .class("report-table"),
                    .caption(.class("sr-only"), .text(t("Competencies"))),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text(t("Competency"))),
                            .th(.attribute(named: "scope", value: "col"), .text(t("Level"))),
                            .th(.attribute(named: "scope", value: "col"), .text(t("Evidence"))))),
                    .tbody(
                        .forEach(lines) { line in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(t.data(line.competency.title))),
                                .td(.text(line.level.map(t.data) ?? t("Not assessed yet"))),
                                .td(
                                    .text(
                                        t.plural(line.evidence, "{count} piece", "{count} pieces")
                                            + (line.lastObserved.map { ", " + t.date($0) } ?? ""))))
                        })))
        )
    }
}

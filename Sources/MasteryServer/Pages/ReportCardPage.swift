import Foundation
import MasteryCore
import Plot

/// Standards-based report cards, one printed page per student: the grade on record, each competency with the
/// level reached and what that level looks like, habits of work apart. Each card is written in its family's
/// language.
struct ReportCardPage {
    var grades: SectionGrades
    var school: String
    var students: [Person]
    /// The language each student's card is written in (the page's own when missing).
    var translators: [Person.ID: Translator] = [:]
    /// Each student's completed learning beyond school.
    var learning: [Person.ID: [ExtendedLearning]] = [:]

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        let title = t("Report card") + (grades.period.map { " — \(t.data($0.title))" } ?? "")
        return Layout.page(
            title, page,
            .div(.class("no-print"), Layout.heading(title, eyebrow: grades.frame.section.name)),
            Components.printButton(t),
            .forEach(students) { student in
                Self.card(
                    student, grades: grades, school: school, learning: learning[student.id] ?? [],
                    t: translators[student.id] ?? t)
            }
        )
    }

    static func card(
        _ student: Person, grades: SectionGrades, school: String, learning: [ExtendedLearning], t: Translator
    ) -> Node<HTML.BodyContext> {
        let row = grades.sheet.rows.first { $0.studentID == student.id }
        let records = grades.records[student.id] ?? [:]
        let curriculum = grades.frame.curriculum
        let competencies = curriculum.leafCompetencies
        let override = row.flatMap { $0.frozen.map { $0.override } ?? $0.override }
        return .section(
            .class("card report-card"), .attribute(named: "lang", value: t.code),
            .attribute(named: "aria-label", value: t("Report card of {name}", ["name": student.displayName])),
            .p(.class("report-school"), .text(school)),
            .h2(.text(student.displayName)),
            .p(.text(classLine(grades))),
            .p(.class("muted"), .text(periodLine(grades, t))),
            .p(
                .class("report-grade"), .text(t("Grade") + ": "), .strong(.text(row?.grade ?? "—")),
                .unwrap(override) { o in
                    .span(.class("small"), .text(" — " + t("the teacher's judgement: {reason}", ["reason": o.reason])))
                }),
            levelTable(
                t("What {name} can do", ["name": student.givenName]), competencies.filter { $0.kind == .academic },
                records: records, curriculum: curriculum, t: t),
            levelTable(
                t("Habits of work"), competencies.filter { $0.kind == .habit }, records: records,
                curriculum: curriculum, t: t),
            beyondSchool(relevant(learning, to: grades), t),
            .unwrap(grades.comments[student.id]) { comment in
                .group(
                    .h3(.class("report-subhead"), .text(t("Teacher's comment"))),
                    .p(.class("report-comment"), .text(comment)))
            })
    }

    /// Completed learning beyond school that showed this course's competencies (by the end of the period).
    static func relevant(_ learning: [ExtendedLearning], to grades: SectionGrades) -> [ExtendedLearning] {
        let course = Set(grades.frame.curriculum.competencies.map(\.id))
        return learning.filter { elo in
            guard let done = elo.completion, elo.competencyIDs.contains(where: course.contains) else { return false }
            return grades.period.map { Section.isoDay(done.at) <= $0.endsOn } ?? true
        }
    }

    static func beyondSchool(_ learning: [ExtendedLearning], _ t: Translator) -> Node<HTML.BodyContext> {
        guard !learning.isEmpty else { return .empty }
        return .group(
            .h3(.class("report-subhead"), .text(t("Learning beyond school"))),
            .ul(.forEach(learning) { ELOCard.summary($0, t, dated: false) }))
    }

    /// The course, the section (its name alone when it already says the course) and its teachers.
    static func classLine(_ grades: SectionGrades) -> String {
        let course = grades.frame.course.title
        let section = grades.frame.section.name
        let name = section.hasPrefix(course) ? section : "\(course) · \(section)"
        return ([name] + grades.frame.teachers.map(\.displayName)).joined(separator: " · ")
    }

    static func periodLine(_ grades: SectionGrades, _ t: Translator) -> String {
        guard let period = grades.period else { return t("All evidence so far") }
        var line = "\(t.data(period.title)): \(t.day(period.startsOn)) – \(t.day(period.endsOn))"
        if let closure = grades.closure { line += " · " + t("final on {date}", ["date": t.date(closure.closedAt)]) }
        return line
    }

    static func levelTable(
        _ title: String, _ competencies: [Competency], records: [Competency.ID: MasteryRecord],
        curriculum: Curriculum, t: Translator
    ) -> Node<HTML.BodyContext> {
        guard !competencies.isEmpty else { return .empty }
        return .table(
            .class("report-table"),
            .caption(.text(title)),
            .thead(
                .tr(
                    .th(.attribute(named: "scope", value: "col"), .text(t("Competency"))),
                    .th(.attribute(named: "scope", value: "col"), .text(t("Level"))),
                    .th(.attribute(named: "scope", value: "col"), .text(t("What this looks like"))))),
            .tbody(
                .forEach(competencies) { competency in
                    let record = records[competency.id]
                    let scale = curriculum.scale(for: competency)
                    let level = record?.levelValue.flatMap { value in scale.map { $0.level(for: value) } }
                    return .tr(
                        .th(.attribute(named: "scope", value: "row"), .text(t.data(competency.title))),
                        .td(
                            .text(
                                level.map { t.data($0.label) }
                                    ?? (record?.status == .assessed ? "—" : t("Not assessed yet")))),
                        .td(
                            .text(
                                level.flatMap { curriculum.indicator(for: competency.id, level: $0.value) }.map(t.data)
                                    ?? "")))
                }))
    }
}

extension Translator {
    /// An ISO day ("2026-06-30") as the language writes dates.
    func day(_ iso: String) -> String { FormDates.parse(iso).map(date) ?? iso }
}

import Foundation
import MasteryCore
import Plot

/// A student's report cards, for the student and their family: one for each grading period a teacher has closed
/// (grades in progress stay with the teacher), newest first, in the reader's language.
struct StudentReportCardsPage {
    var student: Person
    var school: String
    var cards: [SectionGrades]
    var learning: [ExtendedLearning] = []

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        return Layout.page(
            t("Report cards"), page,
            Layout.heading(t("Report cards"), eyebrow: student.displayName),
            StudentNavigation.links(student, current: "report", page),
            .if(
                cards.isEmpty,
                .p(
                    .class("muted"),
                    .text(t("No report card yet: one appears here when a teacher finishes a grading period."))),
                else: .group(
                    Components.printButton(t),
                    .forEach(cards) {
                        ReportCardPage.card(student, grades: $0, school: school, learning: learning, t: t)
                    }))
        )
    }
}

import Foundation
import Testing

@testable import MasteryCore

@Suite("Needs you")
struct NeedsYouTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let student: Person.ID = "s1"
    let teacher: Person.ID = "t1"

    func day(_ days: Double) -> Date { now.addingTimeInterval(days * 86_400) }

    @Test("A plan in review waits for each signer who has not acknowledged it, and only for them")
    func planAcknowledgement() {
        let waiting = LearningPlan(
            id: "p1", studentID: student, title: "This year", status: .inReview,
            acknowledgements: [.init(signer: .student, personID: student, at: day(-1))], updatedAt: day(-2))
        let draft = LearningPlan(id: "p2", studentID: student, title: "Draft", updatedAt: day(-1))
        func items(_ signer: LearningPlan.Signer) -> [NeedsYou.Item] {
            NeedsYou.items(
                signer: signer, student: student, plans: [waiting, draft], goals: [], notes: [:], records: [:], now: now
            )
        }
        #expect(items(.guardian).map(\.kind) == [.acknowledgePlan] && items(.guardian).first?.subjectID == "p1")
        #expect(items(.advisor).count == 1)
        #expect(items(.student).isEmpty, "the student acknowledged it already")
    }

    @Test("A student hears of recent comments on active goals and of goals due within a week; nothing else")
    func goals() {
        let soon = Goal(
            id: "g1", studentID: student, title: "Ratios", competencyIDs: ["c1"], targetLevel: 3,
            targetDate: day(3), createdAt: day(-20), createdBy: student)
        let later = Goal(
            id: "g2", studentID: student, title: "Fractions", competencyIDs: ["c2"], targetLevel: 3,
            targetDate: day(30), createdAt: day(-20), createdBy: student)
        var gone = later
        gone.id = "g3"
        gone.withdrawn = true
        let notes: [Goal.ID: [GoalNote]] = [
            "g1": [GoalNote(goalID: "g1", kind: .checkIn, text: "mine", authorID: student, at: day(-1))],
            "g2": [
                GoalNote(goalID: "g2", kind: .comment, text: "Good start", authorID: teacher, at: day(-2)),
                GoalNote(goalID: "g2", kind: .comment, text: "old", authorID: teacher, at: day(-20)),
            ],
            "g3": [GoalNote(goalID: "g3", kind: .comment, text: "withdrawn", authorID: teacher, at: day(-1))],
        ]
        let items = NeedsYou.items(
            signer: .student, student: student, plans: [], goals: [soon, later, gone], notes: notes, records: [:],
            now: now)
        // Newest first: the comment two days ago, then the goal due in three days (due from four days ago).
        #expect(items.map(\.kind) == [.goalFeedback, .goalDue])
        #expect(items.first?.author == teacher && items.first?.subjectID == "g2" && items.last?.subjectID == "g1")
        // A guardian is not told of the student's goal feedback.
        #expect(
            NeedsYou.items(
                signer: .guardian, student: student, plans: [], goals: [soon, later], notes: notes, records: [:],
                now: now
            ).isEmpty)
    }
}

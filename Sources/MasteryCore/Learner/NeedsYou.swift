import Foundation

/// What needs a person's attention about one student, worked out from the student's plans and goals (nothing is
/// stored: an item leaves the list once what it asks is done). For the student: a plan awaiting their
/// acknowledgement, a teacher's comment on a goal in the last two weeks, a goal due within a week. For a
/// guardian: a plan awaiting the family's acknowledgement.
public enum NeedsYou {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case acknowledgePlan = "plan-acknowledgement"
        case goalFeedback = "goal-feedback"
        case goalDue = "goal-due"
        /// For a teacher: work handed in and waiting for their feedback in a section.
        case workWaiting = "work-waiting"
        /// For a teacher: a learning plan in review waiting for their sign-off as advisor.
        case signPlan = "plan-sign-off"
    }

    public struct Item: Hashable, Sendable {
        public var kind: Kind
        public var student: Person.ID
        /// The plan's or goal's title.
        public var subject: String
        /// The plan's or goal's id, for the link.
        public var subjectID: String
        /// When it began to need attention.
        public var at: Date
        /// Who wrote the comment, for feedback.
        public var author: Person.ID?
    }

    /// How long a teacher's comment stays on the student's list, and how soon before its date a goal is due.
    public static let feedbackDays: TimeInterval = 14
    public static let dueDays: TimeInterval = 7

    /// The items about `student` for someone signing as `signer` (the student, a guardian, an advisor),
    /// newest first.
    public static func items(
        signer: LearningPlan.Signer, student: Person.ID, plans: [LearningPlan], goals: [Goal],
        notes: [Goal.ID: [GoalNote]], records: [Competency.ID: MasteryRecord], now: Date
    ) -> [Item] {
        var items: [Item] = plans.filter { $0.status == .inReview && $0.acknowledged(by: signer) == nil }.map {
            Item(
                kind: .acknowledgePlan, student: student, subject: $0.title, subjectID: $0.id.rawValue, at: $0.updatedAt
            )
        }
        if signer == .student {
            for goal in goals where goal.state(records: records, at: now) == .active {
                for note in notes[goal.id] ?? []
                where note.kind == .comment && note.authorID != student
                    && note.at > now.addingTimeInterval(-feedbackDays * 86_400) && note.at <= now
                {
                    items.append(
                        Item(
                            kind: .goalFeedback, student: student, subject: goal.title, subjectID: goal.id.rawValue,
                            at: note.at, author: note.authorID))
                }
                if let due = goal.targetDate, due >= now, due <= now.addingTimeInterval(dueDays * 86_400) {
                    items.append(
                        Item(
                            kind: .goalDue, student: student, subject: goal.title, subjectID: goal.id.rawValue,
                            at: due.addingTimeInterval(-dueDays * 86_400)))
                }
            }
        }
        return items.sorted { $0.at != $1.at ? $0.at > $1.at : $0.subjectID < $1.subjectID }
    }
}

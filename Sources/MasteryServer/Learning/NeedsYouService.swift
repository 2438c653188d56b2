import Foundation
import MasteryCore
import MasteryStore

/// One entry of a person's "needs you" list, in their language.
struct NeedsYouEntry: Sendable, Hashable {
    var kind: NeedsYou.Kind
    var text: String
    var url: String
    var createdAt: Date
    var read: Bool
}

/// Builds the "needs you" list of a student (about themselves), a guardian (about each child they may see) or a
/// teacher (their sections' work and plans, `NeedsYouService+Teacher`), from `NeedsYou`'s rules; items from
/// before the person last marked the list read show as read.
struct NeedsYouService {
    let services: AppServices
    var store: Store { services.store }
    var now: Date { services.clock() }

    func entries(for user: Person, _ t: Translator) async throws -> [NeedsYouEntry] {
        let candidates: [(Person, LearningPlan.Signer)]
        switch user.role {
        case .student: candidates = [(user, .student)]
        case .guardian: candidates = try await store.children(ofGuardian: user.id).map { ($0, .guardian) }
        case .teacher: return try await teacherEntries(user, t)
        default: return []
        }
        // Each student's record is read only as the policy allows, the reader's own included.
        let authorizer = Authorizer(store: store)
        var students: [(Person, LearningPlan.Signer)] = []
        for (student, signer) in candidates
        where try await authorizer.allows(user, .viewStudentRecord, student: student.id) {
            students.append((student, signer))
        }
        let seen = try await store.notificationsSeen(by: user.id)
        var entries: [NeedsYouEntry] = []
        for (student, signer) in students {
            let goals = try await store.goals(student: student.id)
            let items = NeedsYou.items(
                signer: signer, student: student.id, plans: try await store.plans(student: student.id), goals: goals,
                notes: try await store.notes(goals: goals.map(\.id)),
                records: try await store.records(student: student.id), now: now)
            let authors = Dictionary(
                try await store.people(Array(Set(items.compactMap(\.author)))).map { ($0.id, $0.displayName) },
                uniquingKeysWith: { a, _ in a })
            let base = "/students/\(student.id.rawValue)"
            for item in items {
                let own = signer == .student
                let (text, url): (String, String)
                switch item.kind {
                case .acknowledgePlan:
                    (text, url) = (
                        own
                            ? t(
                                "Your learning plan “{title}” awaits your acknowledgement.", ["title": item.subject]
                            )
                            : t(
                                "{name}'s learning plan “{title}” awaits your acknowledgement.",
                                ["name": student.givenName, "title": item.subject]),
                        "\(base)/plan#plan-\(item.subjectID)"
                    )
                case .goalFeedback:
                    (text, url) = (
                        t(
                            "{name} commented on your goal “{title}”.",
                            ["name": item.author.flatMap { authors[$0] } ?? t("someone"), "title": item.subject]),
                        "\(base)/goals#goal-\(item.subjectID)"
                    )
                case .goalDue:
                    (text, url) = (
                        t(
                            "Your goal “{title}” is due on {date}: time for a check-in.",
                            [
                                "title": item.subject,
                                "date": t.date(item.at.addingTimeInterval(NeedsYou.dueDays * 86_400)),
                            ]),
                        "\(base)/goals#goal-\(item.subjectID)"
                    )
                // A teacher's kinds are never about a student's own list.
                case .workWaiting, .signPlan: continue
                }
                entries.append(
                    NeedsYouEntry(
                        kind: item.kind, text: text, url: url, createdAt: item.at,
                        read: seen.map { item.at <= $0 } ?? false))
            }
        }
        return entries.sorted { $0.createdAt > $1.createdAt }
    }
}

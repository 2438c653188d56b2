import Foundation
import MasteryCore
import MasteryStore

extension NeedsYouService {
    /// A teacher's list, from the same facts as their home page: in each current section where they score
    /// work, what is handed in and waits for their feedback (one entry per section, dated by the newest hand-in);
    /// each learning plan in review waiting for their sign-off as advisor (once, however many of their sections
    /// the student is in). Only what `Access.Policy` lets them act on.
    func teacherEntries(_ teacher: Person, _ t: Translator) async throws -> [NeedsYouEntry] {
        let seen = try await store.notificationsSeen(by: teacher.id)
        let today = Section.isoDay(now)
        let authorizer = Authorizer(store: store)
        var entries: [NeedsYouEntry] = []
        var plansListed: Set<LearningPlan.ID> = []
        func entry(_ kind: NeedsYou.Kind, _ text: String, _ url: String, _ at: Date) -> NeedsYouEntry {
            NeedsYouEntry(kind: kind, text: text, url: url, createdAt: at, read: seen.map { at <= $0 } ?? false)
        }
        for section in try await store.sections(of: teacher.id, as: .teacher) where !section.isArchived(today: today) {
            if try await authorizer.allows(teacher, .recordEvidence, section: section.id) {
                let waiting = try await WorkService(services: services, user: teacher).queue(section: section.id)
                if let newest = waiting.map(\.submission.submittedAt).max() {
                    let text =
                        waiting.count == 1
                        ? t("1 piece of work waits for your feedback in {section}.", ["section": section.name])
                        : t(
                            "{count} pieces of work wait for your feedback in {section}.",
                            ["count": t.number(waiting.count), "section": section.name])
                    entries.append(entry(.workWaiting, text, "/sections/\(section.id.rawValue)/queue", newest))
                }
            }
            let students = try await store.members(of: section.id, as: .student)
            for (student, plan) in try await PlansToSign.find(
                for: teacher, among: students, listed: &plansListed, store: store)
            {
                let text = t(
                    "{name}'s learning plan “{title}” awaits your sign-off.",
                    ["name": student.displayName, "title": plan.title])
                entries.append(
                    entry(
                        .signPlan, text, "/students/\(student.id.rawValue)/plan#plan-\(plan.id.rawValue)",
                        plan.updatedAt))
            }
        }
        return entries.sorted { $0.createdAt > $1.createdAt }
    }
}

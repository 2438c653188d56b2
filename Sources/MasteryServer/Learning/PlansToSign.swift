import MasteryCore
import MasteryStore

/// The learning plans in review that wait for a teacher's sign-off as advisor — for their home page and their
/// notifications alike.
enum PlansToSign {
    /// The plans of `students` in review, not yet acknowledged by an advisor, that `Access.Policy` lets `teacher`
    /// acknowledge; a plan already in `listed` (its student is in another of their sections) is skipped, and each
    /// one found is added to it.
    static func find(
        for teacher: Person, among students: [Person], listed: inout Set<LearningPlan.ID>, store: Store
    ) async throws -> [(student: Person, plan: LearningPlan)] {
        let authorizer = Authorizer(store: store)
        var found: [(student: Person, plan: LearningPlan)] = []
        for plan in try await store.plansInReview(students: students.map(\.id))
        where plan.acknowledged(by: .advisor) == nil && !listed.contains(plan.id) {
            guard let student = students.first(where: { $0.id == plan.studentID }),
                try await authorizer.allows(teacher, .acknowledgePlan, student: student.id)
            else { continue }
            listed.insert(plan.id)
            found.append((student, plan))
        }
        return found
    }
}

import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// The signed-in user and the student a `/students/{id}/…` URL names, once `action` is allowed for that
/// pair (403 otherwise; 404 when the id is not a student the user may see).
struct StudentScope {
    var user: Person
    var student: Person
    /// How the user stands to the student, as `Access.Policy` saw it when the scope was allowed.
    var relation: Access.Relation

    static func load(_ context: AppRequestContext, _ action: Access.Action, store: Store) async throws -> StudentScope {
        let user = try context.requireUser()
        let id = Person.ID(try context.parameters.require("id"))
        let relation = try await store.relation(of: user, toStudent: id)
        guard Access.Policy.allows(user.role, relation, action) else { throw AppError.forbidden }
        guard let student = try await store.person(id), student.role == .student else {
            throw AppError.notFound("The student")
        }
        return StudentScope(user: user, student: student, relation: relation)
    }

    /// Whether the policy also allows `action` on this student (no second trip to the store).
    func allows(_ action: Access.Action) -> Bool { Access.Policy.allows(user.role, relation, action) }

    var base: String { "/students/\(student.id.rawValue)" }
    var isOwn: Bool { user.id == student.id }
}

/// The competencies of a student's sections (academic first), for choosing goals and reflections.
enum StudentCompetencies {
    static func load(
        _ student: Person.ID, store: Store
    ) async throws -> (
        competencies: [Competency], curriculum: Curriculum
    ) {
        var frameworks: [Framework.ID] = []
        for section in try await store.sections(of: student, as: .student) {
            guard let course = try await store.course(section.courseID) else { continue }
            for framework in course.frameworkIDs where !frameworks.contains(framework) { frameworks.append(framework) }
        }
        let curriculum = try await store.curriculum(frameworks: frameworks)
        let leaves = curriculum.leafCompetencies
        return (leaves.filter { $0.kind == .academic } + leaves.filter { $0.kind != .academic }, curriculum)
    }
}

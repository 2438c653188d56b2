import Foundation
import MasteryCore
import MasteryStore

/// Asks the store how the actor stands to a thing, then asks `Access.Policy`. Throws `forbidden` when the
/// policy says no, `notFound` when the thing does not exist.
struct Authorizer: Sendable {
    let store: Store
    /// Today, for sections whose term has ended.
    var today: @Sendable () -> Date = { Date() }

    func require(_ actor: Person, _ action: Access.Action, student: Person.ID) async throws {
        guard try await allows(actor, action, student: student) else { throw AppError.forbidden }
    }

    func allows(_ actor: Person, _ action: Access.Action, student: Person.ID) async throws -> Bool {
        let relation = try await store.relation(of: actor, toStudent: student)
        return Access.Policy.allows(actor.role, relation, action)
    }

    /// Throws `forbidden` when the policy says no; when it says no only because the section's term has
    /// ended, a conflict that says so (the archive still opens).
    func require(_ actor: Person, _ action: Access.Action, section: Section.ID) async throws {
        try check(actor, try await store.standing(of: actor, toSection: section), action)
    }

    /// Requires `action` and answers for `also` from the same lookup (one trip to the store for both).
    func require(
        _ actor: Person, _ action: Access.Action, section: Section.ID, answering also: Access.Action
    ) async throws -> Bool {
        let standing = try await store.standing(of: actor, toSection: section)
        try check(actor, standing, action)
        return policy(actor, standing, also)
    }

    func allows(_ actor: Person, _ action: Access.Action, section: Section.ID) async throws -> Bool {
        policy(actor, try await store.standing(of: actor, toSection: section), action)
    }

    private func policy(_ actor: Person, _ standing: Store.SectionStanding, _ action: Access.Action) -> Bool {
        Access.Policy.allows(
            actor.role, standing.relation, action, archived: archived(standing.endsOn),
            teachersChooseFrameworks: standing.teachersChooseFrameworks)
    }

    private func check(_ actor: Person, _ standing: Store.SectionStanding, _ action: Access.Action) throws {
        if policy(actor, standing, action) { return }
        var current = standing
        current.endsOn = nil
        if let endsOn = standing.endsOn, policy(actor, current, action) {
            throw AppError.conflict(
                "This section's term ended on \(endsOn): it is kept as a read-only archive, and nothing in it changes now."
            )
        }
        throw AppError.forbidden
    }

    private func archived(_ endsOn: String?) -> Bool {
        guard let endsOn, !endsOn.isEmpty else { return false }
        return endsOn < Section.isoDay(today())
    }

    /// On a person's own account: the actor stands to it as itself only when it is theirs.
    func require(_ actor: Person, _ action: Access.Action, account: Person.ID) throws {
        guard Access.Policy.allows(actor.role, actor.id == account ? .itself : .none, action) else {
            throw AppError.forbidden
        }
    }

    func require(_ actor: Person, _ action: Access.Action, organization: Organization.ID) async throws {
        guard try await allows(actor, action, organization: organization) else { throw AppError.forbidden }
    }

    func allows(_ actor: Person, _ action: Access.Action, organization: Organization.ID) async throws -> Bool {
        let relation = try await store.relation(of: actor, toOrganization: organization)
        return Access.Policy.allows(actor.role, relation, action)
    }

    /// Correcting or excluding a piece of evidence: `correctEvidence` on the student, and the evidence within
    /// what the teacher teaches them (a section of theirs with the student whose course covers the
    /// competency) or recorded by the teacher. A teacher of another course cannot change what was recorded
    /// there.
    func requireCorrecting(
        _ actor: Person, student: Person.ID, competency: Competency.ID, event: EvidenceEvent.ID
    ) async throws {
        try await require(actor, .correctEvidence, student: student)
        let events = try await store.events(student: student, competency: competency)
        guard let original = events.first(where: { $0.id == event }) else { throw AppError.notFound("That evidence") }
        if original.recordedBy == actor.id { return }
        guard try await teaches(actor, student: student, competency: competency) else { throw AppError.forbidden }
    }

    /// Recording evidence: `recordEvidence` on the student, the competency within a course the actor teaches
    /// them (a Math teacher records no ELA evidence), and a task, when one is named, of that competency's
    /// framework. Every route that records evidence for a student asks this.
    func requireRecording(
        _ actor: Person, student: Person.ID, competency: Competency.ID, task: PerformanceTask.ID? = nil
    ) async throws {
        try await require(actor, .recordEvidence, student: student)
        guard try await teaches(actor, student: student, competency: competency) else { throw AppError.forbidden }
        guard let task else { return }
        let curriculum = try await store.curriculum()
        guard let frameworkID = curriculum.competency(competency)?.frameworkID,
            try await store.tasks(framework: frameworkID).contains(where: { $0.id == task })
        else {
            var known = false
            for framework in curriculum.frameworks where !known {
                known = try await store.tasks(framework: framework.id).contains { $0.id == task }
            }
            throw AppError.invalid(
                message: known
                    ? "The task \(task.rawValue) is not a task of this competency's framework."
                    : "there is no task '\(task.rawValue)'",
                field: "taskId")
        }
    }

    /// Whether a section the actor teaches, with the student in it, has a course that covers the competency.
    func teaches(_ actor: Person, student: Person.ID, competency: Competency.ID) async throws -> Bool {
        let theirs = Set(try await store.sections(of: student, as: .student).map(\.id))
        for section in try await store.sections(of: actor.id, as: .teacher) where theirs.contains(section.id) {
            if try await store.curriculum(course: section.courseID).competency(competency) != nil { return true }
        }
        return false
    }

    /// Changing a framework's calculation, scale, strands, competencies or prerequisites changes mastery
    /// wherever it is used: allowed (with `manageFrameworks`) when every school whose courses use it is one the
    /// actor manages frameworks for — a teacher's or school administrator's own school, a district
    /// administrator's schools. Returns the schools that stand in the way (empty: allowed).
    func schoolsBlockingChanges(_ actor: Person, framework: Framework.ID) async throws -> [Organization] {
        guard try await allows(actor, .manageFrameworks, organization: actor.organizationID) else {
            throw AppError.forbidden
        }
        var blocking: [Organization] = []
        for school in try await store.schools(usingFramework: framework).sorted(by: { $0.rawValue < $1.rawValue }) {
            let mine =
                actor.role == .admin
                ? try await allows(actor, .manageFrameworks, organization: school)
                : school == actor.organizationID
            if !mine, let organization = try await store.organization(school) { blocking.append(organization) }
        }
        return blocking
    }
}

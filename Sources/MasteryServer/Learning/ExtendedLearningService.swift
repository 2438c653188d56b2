import Foundation
import MasteryCore
import MasteryStore

/// Extended learning opportunities, the same for the pages and the API: a student proposes, a teacher of the
/// student approves, invites a mentor, scores and completes; a guardian consents; the mentor and the student log
/// hours. Every call asks `Access.Policy` on the opportunity (or, to propose or list, on the student).
struct ExtendedLearningService {
    let services: AppServices
    let user: Person
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store, today: services.clock) }

    struct Proposal {
        var title: String
        var kind: String
        var description: String
        var competencyIDs: [Competency.ID]
        var hours: Double?
    }

    /// The opportunity, if the user may see it (404 when there is none; 403 otherwise).
    func load(
        _ id: ExtendedLearning.ID, for action: Access.Action = .viewLearningOpportunity
    ) async throws
        -> ExtendedLearning
    {
        guard let elo = try await store.elo(id) else { throw AppError.notFound("The learning opportunity") }
        try await require(action, on: elo)
        return elo
    }

    func require(_ action: Access.Action, on elo: ExtendedLearning) async throws {
        guard try await allows(action, on: elo) else { throw AppError.forbidden }
    }

    func allows(_ action: Access.Action, on elo: ExtendedLearning) async throws -> Bool {
        Access.Policy.allows(user.role, try await store.relation(of: user, toELO: elo), action)
    }

    /// A student's opportunities (the student, family, teachers, the school's staff).
    func list(student: Person.ID) async throws -> [ExtendedLearning] {
        try await authorizer.require(user, .viewLearningOpportunity, student: student)
        return try await store.elos(student: student)
    }

    /// The academic competencies a student may name: those of the courses they are in.
    func competencies(student: Person.ID) async throws -> [Competency] {
        var seen: Set<Competency.ID> = []
        var result: [Competency] = []
        for section in try await store.sections(of: student, as: .student) {
            for competency in try await store.curriculum(course: section.courseID).leafCompetencies
            where competency.kind == .academic && seen.insert(competency.id).inserted {
                result.append(competency)
            }
        }
        return result
    }

    func propose(_ proposal: Proposal, student: Person.ID) async throws -> ExtendedLearning {
        try await authorizer.require(user, .proposeLearningOpportunity, student: student)
        guard let kind = ExtendedLearning.Kind(rawValue: proposal.kind) else {
            throw AppError.invalid(
                message: "kind: use one of \(ExtendedLearning.Kind.allCases.map(\.rawValue).joined(separator: ", ")).",
                field: "kind")
        }
        let offered = Set(try await competencies(student: student).map(\.id))
        if let stranger = proposal.competencyIDs.first(where: { !offered.contains($0) }) {
            throw AppError.invalid(
                message: "competencyIds: '\(stranger.rawValue)' is not a competency of your courses.",
                field: "competencyIds")
        }
        guard let person = try await store.person(student) else { throw AppError.notFound("The student") }
        let now = services.clock()
        let elo = ExtendedLearning(
            id: .init("elo-\(UUID().uuidString.lowercased().prefix(12))"), studentID: student,
            title: proposal.title.trimmingCharacters(in: .whitespacesAndNewlines), kind: kind,
            description: proposal.description.trimmingCharacters(in: .whitespacesAndNewlines),
            competencyIDs: Array(NSOrderedSet(array: proposal.competencyIDs).compactMap { $0 as? Competency.ID }),
            plannedHours: proposal.hours, proposed: .init(by: user.id, at: now),
            // Families consent for the students they are linked to (a school's students are minors).
            consentNeeded: !(try await store.guardians(ofStudent: student)).isEmpty)
        try await store.add(elo, organization: person.organizationID)
        return elo
    }

    /// Approve, consent or complete, by the role each step names.
    func take(
        _ step: ExtendedLearning.Transition, on id: ExtendedLearning.ID, credit: Double? = nil
    ) async throws
        -> ExtendedLearning
    {
        let action: Access.Action =
            switch step {
            case .approve, .complete: .superviseLearningOpportunity
            case .consent: .consentLearningOpportunity
            case .logHours: .logLearningHours
            }
        let elo = try await load(id, for: action)
        if let credit, !(0...10).contains(credit) {
            throw AppError.invalid(message: "credit: 0–10 (a course is usually 1).", field: "credit")
        }
        return try await store.take(
            step, on: elo.id, by: user.id, at: services.clock(), credit: credit, organization: nil)
    }

    func logHours(_ hours: Double, day: String?, note: String, on id: ExtendedLearning.ID) async throws {
        let elo = try await load(id, for: .logLearningHours)
        guard hours > 0, hours <= 24 else {
            throw AppError.invalid(message: "hours: more than 0 and at most 24 in a day.", field: "hours")
        }
        let day = day ?? Section.isoDay(services.clock())
        guard GradingPeriod.isDate(day) else {
            throw AppError.invalid(message: "day: '\(day.prefix(20))' is not a date (YYYY-MM-DD).", field: "day")
        }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty, note.count <= 2_000 else {
            throw AppError.invalid(message: "note: say what was done (at most 2,000 characters).", field: "note")
        }
        try await store.log(
            .init(hours: hours, day: day, note: note, by: user.id, at: services.clock()), on: elo.id,
            organization: nil)
    }

    /// Scores one of the opportunity's competencies: evidence like any other, from "learning beyond school".
    func score(_ competency: Competency.ID, score: Double, comment: String?, on id: ExtendedLearning.ID) async throws {
        let elo = try await load(id, for: .superviseLearningOpportunity)
        guard elo.competencyIDs.contains(competency) else {
            throw AppError.invalid(message: "competencyId: not one this opportunity shows.", field: "competencyId")
        }
        guard elo.state == .active || elo.state == .completed else {
            throw AppError.conflict("It is scored once it is under way.")
        }
        _ = try await store.append(
            [
                .record(
                    student: elo.studentID, competency: competency, score: score, source: .extendedLearning,
                    comment: comment.map { "\(elo.title): \($0)" } ?? elo.title)
            ], by: user.id, at: services.clock())
    }

    /// Invites an outside mentor: a mentor account (no school access) tied to this opportunity only, with a
    /// one-time link to choose a password.
    func inviteMentor(
        givenName: String?, familyName: String?, email: String?, on id: ExtendedLearning.ID
    )
        async throws -> (mentor: Person, path: String)
    {
        let elo = try await load(id, for: .superviseLearningOpportunity)
        guard let given = try PeopleAdmin.checkText(givenName, field: "givenName", limit: 100) else {
            throw AppError.invalid(message: "Give the mentor's first name.", field: "givenName")
        }
        let family = try PeopleAdmin.checkText(familyName, field: "familyName", limit: 100) ?? ""
        let email = try PeopleAdmin.checkEmail(email)
        guard let student = try await store.person(elo.studentID) else { throw AppError.notFound("The student") }
        let now = services.clock()
        var mentor: Person
        if let email, let existing = try await store.people(email: email).first {
            guard existing.role == .mentor else {
                throw AppError.invalid(
                    message: "That email belongs to someone who is not a mentor; use another.", field: "email")
            }
            mentor = existing
        } else {
            let invitations = FamilyInvitations(store: store, clock: services.clock)
            mentor = Person(
                id: .init("p-mentor-\(UUID().uuidString.lowercased().prefix(8))"), role: .mentor, givenName: given,
                familyName: family,
                username: try await invitations.freeUsername(email: email, given: given, family: family),
                organizationID: student.organizationID)
            try await store.create(mentor, email: email, by: user.id, at: now)
        }
        try await store.addMentor(mentor.id, to: elo.id, by: user.id, at: now, organization: student.organizationID)
        let path = try await Accounts(store: store, clock: services.clock).invite(mentor, by: user.id)
        return (mentor, path)
    }
}

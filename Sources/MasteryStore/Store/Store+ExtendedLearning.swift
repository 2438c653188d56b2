import Foundation
import MasteryCore
import SQLKit

/// Extended learning opportunities: proposals, each step taken on them, mentors and hours. Every write is audited
/// against the student.
extension Store {
    public func add(_ elo: ExtendedLearning, organization: Organization.ID?) async throws {
        try ExtendedLearning.validate(
            title: elo.title, description: elo.description, competencyIDs: elo.competencyIDs,
            plannedHours: elo.plannedHours)
        try await driver.withTransaction { db in
            try await db.insertRows(
                "elos",
                columns: [
                    "id", "student_id", "title", "kind", "description", "competency_ids", "planned_hours",
                    "proposed_by", "proposed_at", "consent_needed",
                ],
                rows: [
                    [
                        elo.id.rawValue, elo.studentID.rawValue, elo.title, elo.kind.rawValue, elo.description,
                        try JSONText.encode(elo.competencyIDs), elo.plannedHours, elo.proposed.by.rawValue,
                        elo.proposed.at.timeIntervalSince1970, elo.consentNeeded,
                    ]
                ])
            try await Self.audit(
                db, at: elo.proposed.at, actor: elo.proposed.by, action: "elo.propose", student: elo.studentID,
                subject: "elo \(elo.id.rawValue)", detail: "\(elo.kind.rawValue): \(elo.title)",
                organization: organization)
        }
    }

    /// Takes one step on an opportunity (approve, consent, complete with its credit). Refused, changing nothing,
    /// when the step does not fit its state — checked again inside the transaction, so two people acting at once
    /// cannot both take it.
    public func take(
        _ step: ExtendedLearning.Transition, on id: ExtendedLearning.ID, by actor: Person.ID, at now: Date,
        credit: Double? = nil, organization: Organization.ID?
    ) async throws -> ExtendedLearning {
        try await driver.withTransaction { db in
            guard let elo = try await Self.elo(id, db, lock: true) else {
                throw StoreError.notFound(kind: "learning opportunity", id: id.rawValue)
            }
            if let refusal = elo.refusal(step) { throw StoreError.conflict(refusal) }
            let at = now.timeIntervalSince1970
            switch step {
            case .approve:
                try await db.raw(
                    "UPDATE elos SET approved_by = \(bind: actor.rawValue), approved_at = \(bind: at) WHERE id = \(bind: id.rawValue)"
                ).run()
            case .consent:
                try await db.raw(
                    "UPDATE elos SET consent_by = \(bind: actor.rawValue), consent_at = \(bind: at) WHERE id = \(bind: id.rawValue)"
                ).run()
            case .complete:
                try await db.raw(
                    """
                    UPDATE elos SET completed_by = \(bind: actor.rawValue), completed_at = \(bind: at), \
                    credit = \(bind: credit) WHERE id = \(bind: id.rawValue)
                    """
                ).run()
            case .logHours:
                throw StoreError.conflict("hours are logged with logHours")
            }
            try await Self.audit(
                db, at: now, actor: actor, action: "elo.\(step.rawValue)", student: elo.studentID,
                subject: "elo \(id.rawValue)", detail: credit.map { "credit \($0)" } ?? elo.title,
                organization: organization)
            guard let updated = try await Self.elo(id, db, lock: false) else {
                throw StoreError.notFound(kind: "learning opportunity", id: id.rawValue)
            }
            return updated
        }
    }

    /// Logs time spent on an opportunity under way.
    public func log(
        _ hours: ExtendedLearning.Hours, on id: ExtendedLearning.ID, organization: Organization.ID?
    ) async throws {
        try await driver.withTransaction { db in
            guard let elo = try await Self.elo(id, db, lock: true) else {
                throw StoreError.notFound(kind: "learning opportunity", id: id.rawValue)
            }
            if let refusal = elo.refusal(.logHours) { throw StoreError.conflict(refusal) }
            try await db.insertRows(
                "elo_hours", columns: ["elo_id", "hours", "day", "note", "logged_by", "logged_at"],
                rows: [
                    [
                        id.rawValue, hours.hours, hours.day, hours.note, hours.by.rawValue,
                        hours.at.timeIntervalSince1970,
                    ]
                ])
            try await Self.audit(
                db, at: hours.at, actor: hours.by, action: "elo.hours", student: elo.studentID,
                subject: "elo \(id.rawValue)", detail: "\(hours.hours) h on \(hours.day): \(hours.note)",
                organization: organization)
        }
    }

    /// Makes `mentor` a mentor of the opportunity.
    public func addMentor(
        _ mentor: Person.ID, to id: ExtendedLearning.ID, by actor: Person.ID, at now: Date,
        organization: Organization.ID?
    ) async throws {
        try await driver.withTransaction { db in
            guard let elo = try await Self.elo(id, db, lock: true) else {
                throw StoreError.notFound(kind: "learning opportunity", id: id.rawValue)
            }
            guard !elo.mentorIDs.contains(mentor) else { return }
            try await db.insertRows(
                "elo_mentors", columns: ["elo_id", "mentor_id"], rows: [[id.rawValue, mentor.rawValue]])
            try await Self.audit(
                db, at: now, actor: actor, action: "elo.mentor", student: elo.studentID,
                subject: "elo \(id.rawValue)", detail: "mentor \(mentor.rawValue)", organization: organization)
        }
    }

    public func elo(_ id: ExtendedLearning.ID) async throws -> ExtendedLearning? {
        try await driver.withConnection { db in try await Self.elo(id, db, lock: false) }
    }

    /// A student's opportunities, newest first.
    public func elos(student: Person.ID) async throws -> [ExtendedLearning] {
        try await elos(where: "student_id = ", student.rawValue)
    }

    /// The opportunities a mentor mentors, newest first.
    public func elos(mentor: Person.ID) async throws -> [ExtendedLearning] {
        try await elos(where: "id IN (SELECT elo_id FROM elo_mentors WHERE mentor_id = ", mentor.rawValue, close: ")")
    }

    private func elos(where clause: String, _ value: String, close: String = "") async throws -> [ExtendedLearning] {
        try await driver.withConnection { db in
            let ids = try await db.raw(
                "SELECT id FROM elos WHERE \(unsafeRaw: clause)\(bind: value)\(unsafeRaw: close) ORDER BY proposed_at DESC, id"
            ).all().map { try $0.string("id") }
            var result: [ExtendedLearning] = []
            for id in ids { if let elo = try await Self.elo(.init(id), db, lock: false) { result.append(elo) } }
            return result
        }
    }

    static func elo(_ id: ExtendedLearning.ID, _ db: any SQLDatabase, lock: Bool) async throws -> ExtendedLearning? {
        let forUpdate = lock && db.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        guard
            let row = try await db.raw(
                "SELECT * FROM elos WHERE id = \(bind: id.rawValue)\(unsafeRaw: forUpdate)"
            ).first()
        else { return nil }
        func step(_ by: String, _ at: String) throws -> ExtendedLearning.Step? {
            guard let person = try row.optionalString(by), let time = try row.optionalDouble(at) else { return nil }
            return .init(by: .init(person), at: Date(timeIntervalSince1970: time))
        }
        let mentors = try await db.raw(
            "SELECT mentor_id FROM elo_mentors WHERE elo_id = \(bind: id.rawValue) ORDER BY mentor_id"
        ).all().map { Person.ID(try $0.string("mentor_id")) }
        let hours = try await db.raw(
            "SELECT * FROM elo_hours WHERE elo_id = \(bind: id.rawValue) ORDER BY sequence"
        ).all().map { hour in
            ExtendedLearning.Hours(
                hours: try hour.double("hours"), day: try hour.string("day"), note: try hour.string("note"),
                by: try hour.id("logged_by"), at: Date(timeIntervalSince1970: try hour.double("logged_at")))
        }
        return ExtendedLearning(
            id: id, studentID: try row.id("student_id"), title: try row.string("title"),
            kind: ExtendedLearning.Kind(rawValue: try row.string("kind")) ?? .independentStudy,
            description: try row.string("description"),
            competencyIDs: try JSONText.decode([Competency.ID].self, try row.string("competency_ids")),
            plannedHours: try row.optionalDouble("planned_hours"),
            proposed: .init(
                by: try row.id("proposed_by"), at: Date(timeIntervalSince1970: try row.double("proposed_at"))),
            consentNeeded: try row.bool("consent_needed"), approval: try step("approved_by", "approved_at"),
            consent: try step("consent_by", "consent_at"), completion: try step("completed_by", "completed_at"),
            credit: try row.optionalDouble("credit"), mentorIDs: mentors, hours: hours)
    }

    /// How an actor stands to an opportunity: the student, a guardian, a teacher of the student, its mentor, or
    /// through the school.
    public func relation(of actor: Person, toELO elo: ExtendedLearning) async throws -> Access.Relation {
        if actor.role == .mentor { return elo.mentorIDs.contains(actor.id) ? .mentor : .none }
        return try await relation(of: actor, toStudent: elo.studentID)
    }
}

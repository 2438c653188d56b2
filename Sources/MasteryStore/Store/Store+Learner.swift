import Foundation
import MasteryCore
import SQLKit

/// A student's own records: goals and their notes, reflections, the learner profile, learning plans and the
/// evidence featured in their conference. Every change is audited.
extension Store {
    // MARK: Goals

    public func goals(student: Person.ID) async throws -> [Goal] {
        try await driver.withConnection { db in
            try await db.raw(
                "SELECT * FROM goals WHERE student_id = \(bind: student.rawValue) ORDER BY created_at, id"
            ).all().map(Self.goal)
        }
    }

    static func goal(_ row: any SQLRow) throws -> Goal {
        Goal(
            id: try row.id("id"), studentID: try row.id("student_id"), title: try row.string("title"),
            why: try row.string("why"), plan: try row.string("plan"),
            competencyIDs: try JSONText.decode([Competency.ID].self, try row.string("competencies_json")),
            targetLevel: try row.double("target_level"), targetDate: try row.optionalDate("target_date"),
            withdrawn: try row.bool("withdrawn"), createdAt: try row.date("created_at"),
            createdBy: try row.id("created_by"))
    }

    /// Goal titles by the competencies they serve (goals that are not withdrawn).
    public func goalTitles(student: Person.ID) async throws -> [Competency.ID: [String]] {
        var result: [Competency.ID: [String]] = [:]
        for goal in try await goals(student: student) where !goal.withdrawn {
            for competency in goal.competencyIDs { result[competency, default: []].append(goal.title) }
        }
        return result
    }

    public func save(_ goal: Goal, by actor: Person.ID, at now: Date) async throws {
        try await driver.withTransaction { db in
            let exists =
                try await db.raw("SELECT 1 AS found FROM goals WHERE id = \(bind: goal.id.rawValue)").first() != nil
            if exists {
                try await db.raw(
                    """
                    UPDATE goals SET title = \(bind: goal.title), why = \(bind: goal.why), plan = \(bind: goal.plan), \
                    competencies_json = \(bind: try JSONText.encode(goal.competencyIDs)), \
                    target_level = \(bind: goal.targetLevel), target_date = \(bind: goal.targetDate?.timeIntervalSince1970), \
                    withdrawn = \(bind: goal.withdrawn ? 1 : 0) WHERE id = \(bind: goal.id.rawValue)
                    """
                ).run()
            } else {
                try await db.insertRows(
                    "goals",
                    columns: [
                        "id", "student_id", "title", "why", "plan", "competencies_json", "target_level", "target_date",
                        "withdrawn", "created_at", "created_by",
                    ],
                    rows: [
                        [
                            goal.id.rawValue, goal.studentID.rawValue, goal.title, goal.why, goal.plan,
                            try JSONText.encode(goal.competencyIDs), goal.targetLevel,
                            goal.targetDate?.timeIntervalSince1970, goal.withdrawn ? 1 : 0,
                            goal.createdAt.timeIntervalSince1970, goal.createdBy.rawValue,
                        ]
                    ])
            }
            try await Self.audit(
                db, at: now, actor: actor, action: exists ? "goal.update" : "goal.create", student: goal.studentID,
                subject: "goal “\(goal.title)”", detail: goal.withdrawn ? "withdrawn" : "target \(goal.targetLevel)",
                organization: nil)
        }
    }

    public func notes(goals: [Goal.ID]) async throws -> [Goal.ID: [GoalNote]] {
        guard !goals.isEmpty else { return [:] }
        return try await driver.withConnection { db in
            var result: [Goal.ID: [GoalNote]] = [:]
            for row in try await db.raw(
                "SELECT * FROM goal_notes WHERE goal_id IN (\(binds: goals.map(\.rawValue))) ORDER BY sequence"
            ).all() {
                let note = GoalNote(
                    goalID: try row.id("goal_id"), kind: GoalNote.Kind(rawValue: try row.string("kind")) ?? .comment,
                    text: try row.string("text"), authorID: try row.id("author_id"), at: try row.date("at"))
                result[note.goalID, default: []].append(note)
            }
            return result
        }
    }

    public func add(_ note: GoalNote, student: Person.ID) async throws {
        try await driver.withTransaction { db in
            try await db.insertRows(
                "goal_notes", columns: ["goal_id", "kind", "text", "author_id", "at"],
                rows: [
                    [
                        note.goalID.rawValue, note.kind.rawValue, note.text, note.authorID.rawValue,
                        note.at.timeIntervalSince1970,
                    ]
                ])
            try await Self.audit(
                db, at: note.at, actor: note.authorID, action: "goal.\(note.kind.rawValue)", student: student,
                subject: "goal \(note.goalID.rawValue)", detail: String(note.text.prefix(200)), organization: nil)
        }
    }

    // MARK: Reflections

    public func reflections(student: Person.ID) async throws -> [Reflection] {
        try await driver.withConnection { db in
            try await db.raw(
                "SELECT * FROM reflections WHERE student_id = \(bind: student.rawValue) ORDER BY at DESC, id"
            ).all().map { row in
                Reflection(
                    id: try row.id("id"), studentID: try row.id("student_id"), wentWell: try row.string("went_well"),
                    tryNext: try row.string("try_next"), evidenceID: try row.optionalID("evidence_id"),
                    goalID: try row.optionalID("goal_id"), competencyID: try row.optionalID("competency_id"),
                    visibility: Reflection.Visibility(rawValue: try row.string("visibility")) ?? .teacherAndMe,
                    at: try row.date("at"))
            }
        }
    }

    public func save(_ reflection: Reflection, by actor: Person.ID) async throws {
        try await driver.withTransaction { db in
            try await db.insertRows(
                "reflections",
                columns: [
                    "id", "student_id", "went_well", "try_next", "evidence_id", "goal_id", "competency_id",
                    "visibility",
                    "at",
                ],
                rows: [
                    [
                        reflection.id.rawValue, reflection.studentID.rawValue, reflection.wentWell, reflection.tryNext,
                        reflection.evidenceID?.rawValue, reflection.goalID?.rawValue, reflection.competencyID?.rawValue,
                        reflection.visibility.rawValue, reflection.at.timeIntervalSince1970,
                    ]
                ])
            try await Self.audit(
                db, at: reflection.at, actor: actor, action: "reflection.create", student: reflection.studentID,
                subject: "reflection", detail: reflection.visibility.rawValue, organization: nil)
        }
    }

    // MARK: Learner profile

    /// Every version of the profile, newest first.
    public func profileHistory(student: Person.ID) async throws -> [LearnerProfile] {
        try await driver.withConnection { db in
            try await db.raw(
                "SELECT * FROM learner_profiles WHERE student_id = \(bind: student.rawValue) ORDER BY sequence DESC"
            ).all().map { try JSONText.decode(LearnerProfile.self, try $0.string("profile_json")) }
        }
    }

    public func profile(student: Person.ID) async throws -> LearnerProfile {
        try await profileHistory(student: student).first ?? LearnerProfile(studentID: student)
    }

    public func preferredModalities(student: Person.ID) async throws -> [PlaylistItem.Modality] {
        try await profile(student: student).learningPreferences
    }

    public func save(_ profile: LearnerProfile, by actor: Person.ID, at now: Date) async throws {
        var stamped = profile
        stamped.updatedAt = now
        stamped.updatedBy = actor
        let profile = stamped
        try await driver.withTransaction { db in
            try await db.insertRows(
                "learner_profiles", columns: ["student_id", "profile_json", "updated_at", "updated_by"],
                rows: [
                    [
                        profile.studentID.rawValue, try JSONText.encode(profile), now.timeIntervalSince1970,
                        actor.rawValue,
                    ]
                ])
            try await Self.audit(
                db, at: now, actor: actor, action: "profile.update", student: profile.studentID,
                subject: "learner profile", detail: "new version", organization: nil)
        }
    }

    // MARK: Learning plans

    public func plans(student: Person.ID) async throws -> [LearningPlan] {
        try await driver.withConnection { db in
            try await db.raw(
                "SELECT * FROM learning_plans WHERE student_id = \(bind: student.rawValue) ORDER BY updated_at DESC, id"
            ).all().map { try JSONText.decode(LearningPlan.self, try $0.string("plan_json")) }
        }
    }

    /// The plans of these students that are in review (waiting for sign-offs), oldest change first.
    public func plansInReview(students: [Person.ID]) async throws -> [LearningPlan] {
        guard !students.isEmpty else { return [] }
        return try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT plan_json FROM learning_plans WHERE status = \(bind: LearningPlan.Status.inReview.rawValue)
                AND student_id IN (\(binds: students.map(\.rawValue))) ORDER BY updated_at, id
                """
            ).all().map { try JSONText.decode(LearningPlan.self, try $0.string("plan_json")) }
        }
    }

    public func save(_ plan: LearningPlan, by actor: Person.ID, at now: Date, action: String) async throws {
        try await driver.withTransaction { db in
            try await db.raw("DELETE FROM learning_plans WHERE id = \(bind: plan.id.rawValue)").run()
            try await db.insertRows(
                "learning_plans", columns: ["id", "student_id", "plan_json", "status", "updated_at"],
                rows: [
                    [
                        plan.id.rawValue, plan.studentID.rawValue, try JSONText.encode(plan), plan.status.rawValue,
                        plan.updatedAt.timeIntervalSince1970,
                    ]
                ])
            try await Self.audit(
                db, at: now, actor: actor, action: "plan.\(action)", student: plan.studentID,
                subject: "learning plan “\(plan.title)”", detail: plan.status.rawValue, organization: nil)
        }
    }

    // MARK: Conference

    public func conferencePicks(student: Person.ID) async throws -> Set<EvidenceEvent.ID> {
        try await driver.withConnection { db in
            Set(
                try await db.raw(
                    "SELECT evidence_id FROM conference_picks WHERE student_id = \(bind: student.rawValue)"
                )
                .all().map { try $0.id("evidence_id") })
        }
    }

    public func setConferencePicks(
        _ picks: Set<EvidenceEvent.ID>, student: Person.ID, by actor: Person.ID, at now: Date
    )
        async throws
    {
        try await driver.withTransaction { db in
            try await db.raw("DELETE FROM conference_picks WHERE student_id = \(bind: student.rawValue)").run()
            try await db.insertRows(
                "conference_picks", columns: ["student_id", "evidence_id"],
                rows: picks.sorted { $0.rawValue < $1.rawValue }.map { [student.rawValue, $0.rawValue] })
            try await Self.audit(
                db, at: now, actor: actor, action: "conference.picks", student: student, subject: "conference report",
                detail: "\(picks.count) pieces of evidence featured", organization: nil)
        }
    }
}

/// A student arriving from another school with their backpack.
extension Store {
    /// Mastery brought from another school that no framework here matched (kept verbatim as JSON).
    public func transferredMastery(student: Person.ID) async throws -> [String] {
        try await driver.withConnection { db in
            try await db.raw(
                "SELECT record_json FROM transferred_mastery WHERE student_id = \(bind: student.rawValue) ORDER BY sequence"
            ).all().map { try $0.string("record_json") }
        }
    }

    /// Creates a student from another school's record in one transaction: the person, profile versions,
    /// goals and notes, plans, evidence (recomputing mastery; `evidenceIDs` are the ids it had there),
    /// reflections (pointing at the evidence's new ids) and unmatched mastery.
    public func importStudent(
        _ person: Person, profiles: [LearnerProfile], goals: [Goal], notes: [GoalNote], reflections: [Reflection],
        plans: [LearningPlan], evidence: [EvidenceDraft], evidenceIDs: [String], transferred: [String],
        by actor: Person.ID, at now: Date
    ) async throws {
        try await driver.withTransaction { db in
            try await db.insertRows("people", columns: Self.personColumns, rows: [Self.personRow(person)])
            for profile in profiles.reversed() {
                try await db.insertRows(
                    "learner_profiles", columns: ["student_id", "profile_json", "updated_at", "updated_by"],
                    rows: [
                        [
                            person.id.rawValue, try JSONText.encode(profile),
                            (profile.updatedAt ?? now).timeIntervalSince1970,
                            profile.updatedBy?.rawValue ?? actor.rawValue,
                        ]
                    ])
            }
            try await db.insertRows(
                "goals",
                columns: [
                    "id", "student_id", "title", "why", "plan", "competencies_json", "target_level", "target_date",
                    "withdrawn", "created_at", "created_by",
                ],
                rows: try goals.map { goal in
                    [
                        goal.id.rawValue, person.id.rawValue, goal.title, goal.why, goal.plan,
                        try JSONText.encode(goal.competencyIDs), goal.targetLevel,
                        goal.targetDate?.timeIntervalSince1970,
                        goal.withdrawn ? 1 : 0, goal.createdAt.timeIntervalSince1970, goal.createdBy.rawValue,
                    ]
                })
            try await db.insertRows(
                "goal_notes", columns: ["goal_id", "kind", "text", "author_id", "at"],
                rows: notes.map {
                    [$0.goalID.rawValue, $0.kind.rawValue, $0.text, $0.authorID.rawValue, $0.at.timeIntervalSince1970]
                })
            try await db.insertRows(
                "learning_plans", columns: ["id", "student_id", "plan_json", "status", "updated_at"],
                rows: try plans.map {
                    [
                        $0.id.rawValue, person.id.rawValue, try JSONText.encode($0), $0.status.rawValue,
                        $0.updatedAt.timeIntervalSince1970,
                    ]
                })
            try await db.insertRows(
                "transferred_mastery", columns: ["student_id", "record_json", "imported_at"],
                rows: transferred.map { [person.id.rawValue, $0, now.timeIntervalSince1970] })
            var newIDs: [String: String] = [:]
            if !evidence.isEmpty {
                let written = try await Self.append(evidence, by: actor, at: now, in: db).events
                for (old, event) in zip(evidenceIDs, written) { newIDs[old] = event.id.rawValue }
            }
            try await db.insertRows(
                "reflections",
                columns: [
                    "id", "student_id", "went_well", "try_next", "evidence_id", "goal_id", "competency_id",
                    "visibility",
                    "at",
                ],
                rows: reflections.map {
                    [
                        $0.id.rawValue, person.id.rawValue, $0.wentWell, $0.tryNext,
                        $0.evidenceID.flatMap { newIDs[$0.rawValue] }, $0.goalID?.rawValue, $0.competencyID?.rawValue,
                        $0.visibility.rawValue, $0.at.timeIntervalSince1970,
                    ]
                })
            try await Self.audit(
                db, at: now, actor: actor, action: "backpack.import", student: person.id,
                subject: "backpack of \(person.displayName)",
                detail: "\(goals.count) goals, \(reflections.count) reflections, \(plans.count) plans, "
                    + "\(evidence.count) evidence, \(transferred.count) transferred records",
                organization: person.organizationID)
        }
    }
}

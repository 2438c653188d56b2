import Foundation
import MasteryCore
import SQLKit

/// The append-only evidence log, and the mastery records kept in step with it.
extension Store {
    static let eventColumns = [
        "id", "action", "student_id", "competency_id", "target_id", "score", "observed_at", "recorded_at",
        "recorded_by", "source", "section_id", "task_id", "criterion_id", "comment", "reason",
    ]

    static func eventRow(_ e: EvidenceEvent) -> [SQLValue] {
        [
            e.id.rawValue, e.action.rawValue, e.studentID.rawValue, e.competencyID.rawValue, e.targetID?.rawValue,
            e.score, e.observedAt.timeIntervalSince1970, e.recordedAt.timeIntervalSince1970, e.recordedBy.rawValue,
            e.source.rawValue, e.sectionID?.rawValue, e.taskID?.rawValue, e.criterionID?.rawValue, e.comment,
            e.reason,
        ]
    }

    /// Refuses a draft that names a task, rubric criterion or section that does not exist.
    static func checkReferences(of draft: EvidenceDraft, in db: any SQLDatabase, place: String) async throws {
        let references: [(String, String, String?)] = [
            ("tasks", "task", draft.taskID?.rawValue),
            ("rubric_criteria", "rubric criterion", draft.criterionID?.rawValue),
            ("sections", "section", draft.sectionID?.rawValue),
        ]
        for (table, noun, id) in references {
            guard let id else { continue }
            let found = try await db.raw("SELECT 1 AS found FROM \(unsafeRaw: table) WHERE id = \(bind: id)").first()
            if found == nil { throw StoreError.invalid("\(place)there is no \(noun) '\(id)'") }
        }
    }

    /// Appends evidence events and updates the affected mastery records in the same transaction, with one
    /// audit entry per event. Every draft is validated first: if one is refused, nothing is written.
    ///
    /// - Returns: the events as written and the updated record of every affected student and competency.
    /// - Throws: `StoreError.invalid` naming the refused draft, `StoreError.notFound` for unknown ids.
    @discardableResult
    public func append(
        _ drafts: [EvidenceDraft], by actor: Person.ID, at now: Date
    ) async throws
        -> (events: [EvidenceEvent], records: [MasteryRecord])
    {
        guard !drafts.isEmpty else { return ([], []) }
        return try await driver.withTransaction { db in
            try await Self.append(drafts, by: actor, at: now, in: db)
        }
    }

    /// `append` inside a transaction the caller holds.
    static func append(
        _ drafts: [EvidenceDraft], by actor: Person.ID, at now: Date, in db: any SQLDatabase
    ) async throws
        -> (events: [EvidenceEvent], records: [MasteryRecord])
    {
        do {
            try await lockPairs(drafts.map { ($0.studentID, $0.competencyID) }, in: db)
            var written: [EvidenceEvent] = []
            var pairs: [(Person.ID, Competency.ID)] = []
            var history: [String: [EvidenceEvent]] = [:]
            var contexts: [String: PolicyContext] = [:]
            for (index, draft) in drafts.enumerated() {
                let key = "\(draft.studentID.rawValue)|\(draft.competencyID.rawValue)"
                if contexts[key] == nil {
                    contexts[key] = try await Self.policyContext(
                        db, student: draft.studentID, competency: draft.competencyID)
                }
                let context = contexts[key]!
                if history[key] == nil {
                    history[key] = try await Self.events(db, student: draft.studentID, competency: draft.competencyID)
                    pairs.append((draft.studentID, draft.competencyID))
                }
                let existing = history[key]!
                try await Self.checkReferences(
                    of: draft, in: db, place: drafts.count > 1 ? "evidence \(index + 1): " : "")
                var observedAt = draft.observedAt ?? now
                if draft.action != .record, let target = existing.first(where: { $0.id == draft.targetID }) {
                    observedAt = target.observedAt
                }
                var event = EvidenceEvent(
                    id: .init(UUID().uuidString.lowercased()), sequence: (existing.map(\.sequence).max() ?? 0) + 1,
                    action: draft.action, studentID: draft.studentID, competencyID: draft.competencyID,
                    targetID: draft.targetID, score: draft.score, observedAt: observedAt, recordedAt: now,
                    recordedBy: actor, source: draft.source, sectionID: draft.sectionID, taskID: draft.taskID,
                    criterionID: draft.criterionID, comment: draft.comment?.nilIfBlank, reason: draft.reason?.nilIfBlank
                )
                do {
                    try EvidenceLedger.validate(event, after: existing, scale: context.scale)
                } catch {
                    let place = drafts.count > 1 ? "evidence \(index + 1): " : ""
                    throw StoreError.invalid("\(place)\(error)")
                }
                let sequence = try await db.insert(into: "evidence_events").columns(Self.eventColumns)
                    .values(Self.eventRow(event)).returning("sequence").first()?.int("sequence")
                event.sequence = Int64(sequence ?? 0)
                history[key]!.append(event)
                written.append(event)
                try await Self.audit(
                    db, at: now, actor: actor, action: "evidence.\(event.action.rawValue)", student: event.studentID,
                    subject: "competency \(event.competencyID.rawValue)",
                    detail: Self.auditDetail(event), organization: nil)
            }
            var records: [MasteryRecord] = []
            for (student, competency) in pairs {
                let context: PolicyContext
                if let known = contexts["\(student.rawValue)|\(competency.rawValue)"] {
                    context = known
                } else {
                    context = try await Self.policyContext(db, student: student, competency: competency)
                }
                let record = MasteryEngine.record(
                    studentID: student, competencyID: competency,
                    events: history["\(student.rawValue)|\(competency.rawValue)"]!, policy: context.policy,
                    scale: context.scale)
                try await Self.upsert([record], db)
                records.append(record)
            }
            return (written, records)
        }
    }

    static func auditDetail(_ event: EvidenceEvent) -> String {
        var parts = ["score \(event.score.map { "\($0)" } ?? "none")"]
        if let target = event.targetID { parts.append("target \(target.rawValue)") }
        if let reason = event.reason { parts.append("reason: \(reason)") }
        parts.append("event \(event.id.rawValue)")
        return parts.joined(separator: "; ")
    }

    /// Every event of one student on one competency, in recorded order.
    public func events(student: Person.ID, competency: Competency.ID) async throws -> [EvidenceEvent] {
        try await driver.withConnection { db in try await Self.events(db, student: student, competency: competency) }
    }

    static func events(
        _ db: any SQLDatabase, student: Person.ID, competency: Competency.ID
    ) async throws
        -> [EvidenceEvent]
    {
        try await db.raw(
            """
            SELECT * FROM evidence_events WHERE student_id = \(bind: student.rawValue) \
            AND competency_id = \(bind: competency.rawValue) ORDER BY sequence
            """
        ).all().map(Rows.evidenceEvent)
    }

    /// The evidence that counts for a student, per competency, in calculation order.
    /// The events about `student` recorded at or after `since`, in order.
    public func events(student: Person.ID, recordedSince since: Date) async throws -> [EvidenceEvent] {
        try await driver.withConnection { db in
            try await db.raw(
                """
                SELECT * FROM evidence_events WHERE student_id = \(bind: student.rawValue) \
                AND recorded_at >= \(bind: since.timeIntervalSince1970) ORDER BY sequence
                """
            ).all().map(Rows.evidenceEvent)
        }
    }

    public func evidence(student: Person.ID) async throws -> [Competency.ID: [Evidence]] {
        let events = try await driver.withConnection { db in
            try await db.raw(
                "SELECT * FROM evidence_events WHERE student_id = \(bind: student.rawValue) ORDER BY sequence"
            ).all().map(Rows.evidenceEvent)
        }
        return Dictionary(grouping: events, by: \.competencyID).mapValues(EvidenceLedger.effectiveEvidence)
    }

    /// The number of events in the log.
    public func countEvidenceEvents() async throws -> Int {
        try await driver.withConnection { db in
            try await db.raw("SELECT COUNT(*) AS n FROM evidence_events").first()?.int("n") ?? 0
        }
    }
}

extension String {
    var nilIfBlank: String? {
        trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : self
    }
}

extension Store {
    /// Serialises writers of the same student × competency: each pair's history is read, extended and its
    /// mastery record rewritten by one transaction at a time. On PostgreSQL (READ COMMITTED) a transaction-scoped
    /// advisory lock per pair, taken in a fixed order so two batches never wait on each other in a cycle; on
    /// SQLite `BEGIN IMMEDIATE` already lets one writer in at a time.
    static func lockPairs(_ pairs: [(Person.ID, Competency.ID)], in db: any SQLDatabase) async throws {
        guard db.dialect.name == "postgresql" else { return }
        for key in Set(pairs.map { "evidence|\($0.0.rawValue)|\($0.1.rawValue)" }).sorted() {
            try await db.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: key))) AS locked").run()
        }
    }
}

import Foundation
import MasteryCore
import SQLKit

/// Editing frameworks in Masterly: the framework's title and calculation policy, strands, competencies with
/// their "I can" statements, scales, and tasks with rubrics. Every change is audited; a policy or scale
/// change recomputes the mastery records it affects.
extension Store {
    public func updateFramework(
        _ id: Framework.ID, code: String, title: String, policy: MasteryPolicy, by actor: Person.ID, at now: Date
    ) async throws {
        try await driver.withTransaction { db in
            try await db.raw(
                """
                UPDATE frameworks SET code = \(bind: code), title = \(bind: title), \
                policy_json = \(bind: try JSONText.encode(policy)) WHERE id = \(bind: id.rawValue)
                """
            ).run()
            try await Self.audit(
                db, at: now, actor: actor, action: "framework.update", student: nil, subject: "framework \(code)",
                detail: policy.summary, organization: nil)
        }
        // In batches, after the change is committed: evidence keeps flowing meanwhile (with the new policy).
        try await recomputeInBatches()
    }

    public func addStrand(_ strand: Strand, by actor: Person.ID, at now: Date) async throws {
        try await driver.withTransaction { db in
            try await db.insertRows(
                "strands", columns: ["id", "framework_id", "code", "title", "position"],
                rows: [[strand.id.rawValue, strand.frameworkID.rawValue, strand.code, strand.title, strand.position]])
            try await Self.audit(
                db, at: now, actor: actor, action: "framework.strand", student: nil, subject: "strand \(strand.code)",
                detail: strand.title, organization: nil)
        }
    }

    /// Creates or updates a competency and its indicators (level value → "I can" statement).
    public func save(
        _ competency: Competency, indicators: [Double: String], by actor: Person.ID, at now: Date
    ) async throws {
        try await driver.withTransaction { db in
            let exists =
                try await db.raw("SELECT 1 AS found FROM competencies WHERE id = \(bind: competency.id.rawValue)")
                .first()
                != nil
            if exists {
                try await db.raw(
                    """
                    UPDATE competencies SET code = \(bind: competency.code), title = \(bind: competency.title), \
                    kind = \(bind: competency.kind.rawValue), strand_id = \(bind: competency.strandID.rawValue), \
                    position = \(bind: competency.position) WHERE id = \(bind: competency.id.rawValue)
                    """
                ).run()
            } else {
                try await db.insertRows(
                    "competencies",
                    columns: ["id", "framework_id", "strand_id", "parent_id", "code", "title", "kind", "position"],
                    rows: [
                        [
                            competency.id.rawValue, competency.frameworkID.rawValue, competency.strandID.rawValue,
                            competency.parentID?.rawValue, competency.code, competency.title, competency.kind.rawValue,
                            competency.position,
                        ]
                    ])
            }
            try await db.raw("DELETE FROM performance_indicators WHERE competency_id = \(bind: competency.id.rawValue)")
                .run()
            try await db.insertRows(
                "performance_indicators", columns: ["competency_id", "level_value", "text"],
                rows: indicators.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map {
                    [competency.id.rawValue, $0.key, $0.value]
                })
            try await Self.audit(
                db, at: now, actor: actor, action: exists ? "competency.update" : "competency.create", student: nil,
                subject: "competency \(competency.code)", detail: competency.title, organization: nil)
        }
    }

    /// The highest score recorded on competencies of frameworks on `scale`, nil when none has evidence.
    public func highestScore(onScale scale: ProficiencyScale.ID) async throws -> Double? {
        try await driver.withConnection { db in try await Self.highestScore(onScale: scale, in: db) }
    }

    static func highestScore(onScale scale: ProficiencyScale.ID, in db: any SQLDatabase) async throws -> Double? {
        try await db.raw(
            """
            SELECT max(evidence_events.score) AS highest FROM evidence_events \
            JOIN competencies ON competencies.id = evidence_events.competency_id \
            JOIN frameworks ON frameworks.id = competencies.framework_id WHERE frameworks.scale_id = \(bind: scale.rawValue)
            """
        ).first()?.decode(column: "highest", as: Double?.self)
    }

    /// Replaces a scale's levels and threshold (every framework on it changes; records are recomputed). Refused
    /// when recorded evidence scores above the new top level: evidence is never changed to fit a scale.
    public func save(_ scale: ProficiencyScale, by actor: Person.ID, at now: Date) async throws {
        try await driver.withTransaction { db in
            if let highest = try await Self.highestScore(onScale: scale.id, in: db), highest > scale.pointsPossible {
                throw StoreError.conflict(
                    "evidence already scores \(DisplayRounding.text(highest)) on the scale \(scale.name), above its "
                        + "new top level \(DisplayRounding.text(scale.pointsPossible)); keep a level at or above it")
            }
            try await db.raw(
                """
                UPDATE scales SET name = \(bind: scale.name), levels_json = \(bind: try JSONText.encode(scale.levels)), \
                mastery_threshold = \(bind: scale.masteryThreshold) WHERE id = \(bind: scale.id.rawValue)
                """
            ).run()
            try await Self.audit(
                db, at: now, actor: actor, action: "scale.update", student: nil, subject: "scale \(scale.name)",
                detail: "\(scale.levels.count) levels, mastery at \(scale.masteryThreshold)", organization: nil)
        }
        try await recomputeInBatches()
    }

    /// Creates or replaces a task and its rubric criteria (evidence already recorded with it stays).
    public func save(_ task: PerformanceTask, by actor: Person.ID, at now: Date) async throws {
        try await driver.withTransaction { db in
            let created = try await Self.write(task, in: db)
            try await Self.audit(
                db, at: now, actor: actor, action: created ? "task.create" : "task.update", student: nil,
                subject: "task \(task.title)", detail: "\(task.criteria.count) criteria", organization: nil)
        }
    }

    /// Writes `task` and its criteria (criteria it no longer has are removed); true when the task is new.
    static func write(_ task: PerformanceTask, in db: any SQLDatabase) async throws -> Bool {
        let owner = try await db.raw("SELECT framework_id FROM tasks WHERE id = \(bind: task.id.rawValue)").first()
            .map { try $0.string("framework_id") }
        // A task belongs to one framework, a criterion to one task: neither is taken over from elsewhere.
        if let owner, owner != task.frameworkID.rawValue {
            throw StoreError.conflict("The task \(task.id.rawValue) belongs to another framework.")
        }
        for criterion in task.criteria {
            let holder = try await db.raw(
                "SELECT task_id FROM rubric_criteria WHERE id = \(bind: criterion.id.rawValue)"
            ).first().map { try $0.string("task_id") }
            if let holder, holder != task.id.rawValue {
                throw StoreError.conflict("The criterion \(criterion.id.rawValue) belongs to another task.")
            }
        }
        let exists = owner != nil
        if exists {
            try await db.raw(
                """
                UPDATE tasks SET title = \(bind: task.title), details = \(bind: task.details), \
                source_identifier = \(bind: task.sourceIdentifier) WHERE id = \(bind: task.id.rawValue)
                """
            ).run()
        } else {
            try await db.insertRows(
                "tasks", columns: ["id", "framework_id", "title", "details", "source_identifier"],
                rows: [[task.id.rawValue, task.frameworkID.rawValue, task.title, task.details, task.sourceIdentifier]])
        }
        let kept = Set(task.criteria.map(\.id.rawValue))
        let stored = try await db.raw("SELECT id FROM rubric_criteria WHERE task_id = \(bind: task.id.rawValue)")
            .all()
            .map { try $0.string("id") }
        for id in stored where !kept.contains(id) {
            try await db.raw("DELETE FROM rubric_criteria WHERE id = \(bind: id)").run()
        }
        for criterion in task.criteria {
            try await db.raw("DELETE FROM rubric_criteria WHERE id = \(bind: criterion.id.rawValue)").run()
            try await db.insertRows(
                "rubric_criteria",
                columns: [
                    "id", "task_id", "competency_id", "title", "position", "descriptors_json", "source_identifier",
                ],
                rows: [
                    [
                        criterion.id.rawValue, task.id.rawValue, criterion.competencyID.rawValue, criterion.title,
                        criterion.position, try JSONText.encode(criterion.descriptors), criterion.sourceIdentifier,
                    ]
                ])
        }
        return !exists
    }
}

extension Store {
    /// A new, empty framework (made in Masterly rather than imported) with a four-level scale of its own, so
    /// changing its scale changes no other framework; audited. Returns its id.
    public func createFramework(
        code: String, title: String, by actor: Person.ID, at now: Date
    ) async throws
        -> Framework.ID
    {
        let suffix = Self.shortID()
        let scale = try ProficiencyScale(
            id: .init("scale-\(suffix)"), name: "\(code) levels", levels: FrameworkApplier.defaultLevels,
            masteryThreshold: 3)
        let framework = Framework(id: .init("fw-\(suffix)"), code: code, title: title, scaleID: scale.id)
        try await driver.withTransaction { db in
            if try await db.raw("SELECT 1 AS found FROM frameworks WHERE code = \(bind: code)").first() != nil {
                throw StoreError.conflict("A framework with the code \(code) exists already.")
            }
            try await db.insertRows(
                "scales", columns: ["id", "name", "mastery_threshold", "levels_json"],
                rows: [[scale.id.rawValue, scale.name, scale.masteryThreshold, try JSONText.encode(scale.levels)]])
            try await db.insertRows(
                "frameworks",
                columns: ["id", "code", "title", "scale_id", "policy_json", "rollup_json", "source_identifier"],
                rows: [
                    [
                        framework.id.rawValue, code, title, scale.id.rawValue, try JSONText.encode(framework.policy),
                        try JSONText.encode(framework.rollupRule), nil as String?,
                    ]
                ])
            try await Self.audit(
                db, at: now, actor: actor, action: "framework.create", student: nil, subject: "framework \(code)",
                detail: title, organization: nil)
        }
        return framework.id
    }
}

import Foundation
import MasteryCore
import SQLKit

/// Rebuilding every mastery record from the evidence log.
extension Store {
    /// What a recompute found.
    public struct RecomputeReport: Sendable, Hashable {
        /// Student–competency pairs with evidence.
        public var pairs: Int
        /// Evidence events read.
        public var events: Int
        /// Records that differed from the evidence (and were rewritten); 0 when the incremental state was right.
        public var changed: Int
    }

    /// Rebuilds the mastery records of every student (or of `students` only) from the evidence, rewriting only
    /// the records that differ. Streams the log in one pass.
    public func recompute(students: [Person.ID]? = nil) async throws -> RecomputeReport {
        if let students, students.isEmpty { return RecomputeReport(pairs: 0, events: 0, changed: 0) }
        let flavor = self.flavor
        // One transaction: the log, the stored records and the rewrite are one consistent snapshot, so evidence
        // appended meanwhile is never overwritten by a record computed without it. (SQLite's write lock gives
        // that; on PostgreSQL the evidence table is locked against writes for the duration.)
        return try await driver.withTransaction { db in
            let report = try await Self.recompute(students: students, in: db, flavor: flavor)
            // Records rewritten outside an audited write (a policy change's batches, `masterly recompute` after a
            // repair) move the district-wide version, so no cached page keeps the old numbers.
            if report.changed > 0 {
                try await db.raw("UPDATE change_counter SET version = version + 1 WHERE id = 1").run()
            }
            return report
        }
    }

    /// `recompute` inside a transaction the caller holds (a policy change and its recomputation are one).
    static func recompute(
        students: [Person.ID]?, in db: any SQLDatabase, flavor: SQLFlavor
    ) async throws
        -> RecomputeReport
    {
        if let students, students.isEmpty { return RecomputeReport(pairs: 0, events: 0, changed: 0) }
        let studentFilter = students.map { Set($0.map(\.rawValue)) }
        do {
            if flavor == .postgres { try await db.raw("LOCK TABLE evidence_events IN SHARE MODE").run() }
            let plan = try await Self.recomputePlan(db)
            // Only the students asked for, when a batch names them (`recomputeInBatches`).
            let onlyStudents: SQLQueryString =
                students.map { "WHERE student_id IN (\(binds: $0.map(\.rawValue)))" } ?? ""
            let existing = try await db.raw("SELECT * FROM mastery_records \(onlyStudents)").all()
                .map(Rows.masteryRecord)
            var current: [PairKey: MasteryRecord] = [:]
            current.reserveCapacity(existing.count)
            for record in existing {
                current[PairKey(record.studentID.rawValue, record.competencyID.rawValue)] = record
            }

            // Pairs with corrections or exclusions are folded from their full events; all others take the fast
            // path over (observed, sequence, score) alone.
            let onlyCorrectedStudents: SQLQueryString =
                students.map { "AND student_id IN (\(binds: $0.map(\.rawValue)))" } ?? ""
            let corrected = try await db.raw(
                """
                SELECT DISTINCT student_id, competency_id FROM evidence_events WHERE action <> 'record' \
                \(onlyCorrectedStudents)
                """
            ).all().map { PairKey(try $0.string("student_id"), try $0.string("competency_id")) }
            let folder = RecomputeFolder(plan: plan, studentFilter: studentFilter, corrected: Set(corrected))
            try await db.raw(
                """
                SELECT student_id, competency_id, sequence, action, observed_at, score \
                FROM evidence_events \(onlyStudents) ORDER BY student_id, competency_id, sequence
                """
            ).run { row in folder.consume(row) }
            var (computed, events) = try folder.finish()
            for pair in corrected where studentFilter?.contains(pair.student) ?? true {
                guard let (policy, scale) = plan.policy(student: pair.student, competency: pair.competency) else {
                    continue
                }
                let history = try await Self.events(
                    db, student: Identifier(pair.student), competency: Identifier(pair.competency))
                computed.append(
                    MasteryEngine.record(
                        studentID: Identifier(pair.student), competencyID: Identifier(pair.competency),
                        events: history, policy: policy, scale: scale))
            }
            var changes: [MasteryRecord] = []
            for record in computed {
                let key = PairKey(record.studentID.rawValue, record.competencyID.rawValue)
                if let old = current[key], old.sameResult(as: record) { continue }
                changes.append(record)
            }
            if !changes.isEmpty {
                try await Self.upsert(changes, db)
                // Derived records changed: noted, so caches of them (and readers of the log) know.
                try await Self.audit(
                    db, at: Date(), actor: "system:recompute", action: "mastery.recompute", student: nil,
                    subject: "mastery records", detail: "\(changes.count) changed", organization: nil)
            }
            return RecomputeReport(pairs: computed.count, events: events, changed: changes.count)
        }
    }

    /// Recomputes every student's records in batches of `batch` students, each its own short transaction, so a
    /// district-wide change (a framework's policy, a scale) never holds evidence writes for long: writes made
    /// meanwhile already use the new rule, and each batch reads everything committed before it. Afterwards
    /// `recompute` reports 0 changed.
    @discardableResult
    public func recomputeInBatches(batch: Int = 200) async throws -> RecomputeReport {
        let students = try await driver.withConnection { db in
            try await db.raw("SELECT DISTINCT student_id FROM evidence_events ORDER BY student_id").all()
                .map { Person.ID(try $0.string("student_id")) }
        }
        var total = RecomputeReport(pairs: 0, events: 0, changed: 0)
        var start = 0
        while start < students.count {
            let report = try await recompute(students: Array(students[start..<min(start + batch, students.count)]))
            total = RecomputeReport(
                pairs: total.pairs + report.pairs, events: total.events + report.events,
                changed: total.changed + report.changed)
            start += batch
        }
        return total
    }

    /// Reads every event with the plain full scan `recompute` is measured against (`masterly bench`).
    public func scanEvidence() async throws -> Int {
        try await driver.withConnection { db in
            try await db.raw(
                "SELECT sequence, id, action, student_id, competency_id, target_id, score, observed_at FROM evidence_events"
            ).all().count
        }
    }

    static func recomputePlan(_ db: any SQLDatabase) async throws -> RecomputePlan {
        let curriculum = try await curriculum(db, frameworks: nil)
        var contexts: [String: PolicyContext] = [:]
        for competency in curriculum.competencies {
            guard let framework = curriculum.framework(competency.frameworkID),
                let scale = curriculum.scales[framework.scaleID]
            else { continue }
            contexts[competency.id.rawValue] = PolicyContext(
                framework: framework, policy: framework.policy, scale: scale)
        }
        let overrides = try await sectionOverrides(db)
        let tracing = try await tracingParameters(db)
        return RecomputePlan(
            contexts: contexts, overrides: overrides,
            tracing: Dictionary(uniqueKeysWithValues: tracing.map { ($0.key.rawValue, $0.value) }))
    }
}

struct PairKey: Hashable {
    let student: String
    let competency: String
    init(_ student: String, _ competency: String) {
        self.student = student
        self.competency = competency
    }
}

/// Which policy and scale apply to each competency, and the section overrides per student and framework.
struct RecomputePlan: Sendable {
    let contexts: [String: PolicyContext]
    let overrides: [Person.ID: [SectionPolicyOverride]]
    let tracing: [String: BKTParameters]

    func policy(student: String, competency: String) -> (MasteryPolicy, ProficiencyScale)? {
        guard let context = contexts[competency] else { return nil }
        let policy = EffectivePolicy.policy(for: context.framework, overrides: overrides[Person.ID(student)] ?? [])
        return (policy.tracing(tracing[competency]), context.scale)
    }
}

extension PolicyContext: @unchecked Sendable {}

/// Folds the ordered event stream into records one student–competency group at a time. Rows arrive serially
/// from one query, so the mutable state is never shared between threads.
final class RecomputeFolder: @unchecked Sendable {
    private let plan: RecomputePlan
    private let studentFilter: Set<String>?
    private let corrected: Set<PairKey>
    private var group: [(observed: Double, sequence: Int, score: Double?)] = []
    private var groupKey: PairKey?
    private var records: [MasteryRecord] = []
    private var scores: [Double] = []
    private var events = 0
    private var failure: (any Error)?
    private var methodNames: [MasteryPolicy: String] = [:]

    init(plan: RecomputePlan, studentFilter: Set<String>?, corrected: Set<PairKey>) {
        self.plan = plan
        self.studentFilter = studentFilter
        self.corrected = corrected
    }

    func consume(_ row: any SQLRow) {
        guard failure == nil else { return }
        do {
            let student = try row.string("student_id")
            if let studentFilter, !studentFilter.contains(student) { return }
            let competency = try row.string("competency_id")
            if groupKey == nil || groupKey!.student != student || groupKey!.competency != competency {
                flush()
                groupKey = PairKey(student, competency)
            }
            events += 1
            group.append((try row.double("observed_at"), try row.int("sequence"), try row.optionalDouble("score")))
        } catch {
            failure = error
        }
    }

    private func flush() {
        guard let key = groupKey, !group.isEmpty else { return }
        defer { group.removeAll(keepingCapacity: true) }
        guard !corrected.contains(key),
            let (policy, scale) = plan.policy(student: key.student, competency: key.competency)
        else { return }
        // Calculation order: observation time, ties by the order recorded (rows come in recorded order).
        if zip(group, group.dropFirst()).contains(where: { $0.observed > $1.observed }) {
            group.sort { $0.observed != $1.observed ? $0.observed < $1.observed : $0.sequence < $1.sequence }
        }
        scores.removeAll(keepingCapacity: true)
        for piece in group { if let score = piece.score { scores.append(score) } }
        let computed = MasteryCalculator.value(of: scores, method: policy.method, scale: scale.calculationScale)
        let shown = scores.count >= policy.minimumEvidence ? computed : nil
        let method = methodNames[policy] ?? policy.method.summary
        methodNames[policy] = method
        records.append(
            MasteryRecord(
                studentID: Identifier(key.student), competencyID: Identifier(key.competency),
                status: shown == nil ? .notEnoughEvidence : .assessed, value: shown,
                levelValue: policy.method.isProbability ? nil : shown.map { scale.level(for: $0).value },
                mastered: shown.map { policy.isMastered($0, scale: scale) } ?? false,
                evidenceCount: scores.count,
                lastObservedAt: Date(timeIntervalSince1970: group[group.count - 1].observed),
                method: method))
    }

    func finish() throws -> ([MasteryRecord], Int) {
        if let failure { throw failure }
        flush()
        return (records, events)
    }
}

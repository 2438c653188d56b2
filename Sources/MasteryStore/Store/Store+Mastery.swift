import Foundation
import MasteryCore
import SQLKit

/// The policy and scale that decide one competency's records.
struct PolicyContext {
    let framework: Framework
    let policy: MasteryPolicy
    let scale: ProficiencyScale
}

/// Mastery records: reading them, and the policy that computes them.
extension Store {
    static let recordColumns = [
        "student_id", "competency_id", "status", "value", "level_value", "mastered", "evidence_count",
        "last_observed_at", "method",
    ]

    /// The policy and scale for a student on a competency, by `EffectivePolicy`'s rule.
    static func policyContext(
        _ db: any SQLDatabase, student: Person.ID, competency: Competency.ID
    ) async throws
        -> PolicyContext
    {
        guard
            let row = try await db.raw(
                """
                SELECT frameworks.*, scales.id AS s_id, scales.name AS s_name, scales.levels_json AS s_levels,
                scales.mastery_threshold AS s_threshold FROM competencies
                JOIN frameworks ON frameworks.id = competencies.framework_id
                JOIN scales ON scales.id = frameworks.scale_id
                WHERE competencies.id = \(bind: competency.rawValue)
                """
            ).first()
        else { throw StoreError.notFound(kind: "competency", id: competency.rawValue) }
        let framework = try Rows.framework(row)
        let scale = try ProficiencyScale(
            id: try row.id("s_id"), name: try row.string("s_name"),
            levels: try JSONText.decode([ProficiencyLevel].self, try row.string("s_levels")),
            masteryThreshold: try row.double("s_threshold"))
        let overrides = try await sectionOverrides(db, student: student)[student] ?? []
        var policy = EffectivePolicy.policy(for: framework, overrides: overrides)
        if policy.method.isProbability {
            let row = try await db.raw(
                "SELECT * FROM tracing_parameters WHERE competency_id = \(bind: competency.rawValue)"
            ).first()
            policy = policy.tracing(
                try row.map {
                    BKTParameters(
                        prior: try $0.double("prior"), learn: try $0.double("learn"), guess: try $0.double("guess"),
                        slip: try $0.double("slip"), forget: try $0.double("forget"))
                })
        }
        return PolicyContext(framework: framework, policy: policy, scale: scale)
    }

    /// The section overrides that bear on each student (or on one): a row per section with an override the
    /// student is enrolled in, and per framework its course uses. `EffectivePolicy` chooses among them.
    static func sectionOverrides(
        _ db: any SQLDatabase, student: Person.ID? = nil
    ) async throws -> [Person.ID:
        [SectionPolicyOverride]]
    {
        let filter: SQLQueryString = student.map { "AND enrollments.person_id = \(bind: $0.rawValue)" } ?? ""
        let rows = try await db.raw(
            """
            SELECT enrollments.person_id, sections.id AS section_id, course_frameworks.framework_id,
            sections.policy_json FROM sections
            JOIN enrollments ON enrollments.section_id = sections.id
            JOIN course_frameworks ON course_frameworks.course_id = sections.course_id
            WHERE enrollments.role = 'student' AND sections.policy_json IS NOT NULL \(filter)
            """
        ).all()
        var overrides: [Person.ID: [SectionPolicyOverride]] = [:]
        for row in rows {
            overrides[try row.id("person_id"), default: []].append(
                SectionPolicyOverride(
                    sectionID: try row.id("section_id"), frameworkID: try row.id("framework_id"),
                    policy: try JSONText.decode(MasteryPolicy.self, try row.string("policy_json"))))
        }
        return overrides
    }

    /// A student's effective policy on each framework of `curriculum` (for the growth chart).
    public func effectivePolicies(
        student: Person.ID, in curriculum: Curriculum
    ) async throws -> [Framework.ID:
        MasteryPolicy]
    {
        let overrides = try await driver.withConnection { db in try await Self.sectionOverrides(db, student: student) }
        return EffectivePolicy.policies(in: curriculum, overrides: overrides[student] ?? [])
    }

    static func recordRow(_ r: MasteryRecord) -> [SQLValue] {
        [
            r.studentID.rawValue, r.competencyID.rawValue, r.status.rawValue, r.value, r.levelValue, r.mastered,
            r.evidenceCount, r.lastObservedAt?.timeIntervalSince1970, r.method,
        ]
    }

    /// Inserts or replaces records.
    static func upsert(_ records: [MasteryRecord], _ db: any SQLDatabase) async throws {
        let batch = 400
        var start = 0
        while start < records.count {
            let slice = records[start..<min(start + batch, records.count)]
            var builder = db.insert(into: "mastery_records").columns(recordColumns)
            for record in slice { builder = builder.values(recordRow(record)) }
            builder = builder.onConflict(with: ["student_id", "competency_id"]) { update in
                var update = update
                for column in recordColumns.dropFirst(2) { update = update.set(excludedValueOf: column) }
                return update
            }
            try await builder.run()
            start += batch
        }
    }

    /// Records of the given students on the given competencies (missing pairs have no evidence yet).
    public func records(
        students: [Person.ID], competencies: [Competency.ID]
    ) async throws
        -> [Person.ID: [Competency.ID: MasteryRecord]]
    {
        guard !students.isEmpty, !competencies.isEmpty else { return [:] }
        // A gradebook page reads thousands of these: by position, not through SQLKit's per-value decoding.
        let rows = try await driver.withConnection { db in
            try await db.plainRows(
                """
                SELECT \(unsafeRaw: Rows.masteryRecordColumns.map(\.name).joined(separator: ", ")) \
                FROM mastery_records WHERE student_id IN (\(binds: students.map(\.rawValue))) \
                AND competency_id IN (\(binds: competencies.map(\.rawValue)))
                """, columns: Rows.masteryRecordColumns
            ).map(Rows.masteryRecord)
        }
        var result: [Person.ID: [Competency.ID: MasteryRecord]] = [:]
        for record in rows { result[record.studentID, default: [:]][record.competencyID] = record }
        return result
    }

    /// Every record of one student.
    public func records(student: Person.ID) async throws -> [Competency.ID: MasteryRecord] {
        let rows = try await driver.withConnection { db in
            try await db.raw("SELECT * FROM mastery_records WHERE student_id = \(bind: student.rawValue)").all()
                .map(Rows.masteryRecord)
        }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.competencyID, $0) })
    }

    /// The policy in force for a student on a competency, with its scale.
    public func policy(
        student: Person.ID, competency: Competency.ID
    ) async throws
        -> (policy: MasteryPolicy, scale: ProficiencyScale)
    {
        let context = try await driver.withConnection { db in
            try await Self.policyContext(db, student: student, competency: competency)
        }
        return (context.policy, context.scale)
    }
}

import Foundation
import MasteryCore
import SQLKit

/// Turns database rows into Core values.
extension SQLRow {
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    // Null first, then the plain type: SQLite decodes plain types directly but optionals through `Decoder`.
    func optionalString(_ column: String) throws -> String? {
        try decodeNil(column: column) ? nil : decode(column: column, as: String.self)
    }
    func int(_ column: String) throws -> Int { try decode(column: column, as: Int.self) }
    func double(_ column: String) throws -> Double { try decode(column: column, as: Double.self) }
    func optionalDouble(_ column: String) throws -> Double? {
        try decodeNil(column: column) ? nil : decode(column: column, as: Double.self)
    }
    func date(_ column: String) throws -> Date { Date(timeIntervalSince1970: try double(column)) }
    func optionalDate(_ column: String) throws -> Date? {
        try optionalDouble(column).map { Date(timeIntervalSince1970: $0) }
    }
    func bool(_ column: String) throws -> Bool {
        if let value = try? decode(column: column, as: Bool.self) { return value }
        return try decode(column: column, as: Int.self) != 0
    }
    func id<T>(_ column: String) throws -> Identifier<T> { Identifier(try string(column)) }
    func optionalID<T>(_ column: String) throws -> Identifier<T>? {
        try optionalString(column).map { Identifier(rawValue: $0) }
    }
}

enum Rows {
    static func organization(_ row: any SQLRow) throws -> Organization {
        var organization = Organization(
            id: try row.id("id"), kind: Organization.Kind(rawValue: try row.string("kind")) ?? .school,
            name: try row.string("name"), parentID: try row.optionalID("parent_id"),
            sourcedID: try row.optionalString("sourced_id"))
        organization.teachersChooseFrameworks =
            ((try? row.decode(column: "teachers_choose_frameworks", as: Int.self)) ?? 0) == 1
        return organization
    }

    static func person(_ row: any SQLRow) throws -> Person {
        var person = Person(
            id: try row.id("id"), role: Role(rawValue: try row.string("role")) ?? .student,
            givenName: try row.string("given_name"), familyName: try row.string("family_name"),
            username: try row.optionalString("username"), organizationID: try row.id("organization_id"),
            gradeLevel: try row.optionalString("grade_level"), sourcedID: try row.optionalString("sourced_id"),
            isActive: (try? row.bool("active")) ?? true)
        person.language = (try? row.optionalString("language")) ?? nil
        return person
    }

    static func section(_ row: any SQLRow) throws -> Section {
        Section(
            id: try row.id("id"), courseID: try row.id("course_id"), schoolID: try row.id("school_id"),
            name: try row.string("name"), term: try row.string("term"),
            policyOverride: try row.optionalString("policy_json").map { try JSONText.decode(MasteryPolicy.self, $0) },
            sourcedID: try row.optionalString("sourced_id"), endsOn: try? row.optionalString("ends_on"))
    }

    static func scale(_ row: any SQLRow) throws -> ProficiencyScale {
        try ProficiencyScale(
            id: try row.id("id"), name: try row.string("name"),
            levels: try JSONText.decode([ProficiencyLevel].self, try row.string("levels_json")),
            masteryThreshold: try row.double("mastery_threshold"))
    }

    static func framework(_ row: any SQLRow) throws -> Framework {
        Framework(
            id: try row.id("id"), code: try row.string("code"), title: try row.string("title"),
            scaleID: try row.id("scale_id"),
            policy: try JSONText.decode(MasteryPolicy.self, try row.string("policy_json")),
            rollupRule: try JSONText.decode(RollupRule.self, try row.string("rollup_json")),
            sourceIdentifier: try row.optionalString("source_identifier"))
    }

    static func strand(_ row: any SQLRow) throws -> Strand {
        Strand(
            id: try row.id("id"), frameworkID: try row.id("framework_id"), code: try row.string("code"),
            title: try row.string("title"), position: try row.int("position"),
            sourceIdentifier: try row.optionalString("source_identifier"))
    }

    static func competency(_ row: any SQLRow) throws -> Competency {
        Competency(
            id: try row.id("id"), frameworkID: try row.id("framework_id"), strandID: try row.id("strand_id"),
            parentID: try row.optionalID("parent_id"), code: try row.string("code"), title: try row.string("title"),
            kind: CompetencyKind(rawValue: try row.string("kind")) ?? .academic, position: try row.int("position"),
            sourceIdentifier: try row.optionalString("source_identifier"))
    }

    static func evidenceEvent(_ row: any SQLRow) throws -> EvidenceEvent {
        EvidenceEvent(
            id: try row.id("id"), sequence: Int64(try row.int("sequence")),
            action: EvidenceEvent.Action(rawValue: try row.string("action")) ?? .record,
            studentID: try row.id("student_id"), competencyID: try row.id("competency_id"),
            targetID: try row.optionalID("target_id"), score: try row.optionalDouble("score"),
            observedAt: try row.date("observed_at"), recordedAt: try row.date("recorded_at"),
            recordedBy: try row.id("recorded_by"),
            source: EvidenceSource(rawValue: try row.string("source")) ?? .manual,
            sectionID: try row.optionalID("section_id"), taskID: try row.optionalID("task_id"),
            criterionID: try row.optionalID("criterion_id"), comment: try row.optionalString("comment"),
            reason: try row.optionalString("reason"))
    }

    static func masteryRecord(_ row: any SQLRow) throws -> MasteryRecord {
        MasteryRecord(
            studentID: try row.id("student_id"), competencyID: try row.id("competency_id"),
            status: MasteryStatus(rawValue: try row.string("status")) ?? .notEnoughEvidence,
            value: try row.optionalDouble("value"), levelValue: try row.optionalDouble("level_value"),
            mastered: try row.bool("mastered"), evidenceCount: try row.int("evidence_count"),
            lastObservedAt: try row.optionalDate("last_observed_at"), method: try row.string("method"))
    }

    /// The columns `masteryRecord(_ values:)` reads, in order.
    static let masteryRecordColumns: [(name: String, kind: PlainKind)] = [
        ("student_id", .text), ("competency_id", .text), ("status", .text), ("value", .real), ("level_value", .real),
        ("mastered", .bool), ("evidence_count", .integer), ("last_observed_at", .real), ("method", .text),
    ]

    /// A record from the values of `masteryRecordColumns`, in order.
    static func masteryRecord(_ values: [PlainValue]) throws -> MasteryRecord {
        guard values.count == masteryRecordColumns.count, let student = values[0].string,
            let competency = values[1].string, let status = values[2].string, let method = values[8].string
        else { throw StoreError.invalid("a mastery record row is incomplete") }
        return MasteryRecord(
            studentID: Person.ID(student), competencyID: Competency.ID(competency),
            status: MasteryStatus(rawValue: status) ?? .notEnoughEvidence, value: values[3].double,
            levelValue: values[4].double, mastered: values[5].bool ?? false, evidenceCount: values[6].int ?? 0,
            lastObservedAt: values[7].double.map { Date(timeIntervalSince1970: $0) }, method: method)
    }
}

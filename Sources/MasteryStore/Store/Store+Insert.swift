import Foundation
import MasteryCore
import SQLKit

/// Writing a whole school at once.
extension Store {
    /// Writes `data` in one transaction (nothing is written if any of it is refused), then builds the mastery
    /// records from the evidence.
    public func insert(_ data: SchoolData) async throws {
        try await driver.withTransaction { db in
            try await db.insertRows(
                "organizations", columns: Self.organizationColumns,
                rows: Self.parentsFirst(data.organizations).map(Self.organizationRow))
            try await db.insertRows("people", columns: Self.personColumns, rows: data.people.map(Self.personRow))
            try await db.insertRows(
                "credentials", columns: ["person_id", "password_hash"],
                rows: data.passwordHashes.sorted { $0.key < $1.key }.map { [$0.key.rawValue, $0.value] })
            try await db.insertRows(
                "guardian_links", columns: ["guardian_id", "student_id"],
                rows: data.guardianLinks.map { [$0.guardianID.rawValue, $0.studentID.rawValue] })
            try await db.insertRows(
                "scales", columns: ["id", "name", "mastery_threshold", "levels_json"],
                rows: try data.scales.map {
                    [$0.id.rawValue, $0.name, $0.masteryThreshold, try JSONText.encode($0.levels)]
                })
            try await db.insertRows(
                "frameworks",
                columns: ["id", "code", "title", "scale_id", "policy_json", "rollup_json", "source_identifier"],
                rows: try data.frameworks.map {
                    [
                        $0.id.rawValue, $0.code, $0.title, $0.scaleID.rawValue, try JSONText.encode($0.policy),
                        try JSONText.encode($0.rollupRule), $0.sourceIdentifier,
                    ]
                })
            try await db.insertRows(
                "strands", columns: ["id", "framework_id", "code", "title", "position", "source_identifier"],
                rows: data.strands.map {
                    [$0.id.rawValue, $0.frameworkID.rawValue, $0.code, $0.title, $0.position, $0.sourceIdentifier]
                })
            try await db.insertRows(
                "competencies",
                columns: [
                    "id", "framework_id", "strand_id", "parent_id", "code", "title", "kind", "position",
                    "source_identifier",
                ],
                rows: Self.parentsFirst(data.competencies).map {
                    [
                        $0.id.rawValue, $0.frameworkID.rawValue, $0.strandID.rawValue, $0.parentID?.rawValue, $0.code,
                        $0.title, $0.kind.rawValue, $0.position, $0.sourceIdentifier,
                    ]
                })
            if let admin = data.people.first(where: { $0.role == .admin }) {
                try await db.insertRows(
                    "grading_periods",
                    columns: ["id", "title", "kind", "starts_on", "ends_on", "created_by", "created_at"],
                    rows: data.gradingPeriods.map {
                        [
                            $0.id.rawValue, $0.title, $0.kind, $0.startsOn, $0.endsOn, admin.id.rawValue,
                            Date().timeIntervalSince1970,
                        ]
                    })
            }
            try await db.insertRows(
                "performance_indicators", columns: ["competency_id", "level_value", "text"],
                rows: data.indicators.map { [$0.competencyID.rawValue, $0.levelValue, $0.text] })
            try await db.insertRows(
                "tasks", columns: ["id", "framework_id", "title", "details"],
                rows: data.tasks.map { [$0.id.rawValue, $0.frameworkID.rawValue, $0.title, $0.details] })
            try await db.insertRows(
                "rubric_criteria",
                columns: ["id", "task_id", "competency_id", "title", "position", "descriptors_json"],
                rows: try data.tasks.flatMap { task in
                    try task.criteria.map {
                        [
                            $0.id.rawValue, task.id.rawValue, $0.competencyID.rawValue, $0.title, $0.position,
                            try JSONText.encode($0.descriptors),
                        ]
                    }
                })
            try await db.insertRows(
                "competency_prerequisites", columns: ["prerequisite_id", "competency_id"],
                rows: data.prerequisites.map { [$0.prerequisite.rawValue, $0.competency.rawValue] })
            try await db.insertRows(
                "courses", columns: ["id", "school_id", "code", "title", "sourced_id"],
                rows: data.courses.map { [$0.id.rawValue, $0.schoolID.rawValue, $0.code, $0.title, $0.sourcedID] })
            try await db.insertRows(
                "course_frameworks", columns: ["course_id", "framework_id", "position"],
                rows: data.courses.flatMap { course in
                    course.frameworkIDs.enumerated().map { [course.id.rawValue, $1.rawValue, $0] }
                })
            try await db.insertRows(
                "sections", columns: Self.sectionColumns, rows: try data.sections.map(Self.sectionRow))
            try await Self.write(data.pathways, db)
            try await Self.write(data.playlists, db)
            try await db.insertRows(
                "enrollments", columns: ["section_id", "person_id", "role"],
                rows: data.enrollments.map { [$0.sectionID.rawValue, $0.personID.rawValue, $0.role.rawValue] })
            for event in data.evidence where event.action != .record {
                throw StoreError.invalid("bulk evidence must be new records; \(event.id) is a \(event.action.rawValue)")
            }
            try await db.insertRows(
                "evidence_events", columns: Self.eventColumns,
                rows: data.evidence.sorted { $0.sequence < $1.sequence }.map(Self.eventRow))
        }
        _ = try await recompute()
    }

    /// Organizations or competencies ordered so that a parent comes before its children.
    static func parentsFirst<T: Identifiable>(_ items: [T]) -> [T] where T.ID: Hashable {
        func parent(_ item: T) -> T.ID? {
            if let organization = item as? Organization { return organization.parentID as? T.ID }
            if let competency = item as? Competency { return competency.parentID as? T.ID }
            return nil
        }
        var placed = Set<T.ID>()
        var ordered: [T] = []
        var pending = items
        while !pending.isEmpty {
            let before = pending.count
            pending.removeAll { item in
                guard parent(item).map(placed.contains) ?? true else { return false }
                placed.insert(item.id)
                ordered.append(item)
                return true
            }
            if pending.count == before {
                ordered.append(contentsOf: pending)
                break
            }
        }
        return ordered
    }
}

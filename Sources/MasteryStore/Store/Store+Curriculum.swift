import Foundation
import MasteryCore
import SQLKit

/// Scales, frameworks, strands, competencies, indicators and tasks.
extension Store {
    public func scale(_ id: ProficiencyScale.ID) async throws -> ProficiencyScale? {
        try await driver.withConnection { db in
            try await db.raw("SELECT * FROM scales WHERE id = \(bind: id.rawValue)").first().map(Rows.scale)
        }
    }

    public func frameworks() async throws -> [Framework] {
        try await driver.withConnection { db in
            try await db.raw("SELECT * FROM frameworks ORDER BY code").all().map(Rows.framework)
        }
    }

    /// The frameworks with their scales, strands, competencies and indicators; all of them when `ids` is nil.
    public func curriculum(frameworks ids: [Framework.ID]? = nil) async throws -> Curriculum {
        try await driver.withConnection { db in try await Self.curriculum(db, frameworks: ids) }
    }

    /// The curriculum of a course: the frameworks it uses, in the course's order, limited to the strands it
    /// keeps.
    public func curriculum(course courseID: Course.ID) async throws -> Curriculum {
        let (ids, strands) = try await driver.withConnection { db in
            (
                try await db.raw(
                    "SELECT framework_id FROM course_frameworks WHERE course_id = \(bind: courseID.rawValue) ORDER BY position"
                ).all().map { Framework.ID(try $0.string("framework_id")) },
                try await db.raw("SELECT strand_id FROM course_strands WHERE course_id = \(bind: courseID.rawValue)")
                    .all().map { Strand.ID(try $0.string("strand_id")) }
            )
        }
        return try await curriculum(frameworks: ids).limited(toStrands: Set(strands))
    }

    static func curriculum(_ db: any SQLDatabase, frameworks ids: [Framework.ID]?) async throws -> Curriculum {
        var frameworks = try await db.raw("SELECT * FROM frameworks").all().map(Rows.framework)
        if let ids {
            frameworks = ids.compactMap { id in frameworks.first { $0.id == id } }
        } else {
            frameworks.sort { $0.code < $1.code }
        }
        guard !frameworks.isEmpty else { return .empty }
        let frameworkIDs = frameworks.map(\.id.rawValue)
        let order = Dictionary(uniqueKeysWithValues: frameworks.enumerated().map { ($1.id, $0) })
        let scales = try await db.select().column("*").from("scales")
            .where("id", .in, Array(Set(frameworks.map(\.scaleID.rawValue)))).all().map(Rows.scale)
        let strands = try await db.select().column("*").from("strands").where("framework_id", .in, frameworkIDs)
            .where("retired", .equal, 0).all().map(Rows.strand)
            .sorted { (order[$0.frameworkID]!, $0.position) < (order[$1.frameworkID]!, $1.position) }
        let strandOrder = Dictionary(uniqueKeysWithValues: strands.enumerated().map { ($1.id, $0) })
        let competencies = Self.treeOrder(
            try await db.select().column("*").from("competencies")
                .where("framework_id", .in, frameworkIDs).where("retired", .equal, 0).all().map(Rows.competency),
            strandOrder: strandOrder)
        let indicatorRows = try await db.raw(
            """
            SELECT performance_indicators.* FROM performance_indicators
            JOIN competencies ON competencies.id = performance_indicators.competency_id
            WHERE competencies.framework_id IN (\(binds: frameworkIDs))
            """
        ).all()
        var indicators: [Competency.ID: [PerformanceIndicator]] = [:]
        for row in indicatorRows {
            let indicator = PerformanceIndicator(
                competencyID: try row.id("competency_id"), levelValue: try row.double("level_value"),
                text: try row.string("text"))
            indicators[indicator.competencyID, default: []].append(indicator)
        }
        for key in indicators.keys { indicators[key]!.sort { $0.levelValue < $1.levelValue } }
        return Curriculum(
            frameworks: frameworks, scales: Dictionary(uniqueKeysWithValues: scales.map { ($0.id, $0) }),
            strands: strands, competencies: competencies, indicators: indicators)
    }

    /// Competencies in reading order: by strand, then each competency followed by its children (by position,
    /// then id, so every database gives the same order).
    static func treeOrder(_ competencies: [Competency], strandOrder: [Strand.ID: Int]) -> [Competency] {
        let ids = Set(competencies.map(\.id))
        let children = Dictionary(grouping: competencies) { $0.parentID.flatMap { ids.contains($0) ? $0 : nil } }
        func sorted(_ nodes: [Competency]) -> [Competency] {
            nodes.sorted {
                (strandOrder[$0.strandID] ?? 0, $0.position, $0.id.rawValue)
                    < (strandOrder[$1.strandID] ?? 0, $1.position, $1.id.rawValue)
            }
        }
        var result: [Competency] = []
        func visit(_ node: Competency) {
            result.append(node)
            for child in sorted(children[node.id] ?? []) { visit(child) }
        }
        for root in sorted(children[nil] ?? []) { visit(root) }
        return result
    }

    /// The schools whose courses use a framework.
    public func schools(usingFramework framework: Framework.ID) async throws -> Set<Organization.ID> {
        try await driver.withConnection { db in
            Set(
                try await db.raw(
                    """
                    SELECT DISTINCT courses.school_id FROM course_frameworks \
                    JOIN courses ON courses.id = course_frameworks.course_id \
                    WHERE course_frameworks.framework_id = \(bind: framework.rawValue)
                    """
                ).all().map { try $0.id("school_id") })
        }
    }

    public func tasks(framework frameworkID: Framework.ID) async throws -> [PerformanceTask] {
        try await driver.withConnection { db in try await Self.tasks(framework: frameworkID, in: db) }
    }

    static func tasks(framework frameworkID: Framework.ID, in db: any SQLDatabase) async throws -> [PerformanceTask] {
        let tasks = try await db.raw(
            "SELECT * FROM tasks WHERE framework_id = \(bind: frameworkID.rawValue) ORDER BY title, id"
        ).all()
        var result: [PerformanceTask] = []
        for row in tasks {
            let id: PerformanceTask.ID = try row.id("id")
            let criteria = try await db.raw(
                "SELECT * FROM rubric_criteria WHERE task_id = \(bind: id.rawValue) ORDER BY position"
            ).all().map { row in
                RubricCriterion(
                    id: try row.id("id"), title: try row.string("title"), competencyID: try row.id("competency_id"),
                    position: try row.int("position"),
                    descriptors: try JSONText.decode(
                        [RubricCriterion.Descriptor].self, try row.string("descriptors_json")),
                    sourceIdentifier: try row.optionalString("source_identifier"))
            }
            result.append(
                PerformanceTask(
                    id: id, frameworkID: frameworkID, title: try row.string("title"),
                    details: try row.string("details"), criteria: criteria,
                    sourceIdentifier: try row.optionalString("source_identifier")))
        }
        return result
    }
}

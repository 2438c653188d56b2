import Foundation
import MasteryCore
import SQLKit

/// One application of a `FrameworkPackage` inside a transaction.
struct FrameworkApplier {
    let db: any SQLDatabase
    let package: FrameworkPackage
    let source: String
    var lines: [ImportSummary.Line] = []

    init(db: any SQLDatabase, package: FrameworkPackage, source: String) {
        self.db = db
        self.package = package
        self.source = source.lowercased()
    }

    static let defaultLevels = [
        ProficiencyLevel(value: 1, label: "Beginning", colour: "#fde2e1"),
        ProficiencyLevel(value: 2, label: "Developing", colour: "#fff1c2"),
        ProficiencyLevel(value: 3, label: "Proficient", colour: "#d7f0dc"),
        ProficiencyLevel(value: 4, label: "Extending", colour: "#d6e6ff"),
    ]

    mutating func run() async throws -> String {
        var frameworkLine = ImportSummary.Line(kind: "frameworks")
        let frameworkID = try await upsertFramework(&frameworkLine)
        var strands = ImportSummary.Line(kind: "strands")
        var competencies = ImportSummary.Line(kind: "competencies")
        let strandIDs = try await upsertNodes(
            package.strands, table: "strands", prefix: "str", frameworkID: frameworkID, line: &strands)
        let competencyIDs = try await upsertNodes(
            package.competencies, table: "competencies", prefix: "cmp", frameworkID: frameworkID,
            strandIDs: strandIDs, line: &competencies)
        var prerequisites = ImportSummary.Line(kind: "prerequisites")
        try await replacePrerequisites(competencyIDs, frameworkID: frameworkID, line: &prerequisites)
        var links = ImportSummary.Line(kind: "links")
        try await replaceLinks(frameworkID: frameworkID, line: &links)
        lines = [frameworkLine, strands, competencies, prerequisites, links]
        if !package.rubrics.isEmpty {
            var tasks = ImportSummary.Line(kind: "tasks")
            try await upsertRubrics(competencyIDs: competencyIDs, frameworkID: frameworkID, line: &tasks)
            lines.append(tasks)
        }
        return frameworkID
    }

    mutating func upsertFramework(_ line: inout ImportSummary.Line) async throws -> String {
        let levels = package.levels ?? Self.defaultLevels
        let threshold =
            package.masteryThreshold ?? (levels.count >= 3 ? levels[levels.count - 2].value : levels.last!.value)
        let scale = try ProficiencyScale(
            id: .init(Store.importedID("scale", source)), name: "\(package.title) scale", levels: levels,
            masteryThreshold: threshold)
        guard let row = try await db.raw("SELECT * FROM frameworks WHERE source_identifier = \(bind: source)").first()
        else {
            let id = Store.importedID("fw", source)
            try await db.insertRows(
                "scales", columns: ["id", "name", "mastery_threshold", "levels_json"],
                rows: [[scale.id.rawValue, scale.name, scale.masteryThreshold, try JSONText.encode(scale.levels)]])
            try await db.insertRows(
                "frameworks",
                columns: [
                    "id", "code", "title", "scale_id", "policy_json", "rollup_json", "source_identifier",
                    "details_json",
                ],
                rows: [
                    [
                        id, package.code, package.title, scale.id.rawValue, try JSONText.encode(MasteryPolicy.standard),
                        try JSONText.encode(RollupRule.meanOfChildren), source, package.details,
                    ]
                ])
            line.created += 1
            return id
        }
        let framework = try Rows.framework(row)
        var changed = false
        let storedDetails = try row.optionalString("details_json")
        if framework.title != package.title || storedDetails != package.details {
            try await db.raw(
                """
                UPDATE frameworks SET title = \(bind: package.title), details_json = \(bind: package.details) \
                WHERE id = \(bind: framework.id.rawValue)
                """
            ).run()
            changed = true
        }
        if package.levels != nil,
            let stored = try await db.raw("SELECT * FROM scales WHERE id = \(bind: framework.scaleID.rawValue)").first()
                .map(Rows.scale),
            stored.levels.map({ [$0.value, $0.label] as [AnyHashable] }) != levels.map({ [$0.value, $0.label] })
                || stored.masteryThreshold != threshold
        {
            try await db.raw(
                """
                UPDATE scales SET levels_json = \(bind: try JSONText.encode(levels)), \
                mastery_threshold = \(bind: threshold) WHERE id = \(bind: framework.scaleID.rawValue)
                """
            ).run()
            changed = true
        }
        if changed { line.updated += 1 } else { line.unchanged += 1 }
        return framework.id.rawValue
    }

    /// Upserts strands (without `strandIDs`) or competencies; returns node key → Masterly id for every node
    /// of the framework. Nodes from this source that the package no longer has are retired.
    mutating func upsertNodes(
        _ nodes: [FrameworkPackage.Node], table: String, prefix: String, frameworkID: String,
        strandIDs: [String: String]? = nil, line: inout ImportSummary.Line
    ) async throws -> [String: String] {
        let rows = try await db.raw("SELECT * FROM \(unsafeRaw: table) WHERE framework_id = \(bind: frameworkID)").all()
        var existing: [String: any SQLRow] = [:]
        var ids: [String: String] = [:]
        for row in rows {
            let id = try row.string("id")
            let key = try row.optionalString("source_identifier") ?? id
            existing[key] = row
            ids[key] = id
        }
        var seen: Set<String> = []
        for node in nodes {
            let key = node.key
            seen.insert(key)
            var values: [String: SQLValue] = [
                "code": node.code, "title": node.title, "position": node.position, "details_json": node.details,
                "retired": 0,
            ]
            if let strandIDs {
                guard let strandKey = node.strandKey, let strandID = strandIDs[strandKey] else {
                    throw StoreError.invalid("competency '\(node.code)' has no strand in the framework")
                }
                values["strand_id"] = strandID
                values["parent_id"] = node.parentKey.flatMap { ids[$0] } as SQLValue
                values["kind"] = node.kind.rawValue
            }
            if let row = existing[key] {
                if try same(row, values) {
                    line.unchanged += 1
                    continue
                }
                var update = db.update(table).where("id", .equal, try row.string("id"))
                for (column, value) in values.sorted(by: { $0.key < $1.key }) { update = update.set(column, to: value) }
                try await update.run()
                line.updated += 1
            } else {
                let id = Store.importedID(prefix, "\(source):\(key)")
                ids[key] = id
                let columns = ["id", "framework_id", "source_identifier"] + values.keys.sorted()
                let row: [SQLValue] =
                    [id, frameworkID, node.sourceIdentifier] + values.keys.sorted().map { values[$0]! }
                try await db.insertRows(table, columns: columns, rows: [row])
                line.created += 1
            }
        }
        for (key, row) in existing where !seen.contains(key) {
            guard try row.optionalString("source_identifier") != nil, try !row.bool("retired") else { continue }
            try await db.raw("UPDATE \(unsafeRaw: table) SET retired = 1 WHERE id = \(bind: try row.string("id"))")
                .run()
            line.removed += 1
        }
        return ids
    }

    func same(_ row: any SQLRow, _ values: [String: SQLValue]) throws -> Bool {
        for (column, value) in values {
            switch value {
            case let text as String: if try row.optionalString(column) != text { return false }
            case let number as Int:
                if column == "retired" {
                    if try row.bool(column) != (number != 0) { return false }
                } else if try row.int(column) != number {
                    return false
                }
            case let optional as String?: if try row.optionalString(column) != optional { return false }
            default: return false
            }
        }
        return true
    }

    mutating func replacePrerequisites(
        _ ids: [String: String], frameworkID: String, line: inout ImportSummary.Line
    ) async throws {
        let rows = try await db.raw(
            """
            SELECT competency_prerequisites.* FROM competency_prerequisites
            JOIN competencies ON competencies.id = competency_prerequisites.competency_id
            WHERE competencies.framework_id = \(bind: frameworkID)
            """
        ).all()
        let existing = Set(try rows.map { [try $0.string("prerequisite_id"), try $0.string("competency_id")] })
        let wanted = Set(
            package.prerequisites.compactMap { edge -> [String]? in
                guard let from = ids[edge.prerequisite], let to = ids[edge.competency] else { return nil }
                return [from, to]
            })
        let graph = PrerequisiteGraph(edges: wanted.map { ($0[0], $0[1]) })
        if let cycle = graph.cycle(order: wanted.map { $0[0] }.sorted()) {
            throw StoreError.invalid("the prerequisites form a cycle: \(cycle.joined(separator: " → "))")
        }
        for pair in existing.subtracting(wanted) {
            try await db.raw(
                """
                DELETE FROM competency_prerequisites WHERE prerequisite_id = \(bind: pair[0]) \
                AND competency_id = \(bind: pair[1])
                """
            ).run()
            line.removed += 1
        }
        let added = wanted.subtracting(existing).sorted { $0.joined() < $1.joined() }
        try await db.insertRows(
            "competency_prerequisites", columns: ["prerequisite_id", "competency_id"], rows: added.map { $0 })
        line.created += added.count
        line.unchanged += wanted.intersection(existing).count
    }

    mutating func replaceLinks(frameworkID: String, line: inout ImportSummary.Line) async throws {
        let rows = try await db.raw(
            "SELECT * FROM framework_links WHERE framework_id = \(bind: frameworkID) ORDER BY position"
        ).all()
        var existing: [String: [String?]] = [:]
        for row in rows {
            existing[try row.string("identifier")] = [
                try row.string("type"), try row.string("origin_key"), try row.string("destination_key"),
                try row.decode(column: "sequence", as: Int?.self).map(String.init),
                try row.optionalString("details_json"),
            ]
        }
        var wanted: [String: [String?]] = [:]
        for link in package.links {
            wanted[link.identifier] = [
                link.type, link.originKey, link.destinationKey, link.sequence.map(String.init), link.details,
            ]
        }
        if existing == wanted {
            line.unchanged = wanted.count
            return
        }
        line.removed = existing.keys.filter { wanted[$0] == nil }.count
        line.created = wanted.keys.filter { existing[$0] == nil }.count
        line.updated = wanted.keys.filter { existing[$0] != nil && existing[$0]! != wanted[$0]! }.count
        line.unchanged = wanted.count - line.created - line.updated
        try await db.raw("DELETE FROM framework_links WHERE framework_id = \(bind: frameworkID)").run()
        try await db.insertRows(
            "framework_links",
            columns: [
                "framework_id", "identifier", "type", "origin_key", "destination_key", "sequence", "details_json",
                "position",
            ],
            rows: package.links.enumerated().map { position, link in
                [
                    frameworkID, link.identifier, link.type, link.originKey, link.destinationKey, link.sequence,
                    link.details, position,
                ]
            })
    }
}

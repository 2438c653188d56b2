import Foundation
import MasteryCore
import SQLKit

/// Frameworks from and to interchange formats (CASE, Moodle): applied in place by their source identifier,
/// read back whole for export.
extension Store {
    /// A framework by its Masterly id, the source identifier it was imported with, or (when only one has it)
    /// its code.
    public func framework(key: String) async throws -> Framework? {
        try await driver.withConnection { db in
            let matches = try await db.raw(
                """
                SELECT * FROM frameworks WHERE id = \(bind: key) OR source_identifier = \(bind: key.lowercased()) \
                OR source_identifier = \(bind: key) OR code = \(bind: key)
                """
            ).all().map(Rows.framework)
            if let exact = matches.first(where: { $0.id.rawValue == key }) { return exact }
            if let imported = matches.first(where: { $0.sourceIdentifier?.lowercased() == key.lowercased() }) {
                return imported
            }
            return matches.count == 1 ? matches[0] : nil
        }
    }

    /// The whole framework (nodes that are not retired, prerequisites, links, scale) for export.
    public func frameworkPackage(_ id: Framework.ID) async throws -> FrameworkPackage? {
        try await driver.withConnection { db in
            guard let row = try await db.raw("SELECT * FROM frameworks WHERE id = \(bind: id.rawValue)").first()
            else { return nil }
            let framework = try Rows.framework(row)
            let scale = try await db.raw("SELECT * FROM scales WHERE id = \(bind: framework.scaleID.rawValue)").first()
                .map(Rows.scale)
            var package = FrameworkPackage(
                id: framework.id.rawValue, sourceIdentifier: framework.sourceIdentifier, code: framework.code,
                title: framework.title, levels: scale?.levels, masteryThreshold: scale?.masteryThreshold,
                details: try row.optionalString("details_json"))
            var keys: [String: String] = [:]
            let strandRows = try await db.raw(
                """
                SELECT * FROM strands WHERE framework_id = \(bind: id.rawValue) AND retired = 0 ORDER BY position, id
                """
            ).all()
            for row in strandRows {
                let node = FrameworkPackage.Node(
                    id: try row.string("id"), sourceIdentifier: try row.optionalString("source_identifier"),
                    code: try row.string("code"), title: try row.string("title"), position: try row.int("position"),
                    details: try row.optionalString("details_json"))
                keys[node.id!] = node.key
                package.strands.append(node)
            }
            let competencyRows = try await db.raw(
                """
                SELECT * FROM competencies WHERE framework_id = \(bind: id.rawValue) AND retired = 0 \
                ORDER BY position, id
                """
            ).all()
            for row in competencyRows {
                let id = try row.string("id")
                keys[id] = try row.optionalString("source_identifier") ?? id
            }
            for row in competencyRows {
                let competency = try Rows.competency(row)
                package.competencies.append(
                    FrameworkPackage.Node(
                        id: competency.id.rawValue, sourceIdentifier: competency.sourceIdentifier,
                        code: competency.code,
                        title: competency.title, position: competency.position,
                        strandKey: keys[competency.strandID.rawValue],
                        parentKey: competency.parentID.flatMap { keys[$0.rawValue] }, kind: competency.kind,
                        details: try row.optionalString("details_json")))
            }
            for row in try await db.raw(
                """
                SELECT competency_prerequisites.* FROM competency_prerequisites
                JOIN competencies ON competencies.id = competency_prerequisites.competency_id
                WHERE competencies.framework_id = \(bind: id.rawValue)
                ORDER BY competency_prerequisites.competency_id, competency_prerequisites.prerequisite_id
                """
            ).all() {
                guard let prerequisite = keys[try row.string("prerequisite_id")],
                    let competency = keys[try row.string("competency_id")]
                else { continue }
                package.prerequisites.append(Prerequisite(prerequisite: prerequisite, competency: competency))
            }
            for row in try await db.raw(
                "SELECT * FROM framework_links WHERE framework_id = \(bind: id.rawValue) ORDER BY position"
            ).all() {
                package.links.append(
                    FrameworkPackage.Link(
                        identifier: try row.string("identifier"), type: try row.string("type"),
                        originKey: try row.string("origin_key"), destinationKey: try row.string("destination_key"),
                        sequence: try row.decode(column: "sequence", as: Int?.self),
                        details: try row.optionalString("details_json")))
            }
            // Tasks travel as rubrics; one made here is known by its Masterly ids.
            for task in try await Self.tasks(framework: id, in: db) {
                let criteria = task.criteria.compactMap { criterion -> FrameworkPackage.Criterion? in
                    guard let key = keys[criterion.competencyID.rawValue] else { return nil }
                    return FrameworkPackage.Criterion(
                        sourceIdentifier: criterion.sourceIdentifier ?? criterion.id.rawValue, title: criterion.title,
                        competencyKey: key, descriptors: criterion.descriptors)
                }
                package.rubrics.append(
                    FrameworkPackage.Rubric(
                        sourceIdentifier: task.sourceIdentifier ?? task.id.rawValue, title: task.title,
                        details: task.details, criteria: criteria))
            }
            return package
        }
    }

    /// Creates the framework, or updates the one imported with the same source identifier in place: nodes
    /// matched by source identifier, new ones created, missing ones retired (kept with their evidence),
    /// prerequisites and links replaced by the package's. One transaction, audited; with `dryRun`, rolled
    /// back after counting. Throws `StoreError.invalid` when the package has no source identifier.
    public func apply(
        _ package: FrameworkPackage, by actor: Person.ID, at now: Date, dryRun: Bool = false
    ) async throws -> (framework: Framework.ID, summary: ImportSummary) {
        guard let source = package.sourceIdentifier, !source.isEmpty else {
            throw StoreError.invalid("a framework to import needs a source identifier")
        }
        do {
            return try await driver.withTransaction { db in
                var applier = FrameworkApplier(db: db, package: package, source: source)
                let id = try await applier.run()
                let summary = ImportSummary(lines: applier.lines)
                if dryRun { throw FrameworkDryRun(framework: id, summary: summary) }
                try await Self.audit(
                    db, at: now, actor: actor, action: "framework.import", student: nil,
                    subject: "framework \(package.code) (\(source))",
                    detail: summary.description.replacingOccurrences(of: "\n", with: "; "), organization: nil)
                return (Framework.ID(id), summary)
            }
        } catch let preview as FrameworkDryRun {
            return (Framework.ID(preview.framework), preview.summary)
        }
    }

    struct FrameworkDryRun: Error {
        var framework: String
        var summary: ImportSummary
    }
}

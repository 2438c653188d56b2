import Foundation
import MasteryCore
import SQLKit

extension FrameworkApplier {
    /// Makes or updates a task for each rubric of the package, matched by the rubric's source identifier
    /// (criteria by theirs). Tasks the package no longer has stay: evidence may have been recorded with them.
    mutating func upsertRubrics(
        competencyIDs: [String: String], frameworkID: String, line: inout ImportSummary.Line
    ) async throws {
        let stored = try await Store.tasks(framework: Framework.ID(frameworkID), in: db)
        var existing: [String: PerformanceTask] = [:]
        for task in stored { if let source = task.sourceIdentifier { existing[source] = task } }
        for rubric in package.rubrics {
            let current = existing[rubric.sourceIdentifier]
            let taskID = current?.id ?? .init(Store.importedID("task", "\(source):\(rubric.sourceIdentifier)"))
            var criteria: [RubricCriterion] = []
            for (position, criterion) in rubric.criteria.enumerated() {
                guard let competency = competencyIDs[criterion.competencyKey] else {
                    throw StoreError.invalid(
                        "rubric '\(rubric.title)': criterion '\(criterion.title)' is on '\(criterion.competencyKey)', "
                            + "which the framework does not have")
                }
                let kept = current?.criteria.first { $0.sourceIdentifier == criterion.sourceIdentifier }?.id
                criteria.append(
                    RubricCriterion(
                        id: kept
                            ?? .init(
                                Store.importedID(
                                    "crit", "\(source):\(rubric.sourceIdentifier):\(criterion.sourceIdentifier)")),
                        title: criterion.title, competencyID: .init(competency), position: position,
                        descriptors: criterion.descriptors.sorted { $0.levelValue < $1.levelValue },
                        sourceIdentifier: criterion.sourceIdentifier))
            }
            let task = PerformanceTask(
                id: taskID, frameworkID: .init(frameworkID), title: rubric.title, details: rubric.details,
                criteria: criteria, sourceIdentifier: rubric.sourceIdentifier)
            if task == current {
                line.unchanged += 1
                continue
            }
            _ = try await Store.write(task, in: db)
            if current == nil { line.created += 1 } else { line.updated += 1 }
        }
    }
}

import Foundation
import MasteryCore

extension CASEReadState {
    /// Task rubrics: every `CFRubric` with criteria aligned (`CFItemURI`) to competencies of the framework
    /// becomes a task, each such criterion one of its criteria with a descriptor per level score. Criteria
    /// aligned to nothing (a scale carried as a rubric, as Masterly's own exports do) make no task; criteria
    /// on an item that is a strand are left out with a warning. Unreadable levels were reported as errors by
    /// `readRubrics`.
    mutating func readTaskRubrics(_ value: Any?, competencies: Set<String>) -> [FrameworkPackage.Rubric] {
        guard let rubrics = value as? [Any] else { return [] }
        var result: [FrameworkPackage.Rubric] = []
        for (rubricNumber, rubricValue) in rubrics.enumerated() {
            guard let rubric = rubricValue as? CASEJSON.Object,
                let identifier = CASEJSON.nonEmpty(rubric["identifier"])?.lowercased()
            else { continue }
            let title = CASEJSON.nonEmpty(rubric["title"]) ?? "Rubric \(rubricNumber + 1)"
            var criteria: [(position: Double, criterion: FrameworkPackage.Criterion)] = []
            for (criterionNumber, criterionValue) in ((rubric["CFRubricCriteria"] as? [Any]) ?? []).enumerated() {
                guard let criterion = criterionValue as? CASEJSON.Object,
                    let item = ((criterion["CFItemURI"] as? CASEJSON.Object)?["identifier"] as? String)?.lowercased()
                else { continue }
                let path = "$.CFRubrics[\(rubricNumber)].CFRubricCriteria[\(criterionNumber)]"
                guard competencies.contains(item) else {
                    warning(path, "CFItemURI", "'\(item)' is not a competency here (a strand?); criterion left out")
                    continue
                }
                let levels = ((criterion["CFRubricCriterionLevels"] as? [Any]) ?? []).compactMap {
                    $0 as? CASEJSON.Object
                }
                let descriptors = levels.compactMap { level -> RubricCriterion.Descriptor? in
                    guard let score = (level["score"] as? NSNumber)?.doubleValue,
                        let text = CASEJSON.nonEmpty(level["description"]) ?? CASEJSON.nonEmpty(level["quality"])
                            ?? CASEJSON.nonEmpty(level["feedback"])
                    else { return nil }
                    return RubricCriterion.Descriptor(levelValue: score, text: text)
                }
                let criterionTitle =
                    CASEJSON.nonEmpty(criterion["category"]) ?? CASEJSON.nonEmpty(criterion["description"])
                    ?? "Criterion \(criterionNumber + 1)"
                criteria.append(
                    (
                        (criterion["position"] as? NSNumber)?.doubleValue ?? Double(criterionNumber),
                        FrameworkPackage.Criterion(
                            sourceIdentifier: CASEJSON.nonEmpty(criterion["identifier"])?.lowercased()
                                ?? "\(identifier)#\(criterionNumber)",
                            title: criterionTitle, competencyKey: item,
                            descriptors: descriptors.sorted { $0.levelValue < $1.levelValue })
                    ))
            }
            guard !criteria.isEmpty else { continue }
            result.append(
                FrameworkPackage.Rubric(
                    sourceIdentifier: identifier, title: title, details: CASEJSON.nonEmpty(rubric["description"]) ?? "",
                    criteria: criteria.enumerated().sorted {
                        ($0.element.position, $0.offset) < ($1.element.position, $1.offset)
                    }
                    .map(\.element.criterion)))
        }
        return result
    }
}

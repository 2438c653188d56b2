import Foundation
import MasteryCore

extension CASEWriter {
    /// A task's rubric as a `CFRubric`: each criterion aligned to its competency's item (`CFItemURI`), a level
    /// per descriptor with its score, the scale's label as the quality. An imported rubric keeps its
    /// identifiers; one made in Masterly gets name-based UUIDs that stay the same from one export to the next.
    func taskRubric(
        _ rubric: FrameworkPackage.Rubric, package: FrameworkPackage, identifiers: [String: String],
        items: [CASEJSON.Object], documentID: String, now: String
    ) -> CASEJSON.Object? {
        func uuid(_ kind: String, _ source: String) -> String {
            NameBasedUUID.isUUID(source) ? source : NameBasedUUID.make("\(kind):\(documentID):\(source)")
        }
        let rubricID = uuid("task-rubric", rubric.sourceIdentifier)
        let criteria: [CASEJSON.Object] = rubric.criteria.enumerated().compactMap { position, criterion in
            guard identifiers[criterion.competencyKey] != nil else { return nil }
            let criterionID =
                NameBasedUUID.isUUID(criterion.sourceIdentifier)
                ? criterion.sourceIdentifier
                : uuid("task-criterion", "\(rubric.sourceIdentifier):\(criterion.sourceIdentifier)")
            let levels: [CASEJSON.Object] = criterion.descriptors.sorted { $0.levelValue < $1.levelValue }
                .enumerated().map { levelPosition, descriptor in
                    let id = NameBasedUUID.make(
                        "task-level:\(criterionID):\(DisplayRounding.text(descriptor.levelValue))")
                    var level: CASEJSON.Object = [
                        "identifier": id, "uri": "\(baseURI)/CFRubricCriterionLevels/\(id)",
                        "description": descriptor.text, "score": descriptor.levelValue, "position": levelPosition + 1,
                        "rubricCriterionId": criterionID, "lastChangeDateTime": now,
                    ]
                    if let label = package.levels?.first(where: { $0.value == descriptor.levelValue })?.label {
                        level["quality"] = label
                    }
                    return level
                }
            return [
                "identifier": criterionID, "uri": "\(baseURI)/CFRubricCriteria/\(criterionID)",
                "category": criterion.title, "position": position + 1, "rubricId": rubricID,
                "CFItemURI": linkTarget(criterion.competencyKey, identifiers: identifiers, items: items),
                "lastChangeDateTime": now, "CFRubricCriterionLevels": levels,
            ]
        }
        guard !criteria.isEmpty else { return nil }
        var result: CASEJSON.Object = [
            "identifier": rubricID, "uri": "\(baseURI)/CFRubrics/\(rubricID)", "title": rubric.title,
            "lastChangeDateTime": now, "CFRubricCriteria": criteria,
        ]
        if !rubric.details.isEmpty { result["description"] = rubric.details }
        return result
    }
}

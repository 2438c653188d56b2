import Foundation
import MasteryCore

/// Per-item helpers of a CASE reading: links, details, codes and the scale read from rubrics.
extension CASEReadState {
    func link(
        _ association: CASEJSON.Object, _ identifier: String, _ type: String, _ origin: String, _ destination: String,
        _ sequence: Int?
    ) -> FrameworkPackage.Link {
        FrameworkPackage.Link(
            identifier: identifier, type: type, originKey: origin, destinationKey: destination, sequence: sequence,
            details: CASEJSON.text(association))
    }

    /// An item's own properties, with its `isChildOf` association (for export under the same identifier).
    func details(_ item: CASEJSON.Object, _ association: CASEJSON.Object?) -> String? {
        var kept = item
        kept["identifier"] = nil
        if let association, !association.isEmpty { kept[CASEReader.parentAssociationKey] = association }
        return CASEJSON.text(kept)
    }

    static func code(of item: CASEJSON.Object) -> String {
        CASEJSON.nonEmpty(item["humanCodingScheme"]) ?? CASEJSON.nonEmpty(item["listEnumeration"]) ?? ""
    }

    /// A short code for a framework (CASE has none): the version when given, else the title's initials.
    static func code(for title: String, version: String?) -> String {
        let initials = title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).compactMap(\.first)
        let code = String(initials.prefix(8)).uppercased()
        return code.isEmpty ? "CASE" : code
    }

    /// The scale carried by `CFRubrics` (Masterly's own exports write it there): every criterion's levels,
    /// when they agree, with the mastery threshold from `masterly:masteryThreshold`.
    mutating func readRubrics(_ value: Any?, items: Set<String>) -> (levels: [ProficiencyLevel], threshold: Double)? {
        guard let rubrics = value as? [Any] else { return nil }
        var scale: (levels: [ProficiencyLevel], threshold: Double)?
        for (rubricNumber, rubricValue) in rubrics.enumerated() {
            guard let rubric = rubricValue as? CASEJSON.Object else { continue }
            let threshold =
                CASEJSON.integer((rubric["extensions"] as? CASEJSON.Object)?["masterly:masteryThreshold"])
                .map { Double($0.0) }
                ?? ((rubric["extensions"] as? CASEJSON.Object)?["masterly:masteryThreshold"] as? NSNumber)?.doubleValue
            for (criterionNumber, criterionValue) in ((rubric["CFRubricCriteria"] as? [Any]) ?? []).enumerated() {
                guard let criterion = criterionValue as? CASEJSON.Object else { continue }
                let path = "$.CFRubrics[\(rubricNumber)].CFRubricCriteria[\(criterionNumber)]"
                if let item = ((criterion["CFItemURI"] as? CASEJSON.Object)?["identifier"] as? String)?.lowercased(),
                    !items.contains(item)
                {
                    error(path, "CFItemURI", "unknown item '\(item)'")
                }
                var levels: [ProficiencyLevel] = []
                for levelValue in (criterion["CFRubricCriterionLevels"] as? [Any]) ?? [] {
                    let level = levelValue as? CASEJSON.Object ?? [:]
                    guard let score = (level["score"] as? NSNumber)?.doubleValue else {
                        error(path, "CFRubricCriterionLevels", "a level has no score")
                        continue
                    }
                    let label =
                        CASEJSON.nonEmpty(level["quality"]) ?? CASEJSON.nonEmpty(level["description"])
                        ?? "Level \(DisplayRounding.text(score))"
                    levels.append(ProficiencyLevel(value: score, label: label, colour: ""))
                }
                if Set(levels.map(\.value)).count != levels.count {
                    error(path, "CFRubricCriterionLevels", "two levels share a score")
                    continue
                }
                guard scale == nil, levels.count >= 2 else { continue }
                let sorted = levels.sorted { $0.value < $1.value }
                let colours = DefaultScale.colours(count: sorted.count)
                let coloured = sorted.enumerated().map {
                    ProficiencyLevel(value: $1.value, label: $1.label, colour: colours[$0])
                }
                let fallback = sorted.count >= 3 ? sorted[sorted.count - 2].value : sorted.last!.value
                scale = (coloured, threshold ?? fallback)
            }
        }
        return scale
    }
}

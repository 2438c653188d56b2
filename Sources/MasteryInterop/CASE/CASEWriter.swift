import Foundation
import MasteryCore

/// Writes a `FrameworkPackage` as a CASE 1.1 CFPackage that validates against the official JSON schema:
/// imported nodes keep their identifiers and properties; nodes made in Masterly get name-based UUIDs that
/// stay the same from one export to the next. The scale travels as a `CFRubric` with the mastery threshold
/// in its extensions, so a Masterly import reads it back; tasks travel as further `CFRubric`s aligned to items.
public struct CASEWriter {
    /// Where identifiers resolve: `BASE/CFItems/ID`, … (only used for nodes that have no `uri` yet).
    public var baseURI: String
    public var creator: String

    public init(baseURI: String = "https://masterly.invalid/ims/case/v1p1", creator: String = "Masterly") {
        self.baseURI = baseURI
        self.creator = creator
    }

    public func write(_ package: FrameworkPackage) -> Data {
        let now = CASEJSON.now()
        let frameworkDetails = CASEJSON.object(package.details)
        let documentID =
            package.sourceIdentifier.flatMap { NameBasedUUID.isUUID($0) ? $0 : nil }
            ?? NameBasedUUID.make("framework:\(package.sourceIdentifier ?? package.id ?? package.code)")
        var document = (frameworkDetails["CFDocument"] as? CASEJSON.Object ?? [:]).filter {
            CASEReader.known["CFDocument"]!.contains($0.key)
        }
        document["identifier"] = documentID
        document["title"] = package.title
        document["uri"] = document["uri"] ?? "\(baseURI)/CFDocuments/\(documentID)"
        document["creator"] = document["creator"] ?? creator
        document["lastChangeDateTime"] = CASEJSON.zoned(document["lastChangeDateTime"] as? String ?? now)
        document["caseVersion"] = "1.1"
        let documentLink: CASEJSON.Object = [
            "identifier": documentID, "uri": document["uri"]!, "title": package.title,
        ]

        var identifiers: [String: String] = [:]  // node key → CASE identifier
        func identifier(of node: FrameworkPackage.Node, kind: String) -> String {
            if let source = node.sourceIdentifier, NameBasedUUID.isUUID(source) { return source }
            return NameBasedUUID.make("\(kind):\(documentID):\(node.id ?? node.key)")
        }
        let written = package.strands.filter { !package.isSynthetic($0) }
        for strand in written { identifiers[strand.key] = identifier(of: strand, kind: "strand") }
        for competency in package.competencies {
            identifiers[competency.key] = identifier(of: competency, kind: "item")
        }

        var items: [CASEJSON.Object] = []
        var associations: [CASEJSON.Object] = []
        var links: [String: CASEJSON.Object] = [:]
        func emit(_ node: FrameworkPackage.Node, isStrand: Bool, parentKey: String?, sequence: Int) {
            let id = identifiers[node.key]!
            // Only CASE's own properties travel (a framework from Moodle keeps Moodle's in its details).
            let itemKeys = CASEReader.known["CFItems"]!.union([CASEReader.parentAssociationKey])
            var item = CASEJSON.object(node.details).filter { itemKeys.contains($0.key) }
            let parentAssociation = item.removeValue(forKey: CASEReader.parentAssociationKey) as? CASEJSON.Object
            item["identifier"] = id
            item["uri"] = item["uri"] ?? "\(baseURI)/CFItems/\(id)"
            item["lastChangeDateTime"] = CASEJSON.zoned(
                item["lastChangeDateTime"] as? String ?? document["lastChangeDateTime"] as! String)
            if isStrand, item["abbreviatedStatement"] != nil {
                item["abbreviatedStatement"] = node.title
            } else {
                item["fullStatement"] = node.title
            }
            item["fullStatement"] = item["fullStatement"] ?? node.title
            if node.code.isEmpty {
                item["humanCodingScheme"] = nil
            } else if item["listEnumeration"] as? String != node.code || item["humanCodingScheme"] != nil {
                item["humanCodingScheme"] = node.code
            }
            items.append(item)
            let destination: CASEJSON.Object
            if let parentKey, let parentID = identifiers[parentKey] {
                let parent = items.first { $0["identifier"] as? String == parentID }
                destination = [
                    "identifier": parentID, "uri": parent?["uri"] ?? "\(baseURI)/CFItems/\(parentID)",
                    "title": parent?["fullStatement"] ?? "",
                ]
            } else {
                destination = documentLink
            }
            let associationID =
                (parentAssociation?["identifier"] as? String)
                ?? NameBasedUUID.make("isChildOf:\(id):\(destination["identifier"]!)")
            var association = parentAssociation ?? [:]
            association["identifier"] = associationID
            association["associationType"] = "isChildOf"
            association["uri"] = association["uri"] ?? "\(baseURI)/CFAssociations/\(associationID)"
            association["originNodeURI"] = ["identifier": id, "uri": item["uri"]!, "title": node.title]
            association["destinationNodeURI"] = destination
            association["sequenceNumber"] = sequence
            association["lastChangeDateTime"] = item["lastChangeDateTime"]
            associations.append(association)
        }
        let strandKeys = Set(written.map(\.key))
        let childrenOf = Dictionary(grouping: package.competencies) { $0.parentKey ?? $0.strandKey ?? "" }
        func emitChildren(of key: String, isStrandKey: Bool) {
            for (number, child) in (childrenOf[key] ?? []).sorted(by: { $0.position < $1.position }).enumerated()
            where (child.parentKey == nil) == isStrandKey {
                emit(
                    child, isStrand: false, parentKey: strandKeys.contains(key) || !isStrandKey ? key : nil,
                    sequence: number + 1)
                emitChildren(of: child.key, isStrandKey: false)
            }
        }
        var topSequence = 0
        for strand in package.strands.sorted(by: { $0.position < $1.position }) {
            if package.isSynthetic(strand) {
                for child in (childrenOf[strand.key] ?? []).filter({ $0.parentKey == nil }).sorted(by: {
                    $0.position < $1.position
                }) {
                    topSequence += 1
                    emit(child, isStrand: false, parentKey: nil, sequence: topSequence)
                    emitChildren(of: child.key, isStrandKey: false)
                }
            } else {
                topSequence += 1
                emit(strand, isStrand: true, parentKey: nil, sequence: topSequence)
                emitChildren(of: strand.key, isStrandKey: true)
            }
        }
        for prerequisite in package.prerequisites {
            guard let origin = identifiers[prerequisite.prerequisite],
                let destination = identifiers[prerequisite.competency]
            else { continue }
            let id = NameBasedUUID.make("precedes:\(origin):\(destination)")
            let originItem = items.first { $0["identifier"] as? String == origin }
            let destinationItem = items.first { $0["identifier"] as? String == destination }
            associations.append([
                "identifier": id, "associationType": "precedes", "uri": "\(baseURI)/CFAssociations/\(id)",
                "originNodeURI": [
                    "identifier": origin, "uri": originItem?["uri"] ?? "", "title": originItem?["fullStatement"] ?? "",
                ],
                "destinationNodeURI": [
                    "identifier": destination, "uri": destinationItem?["uri"] ?? "",
                    "title": destinationItem?["fullStatement"] ?? "",
                ],
                "lastChangeDateTime": document["lastChangeDateTime"]!,
            ])
        }
        for link in package.links {
            var association = CASEJSON.object(link.details).filter {
                CASEReader.known["CFAssociations"]!.contains($0.key)
            }
            if association.isEmpty {
                association = [
                    "associationType": link.type,
                    "originNodeURI": linkTarget(link.originKey, identifiers: identifiers, items: items),
                    "destinationNodeURI": linkTarget(link.destinationKey, identifiers: identifiers, items: items),
                ]
                if let sequence = link.sequence { association["sequenceNumber"] = sequence }
            }
            let id =
                NameBasedUUID.isUUID(link.identifier) ? link.identifier : NameBasedUUID.make("link:\(link.identifier)")
            association["identifier"] = id
            association["uri"] = association["uri"] ?? "\(baseURI)/CFAssociations/\(id)"
            association["lastChangeDateTime"] = CASEJSON.zoned(association["lastChangeDateTime"] as? String ?? now)
            links[id] = association
        }
        associations += links.keys.sorted().map { links[$0]! }

        var result: CASEJSON.Object = ["CFDocument": document, "CFItems": items, "CFAssociations": associations]
        if let definitions = frameworkDetails["CFDefinitions"] as? CASEJSON.Object,
            let cleaned = Self.definitions(definitions, now: document["lastChangeDateTime"] as! String)
        {
            result["CFDefinitions"] = cleaned
        }
        var rubrics: [CASEJSON.Object] = []
        if let levels = package.levels, !levels.isEmpty {
            rubrics.append(rubric(levels, threshold: package.masteryThreshold, documentID: documentID, now: now))
        }
        rubrics += package.rubrics.compactMap {
            taskRubric($0, package: package, identifiers: identifiers, items: items, documentID: documentID, now: now)
        }
        if !rubrics.isEmpty { result["CFRubrics"] = rubrics }
        return
            (try? JSONSerialization.data(
                withJSONObject: result, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
    }

    /// The properties each kind of definition may have, and those it must have (filled when missing).
    static let definitionShapes: [String: (known: Set<String>, required: [String])] = [
        "CFItemTypes": (
            [
                "identifier", "uri", "title", "description", "hierarchyCode", "typeCode", "lastChangeDateTime",
                "extensions",
            ],
            ["description", "hierarchyCode"]
        ),
        "CFSubjects": (
            ["identifier", "uri", "title", "description", "hierarchyCode", "lastChangeDateTime", "extensions"],
            ["hierarchyCode"]
        ),
        "CFConcepts": (
            [
                "identifier", "uri", "title", "keywords", "description", "hierarchyCode", "lastChangeDateTime",
                "extensions",
            ],
            ["hierarchyCode"]
        ),
        "CFLicenses": (
            ["identifier", "uri", "title", "description", "licenseText", "lastChangeDateTime", "extensions"],
            ["licenseText"]
        ),
        "CFAssociationGroupings": (
            ["identifier", "uri", "title", "description", "lastChangeDateTime", "extensions"], []
        ),
    ]

    /// Definitions as the schema accepts them: known properties only, no nulls, zoned time stamps, required
    /// text filled (with the title, or "1" for a hierarchy code).
    static func definitions(_ definitions: CASEJSON.Object, now: String) -> CASEJSON.Object? {
        var result = CASEJSON.Object()
        for (kind, value) in definitions {
            guard let shape = definitionShapes[kind], let entries = value as? [Any] else { continue }
            let cleaned: [CASEJSON.Object] = entries.compactMap { entry in
                guard var object = entry as? CASEJSON.Object else { return nil }
                object = object.filter { shape.known.contains($0.key) && !($0.value is NSNull) }
                object["lastChangeDateTime"] = CASEJSON.zoned(object["lastChangeDateTime"] as? String ?? now)
                for key in shape.required where object[key] == nil {
                    object[key] = key == "hierarchyCode" ? "1" : (object["title"] as? String ?? "")
                }
                return object
            }
            if !cleaned.isEmpty { result[kind] = cleaned }
        }
        return result.isEmpty ? nil : result
    }

    func linkTarget(_ key: String, identifiers: [String: String], items: [CASEJSON.Object]) -> CASEJSON.Object {
        let id = identifiers[key] ?? key
        let item = items.first { $0["identifier"] as? String == id }
        return [
            "identifier": id, "uri": item?["uri"] ?? "\(baseURI)/CFItems/\(id)", "title": item?["fullStatement"] ?? id,
        ]
    }

    func rubric(_ levels: [ProficiencyLevel], threshold: Double?, documentID: String, now: String) -> CASEJSON.Object {
        let rubricID = NameBasedUUID.make("rubric:\(documentID)")
        let criterionID = NameBasedUUID.make("criterion:\(documentID)")
        let criterionLevels: [CASEJSON.Object] = levels.sorted { $0.value < $1.value }.enumerated().map {
            position, level in
            let id = NameBasedUUID.make("level:\(documentID):\(DisplayRounding.text(level.value))")
            return [
                "identifier": id, "uri": "\(baseURI)/CFRubricCriterionLevels/\(id)", "quality": level.label,
                "score": level.value, "position": position + 1, "rubricCriterionId": criterionID,
                "lastChangeDateTime": now,
            ]
        }
        var rubric: CASEJSON.Object = [
            "identifier": rubricID, "uri": "\(baseURI)/CFRubrics/\(rubricID)", "title": "Proficiency scale",
            "lastChangeDateTime": now,
            "CFRubricCriteria": [
                [
                    "identifier": criterionID, "uri": "\(baseURI)/CFRubricCriteria/\(criterionID)",
                    "category": "Proficiency scale", "position": 1, "rubricId": rubricID, "lastChangeDateTime": now,
                    "CFRubricCriterionLevels": criterionLevels,
                ] as CASEJSON.Object
            ],
        ]
        if let threshold { rubric["extensions"] = ["masterly:masteryThreshold": threshold] }
        return rubric
    }
}

import Foundation
import MasteryCore

/// Reads a CASE 1.0 / 1.1 CFPackage (JSON) into a `FrameworkPackage`. Lenient on the variants real exports
/// carry (legacy properties, numeric strings, time stamps without a zone, links to outside nodes: warnings,
/// aggregated with a count); strict on what would corrupt the framework (identifiers that are not UUIDs or
/// repeat, items without a statement, unknown association types, broken or cyclic trees, cyclic
/// prerequisites: errors, and nothing is imported). Problems read `FILE: $.JSON.PATH: field: message`.
public struct CASEReader {
    public var fileName: String

    public init(fileName: String) { self.fileName = fileName }

    static let associationTypes: Set<String> = [
        "isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes", "isRelatedTo", "replacedBy", "exemplar",
        "hasSkillLevel", "isTranslationOf",
    ]
    static let known: [String: Set<String>] = [
        "CFDocument": [
            "identifier", "uri", "frameworkType", "caseVersion", "creator", "title", "lastChangeDateTime",
            "officialSourceURL", "publisher", "description", "subject", "subjectURI", "language", "version",
            "adoptionStatus", "statusStartDate", "statusEndDate", "licenseURI", "notes", "extensions",
        ],
        "CFItems": [
            "identifier", "fullStatement", "alternativeLabel", "CFItemType", "uri", "humanCodingScheme",
            "listEnumeration", "abbreviatedStatement", "conceptKeywords", "conceptKeywordsURI", "notes", "subject",
            "subjectURI", "language", "educationLevel", "CFItemTypeURI", "licenseURI", "statusStartDate",
            "statusEndDate", "lastChangeDateTime", "extensions",
        ],
        "CFAssociations": [
            "identifier", "associationType", "sequenceNumber", "uri", "originNodeURI", "destinationNodeURI",
            "CFAssociationGroupingURI", "lastChangeDateTime", "notes", "extensions",
        ],
    ]
    static let legacy: [String: String] = [
        "CFDocumentURI": "legacy link to the owning document; ignored",
        "CFPackageURI": "legacy link to the package; ignored",
        "CFItemAssociationURI": "legacy link to the item's associations; ignored",
        "educationalLevel": "legacy name of educationLevel; read as educationLevel",
    ]
    /// The key under which an item's `isChildOf` association is kept in its details, for export.
    static let parentAssociationKey = "masterly:isChildOf"

    /// The framework and the warnings, or every problem when there is an error.
    public func read(_ data: Data) throws(ImportError) -> (package: FrameworkPackage, warnings: [ImportProblem]) {
        var state = CASEReadState(file: fileName)
        let package = state.read(data)
        let problems = state.finishedProblems()
        if problems.contains(where: { $0.severity == .error }) || package == nil {
            throw ImportError(problems: problems)
        }
        return (package!, problems)
    }
}

/// One reading of one package.
struct CASEReadState {
    let file: String
    var problems: [ImportProblem] = []
    var aggregated: [String: (problem: ImportProblem, count: Int)] = [:]

    init(file: String) { self.file = file }

    mutating func error(_ path: String, _ field: String, _ message: String) {
        problems.append(ImportProblem(file: file, line: nil, field: "\(path): \(field)", message: message))
    }

    mutating func warning(_ path: String, _ field: String, _ message: String) {
        problems.append(
            ImportProblem(file: file, line: nil, field: "\(path): \(field)", message: message, severity: .warning))
    }

    /// A benign warning that may repeat: printed once with a count.
    mutating func aggregate(_ path: String, _ field: String, _ message: String) {
        let key = "\(path)\u{0}\(field)\u{0}\(message)"
        if let entry = aggregated[key] {
            aggregated[key] = (entry.problem, entry.count + 1)
        } else {
            aggregated[key] = (
                ImportProblem(
                    file: file, line: nil, field: "\(path): \(field)", message: message, severity: .warning), 1
            )
        }
    }

    func finishedProblems() -> [ImportProblem] {
        let errors = problems.filter { $0.severity == .error }
        let warnings = problems.filter { $0.severity == .warning }
        let counted = aggregated.values.sorted {
            ($0.problem.field ?? "", $0.problem.message) < ($1.problem.field ?? "", $1.problem.message)
        }
        .map { entry -> ImportProblem in
            var problem = entry.problem
            if entry.count > 1 { problem.message += " (\(entry.count)x)" }
            return problem
        }
        return errors + warnings + counted
    }

    /// The object without legacy and null properties, with `educationalLevel` folded into `educationLevel`.
    mutating func cleaned(_ object: CASEJSON.Object, section: String, path: String) -> CASEJSON.Object {
        var result: CASEJSON.Object = [:]
        let known = CASEReader.known[section] ?? []
        let aggregatePath = section == "CFDocument" ? "$.CFDocument" : "$.\(section)[*]"
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            if !known.contains(key) {
                aggregate(aggregatePath, key, CASEReader.legacy[key] ?? "unknown property; ignored")
                if key == "educationalLevel", object["educationLevel"] == nil { result["educationLevel"] = value }
                continue
            }
            if value is NSNull {
                aggregate(aggregatePath, key, "null; treated as absent")
                continue
            }
            result[key] = value
        }
        if let level = result["educationLevel"] as? String {
            aggregate(aggregatePath, "educationLevel", "a string, not a list; read as a one-element list")
            result["educationLevel"] = [level]
        }
        if let stamp = result["lastChangeDateTime"] as? String {
            switch CASEJSON.dateTimeForm(stamp) {
            case .zoned: break
            case .unzoned:
                aggregate(aggregatePath, "lastChangeDateTime", "no time zone; read as UTC")
                result["lastChangeDateTime"] = CASEJSON.zoned(stamp)
            case .invalid: error(path, "lastChangeDateTime", "'\(stamp)' is not a date-time")
            }
        } else if section != "CFDocument" {
            aggregate(aggregatePath, "lastChangeDateTime", "missing; document's value used")
        }
        return result
    }

    mutating func read(_ data: Data) -> FrameworkPackage? {
        guard let root = CASEJSON.parse(data) else {
            error("$", "file", "not valid JSON")
            return nil
        }
        guard let package = root as? CASEJSON.Object, let rawDocument = package["CFDocument"] as? CASEJSON.Object
        else {
            error("$", "CFDocument", "missing; not a CASE package")
            return nil
        }
        var document = cleaned(rawDocument, section: "CFDocument", path: "$.CFDocument")
        let documentID = (CASEJSON.nonEmpty(document["identifier"]) ?? "").lowercased()
        let title = CASEJSON.nonEmpty(document["title"])
        if documentID.isEmpty { error("$.CFDocument", "identifier", "required value missing") }
        if title == nil { error("$.CFDocument", "title", "required value missing") }
        if !documentID.isEmpty, !NameBasedUUID.isUUID(documentID) {
            error("$.CFDocument", "identifier", "'\(documentID)' is not a UUID")
        }
        for key in ["uri", "creator", "lastChangeDateTime"] where document[key] == nil {
            warning(
                "$.CFDocument", key,
                "required by CASE but missing; " + (key == "creator" ? "left empty" : "generated on export"))
        }

        // Items.
        var items: [(id: String, object: CASEJSON.Object)] = []
        var index: [String: Int] = [:]
        for (number, value) in ((package["CFItems"] as? [Any]) ?? []).enumerated() {
            let path = "$.CFItems[\(number)]"
            guard let raw = value as? CASEJSON.Object else {
                error(path, "item", "not an object")
                continue
            }
            guard let identifier = CASEJSON.nonEmpty(raw["identifier"]) else {
                error(path, "identifier", "required value missing")
                continue
            }
            let id = identifier.lowercased()
            if !NameBasedUUID.isUUID(id) { error(path, "identifier", "'\(identifier)' is not a UUID") }
            if index[id] != nil || id == documentID {
                error(path, "identifier", "duplicate identifier '\(identifier)'")
            }
            if CASEJSON.nonEmpty(raw["fullStatement"]) == nil { error(path, "fullStatement", "required value missing") }
            if raw["uri"] == nil { aggregate("$.CFItems[*]", "uri", "missing; generated on export") }
            var item = cleaned(raw, section: "CFItems", path: path)
            item["identifier"] = id
            index[id] = items.count
            items.append((id, item))
        }

        // Associations: the tree, prerequisites and links.
        var parent: [String: (id: String, rank: (Int, Int, Int), association: CASEJSON.Object)] = [:]
        var prerequisites: [Prerequisite] = []
        var links: [FrameworkPackage.Link] = []
        var seenAssociations: Set<String> = []
        for (number, value) in ((package["CFAssociations"] as? [Any]) ?? []).enumerated() {
            let path = "$.CFAssociations[\(number)]"
            guard let raw = value as? CASEJSON.Object else {
                error(path, "association", "not an object")
                continue
            }
            var association = cleaned(raw, section: "CFAssociations", path: path)
            let identifier = (CASEJSON.string(association["identifier"]) ?? "").lowercased()
            if !NameBasedUUID.isUUID(identifier) {
                error(path, "identifier", "'\(CASEJSON.string(raw["identifier"]) ?? "")' is not a UUID")
            } else if !seenAssociations.insert(identifier).inserted {
                error(path, "identifier", "duplicate association identifier '\(identifier)'")
            }
            association["identifier"] = identifier
            let type = CASEJSON.string(association["associationType"]) ?? ""
            guard CASEReader.associationTypes.contains(type) || type.hasPrefix("ext:") else {
                error(path, "associationType", "'\(type)' is not a CASE association type")
                continue
            }
            let origin =
                ((association["originNodeURI"] as? CASEJSON.Object)?["identifier"] as? String)?.lowercased() ?? ""
            let destination =
                ((association["destinationNodeURI"] as? CASEJSON.Object)?["identifier"] as? String)?.lowercased() ?? ""
            guard !origin.isEmpty, !destination.isEmpty else {
                error(path, origin.isEmpty ? "originNodeURI" : "destinationNodeURI", "identifier missing")
                continue
            }
            var sequence: Int?
            if let raw = association["sequenceNumber"] {
                if let (number, wasString) = CASEJSON.integer(raw) {
                    if wasString {
                        aggregate("$.CFAssociations[*]", "sequenceNumber", "a numeric string; read as an integer")
                    }
                    sequence = number
                    association["sequenceNumber"] = number
                } else {
                    error(path, "sequenceNumber", "'\(raw)' is not an integer")
                }
            }
            switch type {
            case "isChildOf":
                guard index[origin] != nil else {
                    error(path, "originNodeURI", "child '\(origin)' is not an item of this package")
                    continue
                }
                guard destination == documentID || index[destination] != nil else {
                    error(
                        path, "destinationNodeURI",
                        "parent '\(destination)' is neither the document nor an item of this package")
                    continue
                }
                if parent[origin] != nil {
                    warning(
                        path, "originNodeURI",
                        "item '\(origin)' already has a parent; kept as a link, tree uses the first")
                    links.append(link(association, identifier, type, origin, destination, sequence))
                    continue
                }
                parent[origin] = (destination, (sequence == nil ? 1 : 0, sequence ?? 0, number), association)
            case "precedes" where index[origin] != nil && index[destination] != nil:
                prerequisites.append(Prerequisite(prerequisite: origin, competency: destination))
            default:
                if type == "precedes" {
                    warning(
                        path, index[origin] != nil ? "destinationNodeURI" : "originNodeURI",
                        "precedes a node outside this framework; kept as a link, not a prerequisite")
                }
                links.append(link(association, identifier, type, origin, destination, sequence))
            }
        }
        for id in parent.keys.sorted() {
            var seen: Set<String> = []
            var current = id
            while let next = parent[current]?.id, seen.insert(current).inserted { current = next }
            if seen.contains(current), current != documentID {
                error("$.CFItems[\(index[id] ?? 0)]", "isChildOf", "cycle in the isChildOf tree")
                break
            }
        }
        let graph = PrerequisiteGraph(edges: prerequisites.map { ($0.prerequisite, $0.competency) })
        if let cycle = graph.cycle(order: items.map(\.id)) {
            // Each item by its code where it has one, so the cycle reads like the framework.
            let names = cycle.map { id in
                index[id].map { Self.code(of: items[$0].object) }.flatMap { $0.isEmpty ? nil : $0 } ?? id
            }
            error(
                "$.CFAssociations", "precedes",
                "cycle in precedes: \(names.joined(separator: " → ")) (prerequisites would never unlock)")
        }
        for (number, item) in items.enumerated() where parent[item.id] == nil {
            warning("$.CFItems[\(number)]", "isChildOf", "item has no isChildOf parent; placed at the top level")
            parent[item.id] = (documentID, (1, 0, 1_000_000 + number), [:])
        }
        let scale = readRubrics(package["CFRubrics"], items: Set(index.keys))
        guard !problems.contains(where: { $0.severity == .error }), let title else { return nil }

        // The tree: children in authored order (sequence numbers first, then file order).
        var children: [String: [String]] = [:]
        for (child, entry) in parent.sorted(by: { $0.value.rank < $1.value.rank }) {
            children[entry.id, default: []].append(child)
        }
        var definitions = CASEJSON.Object()
        if let raw = package["CFDefinitions"] as? CASEJSON.Object { definitions = raw }
        document["identifier"] = nil
        document["title"] = nil
        var frameworkDetails: CASEJSON.Object = ["CFDocument": document]
        if !definitions.isEmpty { frameworkDetails["CFDefinitions"] = definitions }
        var result = FrameworkPackage(
            sourceIdentifier: documentID, code: Self.code(for: title, version: CASEJSON.string(document["version"])),
            title: title, levels: scale?.levels, masteryThreshold: scale?.threshold,
            details: CASEJSON.text(frameworkDetails))
        let top = children[documentID] ?? []
        var needsSynthetic = false
        for id in top {
            let item = items[index[id]!].object
            if children[id]?.isEmpty == false {
                result.strands.append(
                    FrameworkPackage.Node(
                        sourceIdentifier: id, code: Self.code(of: item),
                        title: CASEJSON.nonEmpty(item["abbreviatedStatement"]) ?? CASEJSON.string(item["fullStatement"])
                            ?? "",
                        position: result.strands.count, details: details(item, parent[id]?.association)))
            } else {
                needsSynthetic = true
            }
        }
        if needsSynthetic {
            result.strands.append(
                FrameworkPackage.Node(
                    sourceIdentifier: documentID, code: "", title: title, position: result.strands.count))
        }
        func addCompetencies(under node: String, strand: String, parentKey: String?) {
            for (position, id) in (children[node] ?? []).enumerated() {
                let item = items[index[id]!].object
                result.competencies.append(
                    FrameworkPackage.Node(
                        sourceIdentifier: id, code: Self.code(of: item),
                        title: CASEJSON.string(item["fullStatement"]) ?? "",
                        position: position, strandKey: strand, parentKey: parentKey,
                        details: details(item, parent[id]?.association)))
                addCompetencies(under: id, strand: strand, parentKey: id)
            }
        }
        for id in top {
            if children[id]?.isEmpty == false {
                addCompetencies(under: id, strand: id, parentKey: nil)
            } else {
                let item = items[index[id]!].object
                let position = top.filter { children[$0]?.isEmpty != false }.firstIndex(of: id) ?? 0
                result.competencies.append(
                    FrameworkPackage.Node(
                        sourceIdentifier: id, code: Self.code(of: item),
                        title: CASEJSON.string(item["fullStatement"]) ?? "",
                        position: position, strandKey: documentID, parentKey: nil,
                        details: details(item, parent[id]?.association)))
            }
        }
        result.prerequisites = prerequisites
        result.links = links
        result.rubrics = readTaskRubrics(
            package["CFRubrics"], competencies: Set(result.competencies.compactMap(\.sourceIdentifier)))
        return result
    }
}

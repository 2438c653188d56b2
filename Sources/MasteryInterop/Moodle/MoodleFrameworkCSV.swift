import Foundation
import MasteryCore

/// Moodle's competency framework CSV (`tool_lpimportcsv`): 14 columns read by position (the header's wording
/// varies between Moodle versions), one framework row and one row per competency, parents named by ID number.
/// Moodle silently drops what it cannot place; Masterly refuses the file instead, naming the row.
public enum MoodleFrameworkCSV {
    public static let header = [
        "Parent ID number", "ID number", "Short name", "Description", "Description format", "Scale values",
        "Scale configuration", "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
        "Cross-referenced competency ID numbers", "Exported ID (optional)", "Is framework", "Taxonomy",
    ]
    static let ruleTypes = ["core_competency\\competency_rule_all", "core_competency\\competency_rule_points"]
    static let taxonomyTerms: Set<String> = [
        "behaviour", "competency", "concept", "domain", "indicator", "level", "outcome", "practice", "proficiency",
        "skill", "value",
    ]

    public struct Reading: Sendable {
        public var package: FrameworkPackage
        public var warnings: [ImportProblem]
        /// "framework OECD-CORE: 64 competencies (2 strands, 62 competencies), 39 related pairs, 0 rules".
        public var headline: String
    }

    struct Row {
        var line: Int
        var fields: [String]
        var parent: String { fields[0].trimmingCharacters(in: .whitespaces) }
        var idNumber: String { fields[1].trimmingCharacters(in: .whitespaces) }
        var shortName: String { fields[2].trimmingCharacters(in: .whitespaces) }
        /// The name as written (Moodle keeps surrounding spaces; so does the round trip).
        var name: String { fields[2] }
    }

    public static func read(_ data: Data, fileName: String) throws(ImportError) -> Reading {
        var problems: [ImportProblem] = []
        func error(_ line: Int, _ column: Int?, _ message: String) {
            problems.append(
                ImportProblem(file: fileName, line: line, field: column.map { header[$0] } ?? "row", message: message))
        }
        func warning(_ line: Int, _ column: Int?, _ message: String) {
            problems.append(
                ImportProblem(
                    file: fileName, line: line, field: column.map { header[$0] } ?? "row", message: message,
                    severity: .warning))
        }
        let records: [CSVReader.Record]
        do {
            records = try CSVReader().records(data)
        } catch {
            throw ImportError(problems: [
                ImportProblem(
                    file: fileName, line: error.line, field: "file", message: "malformed CSV (\(error.message))")
            ])
        }
        guard let first = records.first else {
            throw ImportError(problems: [ImportProblem(file: fileName, line: 1, field: "file", message: "empty file")])
        }
        if first.fields.count != 14 { error(1, nil, "\(first.fields.count) fields, expected 14") }
        var frameworkRow: Row?
        var rows: [Row] = []
        for record in records.dropFirst() {
            guard record.fields.count == 14 else {
                error(record.line, nil, "\(record.fields.count) fields, expected 14")
                continue
            }
            let row = Row(line: record.line, fields: record.fields)
            let flag = record.fields[12].trimmingCharacters(in: .whitespaces)
            if !flag.isEmpty && flag != "0" {
                if let previous = frameworkRow {
                    error(record.line, 12, "a second framework row (the first is at line \(previous.line))")
                }
                frameworkRow = frameworkRow ?? row
                continue
            }
            if row.idNumber.isEmpty || row.shortName.isEmpty {
                warning(record.line, row.idNumber.isEmpty ? 1 : 2, "empty; the row is skipped (as Moodle does)")
                continue
            }
            rows.append(row)
        }
        guard let framework = frameworkRow else {
            error(1, 12, "no framework row")
            throw ImportError(problems: problems)
        }
        if framework.idNumber.isEmpty { error(framework.line, 1, "the framework has no ID number") }
        if framework.shortName.isEmpty { error(framework.line, 2, "the framework has no short name") }
        let scale = readScale(framework, error: error, warning: warning)
        for term in framework.fields[13].split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
        where !term.isEmpty && !taxonomyTerms.contains(term) {
            warning(framework.line, 13, "unknown taxonomy term '\(term)'")
        }
        var lineOf: [String: Int] = [:]
        for row in rows {
            if let first = lineOf[row.idNumber] {
                error(row.line, 1, "duplicate competency idnumber '\(row.idNumber)' (first at line \(first))")
            } else {
                lineOf[row.idNumber] = row.line
            }
        }
        var rules = 0
        for row in rows {
            if !row.parent.isEmpty, lineOf[row.parent] == nil {
                error(row.line, 0, "unknown parent '\(row.parent)'")
            }
            if !["0", "1", "2", "4", ""].contains(row.fields[4].trimmingCharacters(in: .whitespaces)) {
                error(row.line, 4, "'\(row.fields[4])' is not 0, 1, 2 or 4")
            }
            let ruleType = row.fields[7].trimmingCharacters(in: .whitespaces)
            if !ruleType.isEmpty {
                if ruleTypes.contains(ruleType) {
                    rules += 1
                    warning(row.line, 7, "rule kept for export, not applied")
                } else {
                    error(row.line, 7, "unknown rule type '\(ruleType)'")
                }
            }
            let outcome = row.fields[8].trimmingCharacters(in: .whitespaces)
            if !outcome.isEmpty, !["0", "1", "2", "3"].contains(outcome) {
                error(row.line, 8, "'\(outcome)' is not a rule outcome (0 to 3)")
            }
            let config = row.fields[9].trimmingCharacters(in: .whitespaces)
            if !config.isEmpty, config != "null", CASEJSON.parse(Data(config.utf8)) == nil {
                error(row.line, 9, "not JSON")
            }
            for reference in crossReferences(row.fields[10]) where lineOf[reference] == nil {
                error(row.line, 10, "unknown idnumber '\(reference)'")
            }
            if !row.fields[13].trimmingCharacters(in: .whitespaces).isEmpty {
                warning(row.line, 13, "taxonomy on a competency row; ignored")
            }
        }
        // Cycles in parents.
        let parentOf = Dictionary(rows.map { ($0.idNumber, $0.parent) }, uniquingKeysWith: { first, _ in first })
        for row in rows {
            var seen: Set<String> = [row.idNumber]
            var current = row.parent
            while !current.isEmpty, let next = parentOf[current] {
                if !seen.insert(current).inserted {
                    error(row.line, 0, "a cycle in parents through '\(current)'")
                    break
                }
                current = next
            }
            if problems.contains(where: { $0.message.hasPrefix("a cycle") }) { break }
        }
        if problems.contains(where: { $0.severity == .error }) {
            throw ImportError(problems: problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
        }

        let source = "moodle:\(framework.idNumber)"
        let frameworkDetails: [String: Any] = [
            "description": framework.fields[3], "descriptionformat": framework.fields[4],
            "scalevalues": framework.fields[5], "scaleconfiguration": framework.fields[6],
            "taxonomy": framework.fields[13],
        ]
        var package = FrameworkPackage(
            sourceIdentifier: source, code: framework.idNumber, title: framework.shortName, levels: scale?.levels,
            masteryThreshold: scale?.threshold, details: CASEJSON.text(frameworkDetails))
        var children: [String: [Row]] = [:]
        for row in rows { children[row.parent, default: []].append(row) }
        func details(_ row: Row) -> String? {
            CASEJSON.text([
                "description": row.fields[3], "descriptionformat": row.fields[4], "scalevalues": row.fields[5],
                "scaleconfiguration": row.fields[6], "ruletype": row.fields[7], "ruleoutcome": row.fields[8],
                "ruleconfig": row.fields[9], "exportedid": row.fields[11],
            ])
        }
        let top = children[""] ?? []
        let leaves = top.filter { children[$0.idNumber] == nil }
        for row in top where children[row.idNumber] != nil {
            package.strands.append(
                FrameworkPackage.Node(
                    sourceIdentifier: row.idNumber, code: row.idNumber, title: row.name,
                    position: package.strands.count, details: details(row)))
        }
        if !leaves.isEmpty {
            package.strands.append(
                FrameworkPackage.Node(
                    sourceIdentifier: source, code: "", title: framework.shortName, position: package.strands.count))
        }
        func add(_ node: Row, strand: String, parent: String?, position: Int) {
            package.competencies.append(
                FrameworkPackage.Node(
                    sourceIdentifier: node.idNumber, code: node.idNumber, title: node.name, position: position,
                    strandKey: strand, parentKey: parent, details: details(node)))
            for (index, child) in (children[node.idNumber] ?? []).enumerated() {
                add(child, strand: strand, parent: node.idNumber, position: index)
            }
        }
        for row in top where children[row.idNumber] != nil {
            for (index, child) in children[row.idNumber]!.enumerated() {
                add(child, strand: row.idNumber, parent: nil, position: index)
            }
        }
        for (index, row) in leaves.enumerated() { add(row, strand: source, parent: nil, position: index) }
        var pairs: Set<[String]> = []
        for row in rows {
            for other in crossReferences(row.fields[10]) where other != row.idNumber {
                pairs.insert([row.idNumber, other].sorted())
            }
        }
        package.links = pairs.sorted { $0.joined(separator: "\u{0}") < $1.joined(separator: "\u{0}") }.map {
            FrameworkPackage.Link(
                identifier: NameBasedUUID.make("moodle-related:\(source):\($0[0]):\($0[1])"), type: "isRelatedTo",
                originKey: $0[0], destinationKey: $0[1])
        }
        let strandCount = package.strands.filter { !package.isSynthetic($0) }.count
        let headline =
            "framework \(framework.idNumber): \(rows.count) competencies (\(strandCount) strands, "
            + "\(package.competencies.count) competencies), \(pairs.count) related pairs, \(rules) rules"
        return Reading(package: package, warnings: problems, headline: headline)
    }

    static func crossReferences(_ field: String) -> [String] {
        field.split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%2C", with: ",")
        }.filter { !$0.isEmpty }
    }

    /// The scale of the framework row: its items worst first, and the threshold (the lowest proficient item).
    static func readScale(
        _ row: Row, error: (Int, Int?, String) -> Void, warning: (Int, Int?, String) -> Void
    ) -> (levels: [ProficiencyLevel], threshold: Double)? {
        let items = row.fields[5].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard !items.isEmpty else {
            error(row.line, 5, "the framework needs its scale values")
            return nil
        }
        guard let configuration = CASEJSON.parse(Data(row.fields[6].utf8)) as? [Any] else {
            error(row.line, 6, "not a JSON array")
            return nil
        }
        var defaults = 0
        var proficient: [Int] = []
        for entry in configuration.compactMap({ $0 as? [String: Any] }) where entry["scaleid"] == nil {
            guard let (id, _) = CASEJSON.integer(entry["id"]), (1...items.count).contains(id) else {
                error(row.line, 6, "item id \(entry["id"] ?? "none") is outside 1…\(items.count)")
                continue
            }
            if CASEJSON.integer(entry["scaledefault"])?.0 == 1 { defaults += 1 }
            if CASEJSON.integer(entry["proficient"])?.0 == 1 { proficient.append(id) }
        }
        if defaults == 0 { error(row.line, 6, "no item marked scaledefault") }
        if proficient.isEmpty { error(row.line, 6, "no item marked proficient") }
        guard let threshold = proficient.min() else { return nil }
        if Set(proficient) != Set(threshold...items.count) {
            warning(
                row.line, 6,
                "proficient items are not the top of the scale; Masterly counts every item from \(threshold) up")
        }
        let colours = DefaultScale.colours(count: items.count)
        let levels = items.enumerated().map { ProficiencyLevel(value: Double($0 + 1), label: $1, colour: colours[$0]) }
        return (levels, Double(threshold))
    }

    /// The framework as a Moodle CSV (parents before children; exported ids 1…N; points rules rewritten to
    /// them). Cells that a spreadsheet would run as a formula (`=HYPERLINK(…)` in a description) get the
    /// apostrophe guard of `CSVWriter.line`: administrators open these files in Excel before Moodle reads them.
    public static func write(_ package: FrameworkPackage) -> String {
        let frameworkDetails = CASEJSON.object(package.details)
        func text(_ object: [String: Any], _ key: String, _ fallback: String = "") -> String {
            object[key] as? String ?? fallback
        }
        var scaleValues = text(frameworkDetails, "scalevalues")
        var scaleConfiguration = text(frameworkDetails, "scaleconfiguration")
        if scaleValues.isEmpty, let levels = package.levels {
            let sorted = levels.sorted { $0.value < $1.value }
            scaleValues = sorted.map(\.label).joined(separator: ",")
            let threshold = package.masteryThreshold ?? sorted.last!.value
            var configuration: [[String: Any]] = [["scaleid": "0"]]
            for (index, level) in sorted.enumerated() where level.value >= threshold {
                configuration.append([
                    "id": index + 1, "scaledefault": level.value == threshold ? 1 : 0, "proficient": 1,
                ])
            }
            scaleConfiguration = String(
                decoding: (try? JSONSerialization.data(withJSONObject: configuration, options: [.sortedKeys]))
                    ?? Data(),
                as: UTF8.self)
        }
        var output = CSVWriter.line(header)
        output += CSVWriter.line([
            "", package.code, package.title, text(frameworkDetails, "description"),
            text(frameworkDetails, "descriptionformat", "1"), scaleValues, scaleConfiguration, "", "", "", "", "", "1",
            text(frameworkDetails, "taxonomy"),
        ])
        // Order: strands (not the synthetic one) with their subtrees, then the synthetic strand's competencies.
        var ordered: [(node: FrameworkPackage.Node, parent: String)] = []
        let byParent = Dictionary(grouping: package.competencies) { $0.parentKey ?? $0.strandKey ?? "" }
        func walk(_ key: String, parentCode: String) {
            for child in (byParent[key] ?? []).sorted(by: { $0.position < $1.position })
            where child.parentKey == key || child.parentKey == nil {
                ordered.append((child, parentCode))
                walk(child.key, parentCode: child.code)
            }
        }
        for strand in package.strands.sorted(by: { $0.position < $1.position }) {
            if package.isSynthetic(strand) {
                walk(strand.key, parentCode: "")
            } else {
                ordered.append((strand, ""))
                walk(strand.key, parentCode: strand.code)
            }
        }
        var exportedID: [String: Int] = [:]
        for (index, entry) in ordered.enumerated() {
            let old = text(CASEJSON.object(entry.node.details), "exportedid")
            if !old.isEmpty { exportedID[old] = index + 1 }
        }
        var related: [String: [String]] = [:]
        let codes = Dictionary(
            (package.strands + package.competencies).map { ($0.key, $0.code) }, uniquingKeysWith: { first, _ in first })
        for link in package.links where link.type == "isRelatedTo" {
            guard let a = codes[link.originKey], let b = codes[link.destinationKey] else { continue }
            related[a, default: []].append(b)
            related[b, default: []].append(a)
        }
        for (index, entry) in ordered.enumerated() {
            let details = CASEJSON.object(entry.node.details)
            let references = (related[entry.node.code] ?? []).map { $0.replacingOccurrences(of: ",", with: "%2C") }
            output += CSVWriter.line([
                entry.parent, entry.node.code, entry.node.title, text(details, "description"),
                text(details, "descriptionformat", "1"), text(details, "scalevalues"),
                text(details, "scaleconfiguration"), text(details, "ruletype"), text(details, "ruleoutcome", "0"),
                rewrite(text(details, "ruleconfig", "null"), exportedID), references.joined(separator: ","),
                String(index + 1), "", "",
            ])
        }
        return output
    }

    /// A points rule's competency ids, renumbered to this export's ids.
    static func rewrite(_ config: String, _ ids: [String: Int]) -> String {
        guard var object = CASEJSON.parse(Data(config.utf8)) as? [String: Any],
            let competencies = object["competencies"] as? [[String: Any]]
        else { return config }
        object["competencies"] = competencies.map { entry -> [String: Any] in
            var entry = entry
            if let (id, _) = CASEJSON.integer(entry["id"]), let new = ids[String(id)] { entry["id"] = new }
            return entry
        }
        return CASEJSON.text(object) ?? config
    }
}

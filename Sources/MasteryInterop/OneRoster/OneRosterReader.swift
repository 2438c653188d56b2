import Foundation
import MasteryCore

/// Validates a OneRoster 1.1 / 1.2 CSV package and reads the records Masterly imports. Columns are mapped by
/// header name; every problem is reported as `file:line: field: message`. Errors (unknown references, duplicate
/// ids, missing required values, unparseable values) refuse the whole package; warnings (extension columns,
/// role mismatches, non-ISO dates, …) are kept in the result.
public struct OneRosterReader {
    /// The `sourcedId`s already in the database for each entity: references into files that are not in the
    /// package as `bulk` may point at them (delta packages and partial exports).
    public var existing: [RosterImport.Kind: Set<String>]
    /// Called with a short note ("users.csv: 120000 rows") while large files are read.
    public var progress: (@Sendable (String) -> Void)?

    public init(
        existing: [RosterImport.Kind: Set<String>] = [:], progress: (@Sendable (String) -> Void)? = nil
    ) {
        self.existing = existing
        self.progress = progress
    }

    typealias Row = (line: Int, values: [String: String])

    /// The roster and the warnings, or every problem when there is an error.
    public func read(
        _ package: OneRosterPackage
    ) throws(ImportError) -> (
        roster: RosterImport, warnings: [ImportProblem]
    ) {
        var state = OneRosterReadState(package: package, existing: existing, progress: progress)
        state.run()
        let problems = state.sortedProblems()
        if problems.contains(where: { $0.severity == .error }) { throw ImportError(problems: problems) }
        return (state.roster(), problems)
    }
}

/// One reading of one package: the files (here), their references (`+References`) and the roster they make
/// (`+Roster`).
struct OneRosterReadState {
    let package: OneRosterPackage
    let existing: [RosterImport.Kind: Set<String>]
    let progress: (@Sendable (String) -> Void)?
    var problems: [ImportProblem] = []
    var version = "1.1"
    var properties: [String: (value: String, line: Int)] = [:]
    var modes: [String: (mode: RosterImport.Mode, line: Int)] = [:]
    var data: [OneRosterEntity: [OneRosterReader.Row]] = [:]

    init(
        package: OneRosterPackage, existing: [RosterImport.Kind: Set<String>],
        progress: (@Sendable (String) -> Void)?
    ) {
        self.package = package
        self.existing = existing
        self.progress = progress
    }

    mutating func problem(
        _ severity: ImportProblem.Severity, _ file: String, _ line: Int, _ field: String, _ message: String
    ) {
        problems.append(ImportProblem(file: file, line: line, field: field, message: message, severity: severity))
    }

    var fileNames: [String] { version == "1.2" ? OneRosterSchema.files12 : OneRosterSchema.files11 }

    func isImported(_ stem: String) -> Bool {
        guard let entity = OneRosterEntity(rawValue: stem) else { return false }
        return entity != .roles || version == "1.2"
    }

    // MARK: CSV

    mutating func records(_ name: String) -> [CSVReader.Record] {
        guard var bytes = package.files[name] else { return [] }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if String(data: bytes, encoding: .utf8) == nil {
            let bad = Self.firstInvalidUTF8(bytes)
            let line = bytes.prefix(bad).filter { $0 == UInt8(ascii: "\n") }.count + 1
            problem(.error, name, line, "file", "not valid UTF-8 (byte at offset \(bad))")
            return []
        }
        do {
            var rows: [CSVReader.Record] = []
            try CSVReader().forEachRecord(Data(bytes)) { record in
                rows.append(record)
                if rows.count % 100_000 == 0 { progress?("\(name): \(rows.count) rows") }
            }
            return rows
        } catch {
            problem(.error, name, error.line, "file", "malformed CSV (\(error.message))")
            return []
        }
    }

    static func firstInvalidUTF8(_ bytes: Data) -> Int {
        var low = 0
        var high = bytes.count
        while low < high {
            let middle = (low + high) / 2
            if String(data: bytes.prefix(middle + 1), encoding: .utf8) != nil
                || Self.endsInsideCharacter(bytes.prefix(middle + 1))
            {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// Whether a prefix that does not decode only ends in the middle of a multi-byte character.
    static func endsInsideCharacter(_ prefix: Data) -> Bool {
        for cut in 1...3 where prefix.count > cut {
            if String(data: prefix.dropLast(cut), encoding: .utf8) != nil {
                let tail = prefix.suffix(cut)
                return tail.first.map { $0 >= 0xC0 } ?? false && tail.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
            }
        }
        return false
    }

    // MARK: Manifest

    mutating func readManifest() {
        guard package.files["manifest.csv"] != nil else {
            problem(.error, "manifest.csv", 1, "file", "manifest.csv is missing")
            return
        }
        let rows = records("manifest.csv")
        guard let header = rows.first else {
            problem(.error, "manifest.csv", 1, "file", "empty manifest")
            return
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        if names != ["propertyName", "value"] {
            problem(
                .error, "manifest.csv", 1, "header",
                "expected propertyName,value, found \(names.joined(separator: ","))")
        }
        for row in rows.dropFirst() {
            var fields = row.fields
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            if fields.count != 2 {
                problem(.error, "manifest.csv", row.line, "row", "\(fields.count) fields, expected 2")
                fields = Array((fields + ["", ""]).prefix(2))
            }
            let key = fields[0].trimmingCharacters(in: .whitespaces)
            let value = fields[1].trimmingCharacters(in: .whitespaces)
            if let first = properties[key] {
                problem(.error, "manifest.csv", row.line, key, "duplicate property (first at line \(first.line))")
                continue
            }
            properties[key] = (value, row.line)
        }
        let declared = properties["oneroster.version"]
        if let declared, declared.value == "1.1" || declared.value == "1.2" {
            version = declared.value
        } else {
            problem(
                .error, "manifest.csv", declared?.line ?? 1, "oneroster.version",
                "unsupported or missing OneRoster version '\(declared?.value ?? "")' (expected 1.1 or 1.2)")
        }
        let manifestVersion = properties["manifest.version"]
        if manifestVersion?.value != "1.0" {
            problem(
                .warning, "manifest.csv", manifestVersion?.line ?? 1, "manifest.version",
                "expected 1.0, found '\(manifestVersion?.value ?? "")'")
        }
        for (key, entry) in properties.sorted(by: { $0.value.line < $1.value.line }) {
            if OneRosterSchema.manifestKeys.contains(key) { continue }
            if key.hasPrefix("file.") {
                let stem = String(key.dropFirst(5))
                guard fileNames.contains(stem) else {
                    problem(
                        .warning, "manifest.csv", entry.line, key,
                        "unknown manifest key (no \(stem).csv in OneRoster \(version)); ignored")
                    continue
                }
                var mode = RosterImport.Mode(rawValue: entry.value)
                if mode == nil {
                    if isImported(stem) {
                        problem(
                            .error, "manifest.csv", entry.line, key,
                            "value '\(entry.value)' is not bulk, delta or absent")
                    } else {
                        problem(
                            .warning, "manifest.csv", entry.line, key,
                            "value '\(entry.value)' is not bulk, delta or absent; file not used, treated as absent")
                    }
                    mode = .absent
                }
                modes[stem] = (mode ?? .absent, entry.line)
                continue
            }
            let suggestion = ClosestName.match(key, in: OneRosterSchema.manifestKeys + fileNames.map { "file." + $0 })
            problem(
                .warning, "manifest.csv", entry.line, key,
                "unknown manifest key" + (suggestion.map { " (did you mean \($0)?)" } ?? "") + "; ignored")
        }
    }

    // MARK: Files

    mutating func run() {
        readManifest()
        let names = package.files.keys.sorted()
        var present: [String: String] = [:]
        for name in names where name != "manifest.csv" {
            guard name.hasSuffix(".csv") else {
                problem(.warning, name, 1, "file", "not a CSV file; ignored")
                continue
            }
            present[String(name.dropLast(4))] = name
        }
        for (stem, name) in present.sorted(by: { $0.key < $1.key }) where !fileNames.contains(stem) {
            if let standard = fileNames.first(where: { $0.lowercased() == stem.lowercased() }) {
                let use = isImported(standard) ? "read as \(standard).csv" : "ignored (not used by Masterly)"
                problem(.warning, name, 1, "file", "file name differs in case from \(standard).csv; \(use)")
            } else {
                problem(.warning, name, 1, "file", "not a OneRoster file; ignored")
            }
        }
        for stem in fileNames {
            let (mode, manifestLine) = modes[stem] ?? (.absent, 1)
            let actual =
                present[stem] ?? present.first(where: { $0.key.lowercased() == stem.lowercased() })?.value
            guard let actual else {
                if mode != .absent {
                    problem(
                        isImported(stem) ? .error : .warning, "manifest.csv", manifestLine, "file." + stem,
                        "declared \(mode.rawValue) but \(stem).csv is not in the package")
                }
                continue
            }
            if modes[stem] == nil {
                problem(.warning, actual, 1, "file", "present but not declared in manifest.csv; ignored")
                continue
            }
            if mode == .absent {
                problem(.warning, actual, 1, "file", "present but declared absent; ignored")
                continue
            }
            guard isImported(stem), let entity = OneRosterEntity(rawValue: stem) else { continue }
            let rows = records(actual)
            guard !rows.isEmpty else {
                if !problems.contains(where: { $0.file == actual && $0.severity == .error }) {
                    problem(.error, actual, 1, "file", "empty file (no header row)")
                }
                continue
            }
            data[entity] = check(entity, file: actual, rows: rows, mode: mode)
        }
        checkReferences()
    }

    mutating func check(
        _ entity: OneRosterEntity, file: String, rows: [CSVReader.Record], mode: RosterImport.Mode
    ) -> [OneRosterReader.Row] {
        let columns = OneRosterSchema.columns(entity, version: version)
        let known = Set(columns.map(\.name))
        let header = rows[0].fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if name.isEmpty {
                problem(.error, file, 1, "column \(index + 1)", "empty column name")
                continue
            }
            if let first = seen[name] {
                problem(.error, file, 1, name, "duplicate column (also column \(first + 1))")
            }
            if seen[name] == nil { seen[name] = index }
            if known.contains(name) { continue }
            if name.hasPrefix("metadata.") {
                problem(.warning, file, 1, name, "extension column; kept as pass-through metadata, not interpreted")
            } else if version == "1.2", entity == .users, name == "role" || name == "orgSourcedIds" {
                problem(
                    .warning, file, 1, name,
                    "OneRoster 1.1 column in a 1.2 package; ignored (1.2 roles come from roles.csv)")
            } else if let alias = OneRosterSchema.aliases[name] {
                problem(.warning, file, 1, name, "non-standard column (did you mean \(alias)?); ignored")
            } else {
                let suggestion = ClosestName.match(name, in: columns.map(\.name), cutoff: 0.85)
                problem(
                    .warning, file, 1, name,
                    "unknown column" + (suggestion.map { " (did you mean \($0)?)" } ?? "")
                        + "; treated as an extension column, ignored")
            }
        }
        for column in columns where column.required && seen[column.name] == nil {
            problem(.error, file, 1, column.name, "required column missing from header")
        }
        var ids: [String: Int] = [:]
        var result: [OneRosterReader.Row] = []
        result.reserveCapacity(rows.count - 1)
        for record in rows.dropFirst() {
            let fields = record.fields
            if fields.isEmpty || (fields.count == 1 && fields[0].isEmpty) { continue }
            if fields.count != header.count {
                problem(.error, file, record.line, "row", "\(fields.count) fields but the header has \(header.count)")
            }
            var values: [String: String] = [:]
            for (index, name) in header.enumerated() where !name.isEmpty && values[name] == nil {
                values[name] = index < fields.count ? fields[index].trimmingCharacters(in: .whitespaces) : ""
            }
            for column in columns where seen[column.name] != nil {
                let value = values[column.name] ?? ""
                if value.isEmpty {
                    if column.required {
                        problem(.error, file, record.line, column.name, "required value is empty")
                    } else if mode == .delta, column.name == "status" || column.name == "dateLastModified" {
                        problem(.error, file, record.line, column.name, "required in a delta file but empty")
                    }
                    continue
                }
                if let normalised = checkValue(file, record.line, column, value, mode: mode) {
                    values[column.name] = normalised
                }
            }
            if let id = values["sourcedId"], !id.isEmpty {
                if let first = ids[id] {
                    problem(
                        .error, file, record.line, "sourcedId", "duplicate sourcedId '\(id)' (first at line \(first))")
                } else {
                    ids[id] = record.line
                }
            }
            result.append((record.line, values))
        }
        return result
    }

    /// Checks one value; returns its normalised form when it was read leniently (an enumeration's case).
    mutating func checkValue(
        _ file: String, _ line: Int, _ column: OneRosterSchema.Column, _ value: String, mode: RosterImport.Mode
    ) -> String? {
        switch column.type {
        case .status:
            if value == "tobedeleted", mode == .bulk {
                problem(
                    .warning, file, line, column.name,
                    "status tobedeleted in a bulk file; record treated as deleted (not imported)")
                return nil
            }
            if OneRosterSchema.statuses.contains(value) { return nil }
            if let match = OneRosterSchema.statuses.first(where: { $0.lowercased() == value.lowercased() }) {
                problem(
                    .warning, file, line, column.name,
                    "'\(value)' read as '\(match)' (enumeration values are case-sensitive)")
                return match
            }
            let note = value.lowercased() == "inactive" ? " ('inactive' is a OneRoster 1.0 value)" : ""
            problem(.error, file, line, column.name, "'\(value)' is not one of active, tobedeleted\(note)")
        case .dateTime:
            report(OneRosterDate.readDateTime(value), file, line, column.name)
        case .date:
            report(OneRosterDate.readDate(value), file, line, column.name)
        case .year:
            if !OneRosterDate.isYear(value) {
                problem(.error, file, line, column.name, "'\(value)' is not a year (expected YYYY)")
            }
        case .bool:
            if value.lowercased() != "true" && value.lowercased() != "false" {
                problem(.error, file, line, column.name, "'\(value)' is not true or false")
            }
        case .enumeration(let allowed):
            if allowed.contains(value) { return nil }
            if let match = allowed.first(where: { $0.lowercased() == value.lowercased() }) {
                problem(
                    .warning, file, line, column.name,
                    "'\(value)' read as '\(match)' (enumeration values are case-sensitive)")
                return match
            }
            if value.hasPrefix("ext:") {
                problem(.warning, file, line, column.name, "extension value '\(value)' has no Masterly meaning")
            } else {
                problem(
                    .error, file, line, column.name,
                    "'\(value)' is not one of \(allowed.joined(separator: ", "))")
            }
        case .userIDs:
            for item in OneRosterValues.userIDs(value) where !OneRosterValues.isUserID(item) {
                problem(.error, file, line, column.name, "'\(item)' is not of the form {type:id}")
            }
        case .id, .text, .list, .reference, .references, .foreignReference:
            break
        }
        return nil
    }

    mutating func report(_ reading: OneRosterDate.Reading, _ file: String, _ line: Int, _ field: String) {
        switch reading {
        case .valid: break
        case .lenient(let message): problem(.warning, file, line, field, message)
        case .invalid(let message): problem(.error, file, line, field, message)
        }
    }
}

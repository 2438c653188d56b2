import Foundation
import MasteryCore

/// People for a school without a student information system, one per line of a CSV file:
///
///     role,given_name,family_name,username,email,school,grade,guardian_of,sections
///     teacher,Ada,Lovelace,alovelace,ada@lakeside.org,,,,Math 7A
///     student,Sam,Rivera,srivera,,lakeside-elementary,4,,Math 7A;Science 7B
///     guardian,Rosa,Rivera,rrivera,rosa@example.org,,,srivera,
///
/// `role`, `given_name` and `username` are required; columns may come in any order and others are refused (a
/// misspelt header would otherwise lose a column silently). `school` is a school's id, OneRoster `sourcedId` or
/// name (empty: the importer's own school, when they have one). `guardian_of` lists students' usernames,
/// separated by `;`; `sections` the sections (name or id, of the person's school) to enrol a student or a
/// teacher in, separated by `;`. Every problem is reported with its line and column; nothing is read from a file with
/// errors.
public struct PeopleCSV: Sendable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var role: Role
        public var givenName: String
        public var familyName: String
        public var username: String
        public var email: String?
        public var school: String?
        public var grade: String?
        public var guardianOf: [String]
        public var sections: [String]
    }

    public static let columns = [
        "role", "given_name", "family_name", "username", "email", "school", "grade", "guardian_of", "sections",
    ]
    static let required = ["role", "given_name", "username"]

    public var rows: [Row]

    public init(_ data: Data, fileName: String) throws(ImportError) {
        var problems: [ImportProblem] = []
        func problem(_ line: Int?, _ field: String?, _ message: String) {
            problems.append(ImportProblem(file: fileName, line: line, field: field, message: message))
        }
        guard String(data: data, encoding: .utf8) != nil else {
            throw ImportError(problems: [
                ImportProblem(file: fileName, line: nil, field: nil, message: "is not UTF-8 text")
            ])
        }
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.detectingSeparator(in: data).records(data)
        } catch {
            throw ImportError(problems: [
                ImportProblem(file: fileName, line: error.line, field: nil, message: error.message)
            ])
        }
        guard let header = records.first else {
            throw ImportError(problems: [
                .init(
                    file: fileName, line: 1, field: nil,
                    message:
                        "the file is empty; the first line names the columns: \(Self.columns.joined(separator: ","))")
            ])
        }
        var index: [String: Int] = [:]
        for (position, name) in header.fields.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if !Self.columns.contains(key) {
                problem(header.line, name, "unknown column (known: \(Self.columns.joined(separator: ", ")))")
            } else if index[key] != nil {
                problem(header.line, name, "the column appears twice")
            } else {
                index[key] = position
            }
        }
        for column in Self.required where index[column] == nil {
            problem(header.line, column, "the column is missing")
        }
        guard problems.isEmpty else { throw ImportError(problems: problems) }
        var rows: [Row] = []
        var usernames: [String: Int] = [:]
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func value(_ column: String) -> String? {
                guard let position = index[column], position < record.fields.count else { return nil }
                let text = record.fields[position].trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            }
            let line = record.line
            var bad = false
            for column in Self.columns {
                guard let text = value(column) else { continue }
                if text.count > 200
                    || text.unicodeScalars.contains(where: {
                        $0.value < 0x20 || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
                    })
                {
                    problem(line, column, "longer than 200 characters or holds control characters")
                    bad = true
                }
            }
            let roleText = value("role")?.lowercased() ?? ""
            let role = Role(rawValue: roleText)
            if role == nil {
                problem(
                    line, "role",
                    roleText.isEmpty
                        ? "is empty"
                        : "'\(roleText)' is not one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let given = value("given_name")
            if given == nil { problem(line, "given_name", "is empty") }
            let username = value("username")
            if let username {
                if username.contains(where: \.isWhitespace) {
                    problem(line, "username", "'\(username)' has spaces; a username is one word")
                } else if let first = usernames[username.lowercased()] {
                    problem(line, "username", "'\(username)' is also on line \(first)")
                } else {
                    usernames[username.lowercased()] = line
                }
            } else {
                problem(line, "username", "is empty")
            }
            let email = value("email")
            if let email {
                let parts = email.split(separator: "@", omittingEmptySubsequences: false)
                if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".")
                    || email.contains(where: \.isWhitespace)
                {
                    problem(line, "email", "'\(email)' is not an email address")
                }
            }
            let guardianOf = (value("guardian_of") ?? "").split(separator: ";").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            if !guardianOf.isEmpty, role != nil, role != .guardian {
                problem(line, "guardian_of", "only a guardian's line names students")
            }
            let sections = (value("sections") ?? "").split(separator: ";").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            if !sections.isEmpty, role == .guardian {
                problem(line, "sections", "a guardian is not enrolled in sections; name the children in guardian_of")
            }
            if let grade = value("grade"), grade.count > 20 { problem(line, "grade", "is longer than 20 characters") }
            guard let role, let given, let username, !bad else { continue }
            rows.append(
                Row(
                    line: line, role: role, givenName: given, familyName: value("family_name") ?? "",
                    username: username, email: email, school: value("school"), grade: value("grade"),
                    guardianOf: guardianOf, sections: sections))
        }
        guard problems.isEmpty else { throw ImportError(problems: problems) }
        if rows.isEmpty {
            throw ImportError(problems: [ImportProblem(file: fileName, line: nil, field: nil, message: "lists nobody")])
        }
        self.rows = rows
    }
}

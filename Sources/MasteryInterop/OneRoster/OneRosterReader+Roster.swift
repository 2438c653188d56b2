import Foundation
import MasteryCore

/// The result of a reading: the problems in order and the roster to apply.
extension OneRosterReadState {
    func sortedProblems() -> [ImportProblem] {
        let order = ["manifest"] + OneRosterEntity.allCases.map(\.rawValue)
        func rank(_ file: String) -> Int {
            order.firstIndex(of: file.hasSuffix(".csv") ? String(file.dropLast(4)) : file) ?? 99
        }
        return problems.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if rank(x.file) != rank(y.file) { return rank(x.file) < rank(y.file) }
            if x.file != y.file { return x.file < y.file }
            if (x.line ?? 0) != (y.line ?? 0) { return (x.line ?? 0) < (y.line ?? 0) }
            if x.severity != y.severity { return x.severity == .error }
            return a.offset < b.offset
        }.map(\.element)
    }

    func roster() -> RosterImport {
        var modesByKind: [RosterImport.Kind: RosterImport.Mode] = [:]
        for entity in OneRosterEntity.allCases {
            guard let kind = OneRosterMapping.kind(entity) else { continue }
            modesByKind[kind] = modes[entity.rawValue]?.mode ?? .absent
        }
        let system = properties["source.systemName"]?.value ?? ""
        var roster = RosterImport(
            source: "OneRoster \(version)" + (system.isEmpty ? "" : " from \(system)"), modes: modesByKind)
        func text(_ row: OneRosterReader.Row, _ name: String) -> String { row.values[name] ?? "" }
        func optional(_ row: OneRosterReader.Row, _ name: String) -> String? {
            let value = row.values[name] ?? ""
            return value.isEmpty ? nil : value
        }
        func origin(_ entity: OneRosterEntity, _ row: OneRosterReader.Row) -> RosterImport.Origin {
            RosterImport.Origin(
                file: entity.fileName, line: row.line, sourcedID: text(row, "sourcedId"),
                deleted: row.values["status"] == "tobedeleted",
                modifiedAt: optional(row, "dateLastModified").flatMap(OneRosterDate.instant))
        }
        roster.organizations = (data[.orgs] ?? []).map {
            .init(
                origin: origin(.orgs, $0), kind: OneRosterMapping.organizationKind(text($0, "type")),
                name: text($0, "name"), parentSourcedID: optional($0, "parentSourcedId"))
        }
        roster.academicSessions = (data[.academicSessions] ?? []).map {
            .init(
                origin: origin(.academicSessions, $0), title: text($0, "title"), type: text($0, "type"),
                startDate: String(text($0, "startDate").prefix(10)), endDate: String(text($0, "endDate").prefix(10)),
                parentSourcedID: optional($0, "parentSourcedId"), schoolYear: text($0, "schoolYear"))
        }
        roster.courses = (data[.courses] ?? []).map {
            .init(
                origin: origin(.courses, $0), title: text($0, "title"), code: text($0, "courseCode"),
                schoolSourcedID: text($0, "orgSourcedId"))
        }
        roster.sections = (data[.classes] ?? []).map {
            let title = text($0, "title")
            let code = optional($0, "classCode")
            return .init(
                origin: origin(.classes, $0), name: code.map { $0 == title ? title : "\(title) (\($0))" } ?? title,
                courseSourcedID: text($0, "courseSourcedId"), schoolSourcedID: text($0, "schoolSourcedId"),
                termSourcedIDs: OneRosterValues.list(text($0, "termSourcedIds")))
        }
        var primaryRole: [String: (role: String, org: String)] = [:]
        if version == "1.2" {
            let roles = (data[.roles] ?? []).filter { $0.values["status"] != "tobedeleted" }
            let ordered =
                roles.filter { $0.values["roleType"] == "primary" }
                + roles.filter { $0.values["roleType"] != "primary" }
            for row in ordered where primaryRole[text(row, "userSourcedId")] == nil {
                primaryRole[text(row, "userSourcedId")] = (text(row, "role"), text(row, "orgSourcedId"))
            }
        }
        roster.people = (data[.users] ?? []).map { row in
            let id = text(row, "sourcedId")
            let role = version == "1.2" ? primaryRole[id]?.role : optional(row, "role")
            let org =
                version == "1.2"
                ? (optional(row, "primaryOrgSourcedId") ?? primaryRole[id]?.org)
                : OneRosterValues.list(text(row, "orgSourcedIds")).first
            let mapped = role.flatMap(OneRosterMapping.role)
            return .init(
                origin: origin(.users, row), role: mapped, active: text(row, "enabledUser").lowercased() != "false",
                username: optional(row, "username"),
                givenName: optional(row, "preferredGivenName") ?? text(row, "givenName"),
                familyName: optional(row, "preferredFamilyName") ?? text(row, "familyName"),
                organizationSourcedID: org,
                gradeLevel: mapped == .student ? OneRosterValues.list(text(row, "grades")).first : nil,
                agentSourcedIDs: OneRosterValues.list(text(row, "agentSourcedIds")), email: optional(row, "email"))
        }
        roster.enrollments = (data[.enrollments] ?? []).map {
            .init(
                origin: origin(.enrollments, $0), sectionSourcedID: text($0, "classSourcedId"),
                personSourcedID: text($0, "userSourcedId"), role: OneRosterMapping.enrollmentRole(text($0, "role")))
        }
        return roster
    }
}

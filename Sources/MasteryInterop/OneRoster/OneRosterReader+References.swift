import Foundation
import MasteryCore

/// Cross-file checks: references, parent cycles, date ranges and roles.
extension OneRosterReadState {
    mutating func checkReferences() {
        var index: [OneRosterEntity: [String: OneRosterReader.Row]] = [:]
        for (entity, rows) in data {
            var byID: [String: OneRosterReader.Row] = [:]
            for row in rows {
                if let id = row.values["sourcedId"], !id.isEmpty, byID[id] == nil { byID[id] = row }
            }
            index[entity] = byID
        }
        for entity in OneRosterEntity.allCases {
            guard let rows = data[entity] else { continue }
            for column in OneRosterSchema.columns(entity, version: version) {
                let target: OneRosterEntity
                let many: Bool
                switch column.type {
                case .reference(let to): (target, many) = (to, false)
                case .references(let to): (target, many) = (to, true)
                default: continue
                }
                for row in rows {
                    guard let raw = row.values[column.name], !raw.isEmpty else { continue }
                    let values = many ? OneRosterValues.list(raw) : [raw]
                    for value in values {
                        checkReference(
                            entity, row: row, column: column.name, value: value, target: target, index: index)
                    }
                }
            }
        }
        checkParentCycles(index)
        checkDateRanges()
        checkRoles(index)
    }

    mutating func checkReference(
        _ entity: OneRosterEntity, row: OneRosterReader.Row, column: String, value: String,
        target: OneRosterEntity, index: [OneRosterEntity: [String: OneRosterReader.Row]]
    ) {
        let file = entity.fileName
        guard let hit = index[target]?[value] else {
            let targetMode = modes[target.rawValue]?.mode ?? .absent
            let known = OneRosterMapping.kind(target).flatMap { existing[$0] } ?? []
            if targetMode != .bulk, known.contains(value) { return }
            let inPackage = data[target] != nil
            let reason =
                inPackage
                ? (targetMode == .bulk ? "not in \(target.fileName)" : "not in \(target.fileName) nor in the database")
                : "\(target.fileName) declared absent"
                    + (known.isEmpty ? "" : " and not in the database")
            problem(.error, file, row.line, column, "unknown \(target.noun) '\(value)' (\(reason))")
            return
        }
        if hit.values["status"] == "tobedeleted", row.values["status"] != "tobedeleted" {
            let dropped = entity == .enrollments ? "; this record is dropped with it" : ""
            problem(
                .warning, file, row.line, column,
                "references '\(value)' which is marked tobedeleted (\(target.fileName):\(hit.line))\(dropped)")
        }
        if entity == .classes, column == "schoolSourcedId", hit.values["type"] != "school" {
            problem(
                .warning, file, row.line, column,
                "org '\(value)' has type '\(hit.values["type"] ?? "")', not school")
        }
        if entity == .courses, column == "schoolYearSourcedId", hit.values["type"] != "schoolYear" {
            problem(
                .warning, file, row.line, column,
                "session '\(value)' has type '\(hit.values["type"] ?? "")', not schoolYear")
        }
    }

    mutating func checkParentCycles(_ index: [OneRosterEntity: [String: OneRosterReader.Row]]) {
        for entity in [OneRosterEntity.orgs, .academicSessions] {
            guard let rows = data[entity], let byID = index[entity] else { continue }
            for row in rows {
                guard let start = row.values["sourcedId"], !start.isEmpty else { continue }
                var seen: Set<String> = []
                var current: String? = start
                while let id = current, let next = byID[id], !seen.contains(id) {
                    seen.insert(id)
                    current = next.values["parentSourcedId"].flatMap { $0.isEmpty ? nil : $0 }
                }
                if let id = current, seen.contains(id) {
                    problem(
                        .error, entity.fileName, row.line, "parentSourcedId", "cycle in parent chain through '\(id)'")
                    break
                }
            }
        }
    }

    mutating func checkDateRanges() {
        let ranges: [(OneRosterEntity, String, String)] = [
            (.academicSessions, "startDate", "endDate"), (.enrollments, "beginDate", "endDate"),
            (.roles, "beginDate", "endDate"),
        ]
        for (entity, first, second) in ranges {
            for row in data[entity] ?? [] {
                guard let start = row.values[first], let end = row.values[second],
                    OneRosterDate.readDate(start) == .valid, OneRosterDate.readDate(end) == .valid, start > end
                else { continue }
                problem(.warning, entity.fileName, row.line, second, "\(end) is before \(first) \(start)")
            }
        }
    }

    mutating func checkRoles(_ index: [OneRosterEntity: [String: OneRosterReader.Row]]) {
        var rolesOf: [String: Set<String>] = [:]
        if version == "1.2" {
            var primaries: [String: Int] = [:]
            for row in data[.roles] ?? [] where row.values["status"] != "tobedeleted" {
                let user = row.values["userSourcedId"] ?? ""
                if let role = row.values["role"], !role.isEmpty { rolesOf[user, default: []].insert(role) }
                guard row.values["roleType"] == "primary" else { continue }
                let key = user + "\u{0}" + (row.values["orgSourcedId"] ?? "")
                if let first = primaries[key] {
                    problem(
                        .error, "roles.csv", row.line, "roleType",
                        "second primary role for user '\(user)' in org '\(row.values["orgSourcedId"] ?? "")' "
                            + "(first at line \(first))")
                } else {
                    primaries[key] = row.line
                }
            }
            if let users = data[.users] {
                let rolesAbsent = data[.roles] == nil
                if !rolesAbsent || modes["users"]?.mode == .bulk {
                    for row in users where row.values["status"] != "tobedeleted" {
                        let id = row.values["sourcedId"] ?? ""
                        guard rolesOf[id] == nil else { continue }
                        problem(
                            .error, "users.csv", row.line, "role",
                            rolesAbsent
                                ? "no role for this user (OneRoster 1.2 takes roles from roles.csv, which is absent)"
                                : "no role for this user in roles.csv")
                    }
                }
            }
        } else {
            for row in data[.users] ?? [] {
                if let role = row.values["role"], !role.isEmpty {
                    rolesOf[row.values["sourcedId"] ?? "", default: []].insert(role)
                }
            }
        }
        let source = version == "1.2" ? "roles.csv" : "users.csv"
        let classes = index[.classes] ?? [:]
        for row in data[.enrollments] ?? [] {
            let user = row.values["userSourcedId"] ?? ""
            let role = row.values["role"] ?? ""
            if let roles = rolesOf[user], !role.isEmpty, !roles.contains(role) {
                problem(
                    .warning, "enrollments.csv", row.line, "role",
                    "user '\(user)' is \(roles.sorted().joined(separator: "/")) in \(source) but enrolled as \(role) "
                        + "in class '\(row.values["classSourcedId"] ?? "")'")
            }
            if role == "administrator" {
                problem(
                    .warning, "enrollments.csv", row.line, "role",
                    "administrator enrollments are not section memberships in Masterly; skipped")
            }
            if let school = row.values["schoolSourcedId"], !school.isEmpty,
                let classRow = classes[row.values["classSourcedId"] ?? ""],
                let classSchool = classRow.values["schoolSourcedId"], !classSchool.isEmpty, classSchool != school
            {
                problem(
                    .warning, "enrollments.csv", row.line, "schoolSourcedId",
                    "'\(school)' differs from the class's school '\(classSchool)'")
            }
        }
    }
}

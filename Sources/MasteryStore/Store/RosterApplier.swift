import Foundation
import MasteryCore
import SQLKit

/// One application of a `RosterImport` inside a transaction: upserts in dependency order, then removals in
/// reverse order, counting what changed.
struct RosterApplier {
    let db: any SQLDatabase
    let roster: RosterImport
    var lines: [ImportSummary.Line] = []
    /// sourcedId → Masterly id, per table, for everything stored or created so far.
    var organizationIDs: [String: String] = [:]
    var courseIDs: [String: String] = [:]
    var sectionIDs: [String: String] = [:]
    var personIDs: [String: String] = [:]
    var personRoles: [String: Role] = [:]
    /// Records this import dates before the version Masterly already applied: left as they are.
    let stale: [RosterImport.Kind: Set<String>]

    init(db: any SQLDatabase, roster: RosterImport, stale: [RosterImport.Kind: Set<String>] = [:]) {
        self.db = db
        self.roster = roster
        self.stale = stale
    }

    func isStale(_ kind: RosterImport.Kind, _ origin: RosterImport.Origin) -> Bool {
        stale[kind]?.contains(origin.sourcedID) == true
    }

    mutating func run() async throws {
        try await checkUsernames()
        var organizations = ImportSummary.Line(kind: "organizations")
        var sessions = ImportSummary.Line(kind: "academic sessions")
        var courses = ImportSummary.Line(kind: "courses")
        var sections = ImportSummary.Line(kind: "sections")
        var people = ImportSummary.Line(kind: "people")
        var enrollments = ImportSummary.Line(kind: "enrollments")
        var links = ImportSummary.Line(kind: "guardian links")
        try await upsertOrganizations(&organizations)
        let sessionTitles = try await upsertSessions(&sessions)
        try await upsertCourses(&courses)
        try await upsertSections(&sections, sessionTitles: sessionTitles)
        try await upsertPeople(&people)
        try await upsertEnrollments(&enrollments)
        try await linkGuardians(&links)
        try await removeEnrollments(&enrollments)
        try await deactivatePeople(&people)
        try await remove(.sections, table: "sections", ids: sectionIDs, line: &sections)
        try await remove(.courses, table: "courses", ids: courseIDs, line: &courses)
        try await removeSessions(&sessions)
        try await remove(.organizations, table: "organizations", ids: organizationIDs, line: &organizations)
        organizations.stale = stale[.organizations]?.count ?? 0
        sessions.stale = stale[.academicSessions]?.count ?? 0
        courses.stale = stale[.courses]?.count ?? 0
        sections.stale = stale[.sections]?.count ?? 0
        people.stale = stale[.people]?.count ?? 0
        enrollments.stale = stale[.enrollments]?.count ?? 0
        lines = [organizations, sessions, courses, sections, people, enrollments, links]
    }

    // MARK: Reading what is there

    func stored(_ table: String, _ columns: [String]) async throws -> [String: any SQLRow] {
        let rows = try await db.raw(
            "SELECT \(unsafeRaw: columns.joined(separator: ", ")) FROM \(unsafeRaw: table) WHERE sourced_id IS NOT NULL"
        ).all()
        var result: [String: any SQLRow] = [:]
        for row in rows { result[try row.string("sourced_id")] = row }
        return result
    }

    /// The sourcedIds a kind of record keeps after this import: for a bulk file, exactly its live records.
    func removedSourcedIDs<R>(
        _ kind: RosterImport.Kind, records: [R], origin: (R) -> RosterImport.Origin, stored: some Sequence<String>
    ) -> [String] {
        switch roster.mode(kind) {
        case .absent: return []
        case .delta: return records.map(origin).filter { $0.deleted && !isStale(kind, $0) }.map(\.sourcedID)
        case .bulk:
            // A stale record stays as Masterly has it, so it counts as present.
            let kept = Set(records.map(origin).filter { !$0.deleted || isStale(kind, $0) }.map(\.sourcedID))
            return stored.filter { !kept.contains($0) }.sorted()
        }
    }

    /// The records of a kind to write: delivered, not deleted, not older than what Masterly applied.
    func live<R>(_ kind: RosterImport.Kind, _ records: [R], _ origin: (R) -> RosterImport.Origin) -> [R] {
        roster.mode(kind) == .absent ? [] : records.filter { !origin($0).deleted && !isStale(kind, origin($0)) }
    }

    // MARK: Usernames

    /// Refuses usernames that another person (one created in Masterly, or from another sourcedId) holds, and
    /// usernames given twice in the file.
    func checkUsernames() async throws {
        var problems: [RosterImportConflict.Problem] = []
        var firstLine: [String: Int] = [:]
        let people = live(.people, roster.people, \.origin)
        for person in people {
            guard let username = person.username else { continue }
            if let line = firstLine[username.lowercased()] {
                problems.append(
                    .init(
                        file: person.origin.file, line: person.origin.line, field: "username",
                        message: "username '\(username)' is also given at line \(line)"))
            } else {
                firstLine[username.lowercased()] = person.origin.line
            }
        }
        let usernames = people.compactMap(\.username)
        var holders: [String: String?] = [:]
        for chunk in usernames.chunks(of: 500) {
            for row in try await db.raw(
                "SELECT username, sourced_id FROM people WHERE username IN (\(binds: Array(chunk)))"
            ).all() {
                holders[try row.string("username")] = try row.optionalString("sourced_id")
            }
        }
        for person in people {
            guard let username = person.username, let holder = holders[username],
                holder != person.origin.sourcedID
            else { continue }
            problems.append(
                .init(
                    file: person.origin.file, line: person.origin.line, field: "username",
                    message: "username '\(username)' already belongs to another person in Masterly"))
        }
        if !problems.isEmpty { throw RosterImportConflict(problems: problems) }
    }

    // MARK: Organizations

    mutating func upsertOrganizations(_ line: inout ImportSummary.Line) async throws {
        // A district made by `masterly setup` (no sourcedId) adopts the roster's one district, and schools the
        // roster gives no parent go under the database's one district: the administrator oversees them.
        let districts = try await db.raw("SELECT id, sourced_id FROM organizations WHERE kind = 'district'").all()
        let home = districts.count == 1 ? try districts[0].string("id") : nil
        let rosterDistricts = live(.organizations, roster.organizations, \.origin).filter { $0.kind == .district }
        if let home, try districts[0].optionalString("sourced_id") == nil, rosterDistricts.count == 1 {
            try await db.raw(
                "UPDATE organizations SET sourced_id = \(bind: rosterDistricts[0].origin.sourcedID) WHERE id = \(bind: home)"
            ).run()
        }
        let existing = try await stored("organizations", ["id", "kind", "name", "parent_id", "sourced_id"])
        for (sourcedID, row) in existing { organizationIDs[sourcedID] = try row.string("id") }
        let records = live(.organizations, roster.organizations, \.origin)
        for record in records where organizationIDs[record.origin.sourcedID] == nil {
            organizationIDs[record.origin.sourcedID] = Store.importedID("org", record.origin.sourcedID)
        }
        // Parents first, so a new parent exists before its children point at it.
        var remaining = records
        var written: Set<String> = []
        while !remaining.isEmpty {
            let ready = remaining.filter { record in
                guard let parent = record.parentSourcedID else { return true }
                return written.contains(parent) || !remaining.contains { $0.origin.sourcedID == parent }
            }
            let batch = ready.isEmpty ? remaining : ready
            for record in batch {
                let id = organizationIDs[record.origin.sourcedID]!
                let parentID =
                    record.parentSourcedID.flatMap { organizationIDs[$0] }
                    ?? (record.kind == .school && id != home ? home : nil)
                if let row = existing[record.origin.sourcedID] {
                    if try row.string("kind") == record.kind.rawValue, try row.string("name") == record.name,
                        try row.optionalString("parent_id") == parentID
                    {
                        line.unchanged += 1
                        continue
                    }
                    try await db.raw(
                        """
                        UPDATE organizations SET kind = \(bind: record.kind.rawValue), name = \(bind: record.name), \
                        parent_id = \(bind: parentID) WHERE id = \(bind: id)
                        """
                    ).run()
                    line.updated += 1
                } else {
                    try await db.insertRows(
                        "organizations", columns: Store.organizationColumns,
                        rows: [[id, record.kind.rawValue, record.name, parentID, record.origin.sourcedID]])
                    line.created += 1
                }
            }
            written.formUnion(batch.map(\.origin.sourcedID))
            let done = Set(batch.map(\.origin.sourcedID))
            remaining.removeAll { done.contains($0.origin.sourcedID) }
        }
    }

    // MARK: Academic sessions

    /// Returns the title of every stored session by sourcedId.
    mutating func upsertSessions(_ line: inout ImportSummary.Line) async throws -> [String: String] {
        let existing = try await stored(
            "academic_sessions",
            ["sourced_id", "title", "type", "start_date", "end_date", "parent_sourced_id", "school_year"])
        var titles: [String: String] = [:]
        for (sourcedID, row) in existing { titles[sourcedID] = try row.string("title") }
        for record in live(.academicSessions, roster.academicSessions, \.origin) {
            let values: [SQLValue] = [
                record.title, record.type, record.startDate, record.endDate, record.parentSourcedID,
                record.schoolYear,
            ]
            titles[record.origin.sourcedID] = record.title
            if let row = existing[record.origin.sourcedID] {
                let same =
                    try row.string("title") == record.title && row.string("type") == record.type
                    && row.string("start_date") == record.startDate && row.string("end_date") == record.endDate
                    && row.optionalString("parent_sourced_id") == record.parentSourcedID
                    && row.string("school_year") == record.schoolYear
                if same {
                    line.unchanged += 1
                    continue
                }
                try await db.raw(
                    """
                    UPDATE academic_sessions SET title = \(bind: record.title), type = \(bind: record.type), \
                    start_date = \(bind: record.startDate), end_date = \(bind: record.endDate), \
                    parent_sourced_id = \(bind: record.parentSourcedID), school_year = \(bind: record.schoolYear) \
                    WHERE sourced_id = \(bind: record.origin.sourcedID)
                    """
                ).run()
                line.updated += 1
            } else {
                try await db.insertRows(
                    "academic_sessions",
                    columns: [
                        "sourced_id", "title", "type", "start_date", "end_date", "parent_sourced_id", "school_year",
                    ],
                    rows: [[record.origin.sourcedID] + values])
                line.created += 1
            }
        }
        return titles
    }

    mutating func removeSessions(_ line: inout ImportSummary.Line) async throws {
        let stored = try await stored("academic_sessions", ["sourced_id"]).keys
        for sourcedID in removedSourcedIDs(
            .academicSessions, records: roster.academicSessions, origin: \.origin, stored: stored)
        where stored.contains(sourcedID) {
            try await db.raw("DELETE FROM academic_sessions WHERE sourced_id = \(bind: sourcedID)").run()
            line.removed += 1
        }
    }

    // MARK: Courses and sections

    mutating func upsertCourses(_ line: inout ImportSummary.Line) async throws {
        let existing = try await stored("courses", ["id", "school_id", "code", "title", "sourced_id"])
        for (sourcedID, row) in existing { courseIDs[sourcedID] = try row.string("id") }
        for record in live(.courses, roster.courses, \.origin) {
            guard let schoolID = organizationIDs[record.schoolSourcedID] else { continue }
            if let row = existing[record.origin.sourcedID] {
                let id = try row.string("id")
                if try row.string("school_id") == schoolID, try row.string("code") == record.code,
                    try row.string("title") == record.title
                {
                    line.unchanged += 1
                    continue
                }
                try await db.raw(
                    """
                    UPDATE courses SET school_id = \(bind: schoolID), code = \(bind: record.code), \
                    title = \(bind: record.title) WHERE id = \(bind: id)
                    """
                ).run()
                line.updated += 1
            } else {
                let id = Store.importedID("course", record.origin.sourcedID)
                courseIDs[record.origin.sourcedID] = id
                try await db.insertRows(
                    "courses", columns: ["id", "school_id", "code", "title", "sourced_id"],
                    rows: [[id, schoolID, record.code, record.title, record.origin.sourcedID]])
                line.created += 1
            }
        }
    }

    mutating func upsertSections(_ line: inout ImportSummary.Line, sessionTitles: [String: String]) async throws {
        let existing = try await stored(
            "sections", ["id", "course_id", "school_id", "name", "term", "sourced_id", "ends_on"])
        for (sourcedID, row) in existing { sectionIDs[sourcedID] = try row.string("id") }
        // The section's term ends with the last of its academic sessions (ISO dates compare as text).
        var sessionEnds: [String: String] = [:]
        for (sourcedID, row) in try await stored("academic_sessions", ["sourced_id", "end_date"]) {
            sessionEnds[sourcedID] = try row.string("end_date")
        }
        for record in live(.sections, roster.sections, \.origin) {
            guard let courseID = courseIDs[record.courseSourcedID],
                let schoolID = organizationIDs[record.schoolSourcedID]
            else { continue }
            let term = record.termSourcedIDs.compactMap { sessionTitles[$0] }.joined(separator: " / ")
            let endsOn = record.termSourcedIDs.compactMap { sessionEnds[$0] }.filter { !$0.isEmpty }.max()
            if let row = existing[record.origin.sourcedID] {
                let id = try row.string("id")
                if try row.string("course_id") == courseID, try row.string("school_id") == schoolID,
                    try row.string("name") == record.name, try row.string("term") == term,
                    try row.optionalString("ends_on") == endsOn
                {
                    line.unchanged += 1
                    continue
                }
                try await db.raw(
                    """
                    UPDATE sections SET course_id = \(bind: courseID), school_id = \(bind: schoolID), \
                    name = \(bind: record.name), term = \(bind: term), ends_on = \(bind: endsOn) WHERE id = \(bind: id)
                    """
                ).run()
                line.updated += 1
            } else {
                let id = Store.importedID("sec", record.origin.sourcedID)
                sectionIDs[record.origin.sourcedID] = id
                try await db.insertRows(
                    "sections", columns: ["id", "course_id", "school_id", "name", "term", "sourced_id", "ends_on"],
                    rows: [[id, courseID, schoolID, record.name, term, record.origin.sourcedID, endsOn]])
                line.created += 1
            }
        }
    }

    /// Removes sections, courses or organizations the source no longer has; one that Masterly data still
    /// refers to is kept (and counted as kept).
    mutating func remove(
        _ kind: RosterImport.Kind, table: String, ids: [String: String], line: inout ImportSummary.Line
    ) async throws {
        let stored = try await stored(table, ["sourced_id"]).keys
        let removed: [String]
        switch kind {
        case .sections: removed = removedSourcedIDs(kind, records: roster.sections, origin: \.origin, stored: stored)
        case .courses: removed = removedSourcedIDs(kind, records: roster.courses, origin: \.origin, stored: stored)
        default: removed = removedSourcedIDs(kind, records: roster.organizations, origin: \.origin, stored: stored)
        }
        let references: [(String, String)] =
            switch kind {
            case .sections: [("enrollments", "section_id"), ("evidence_events", "section_id")]
            case .courses: [("sections", "course_id"), ("course_frameworks", "course_id")]
            default:
                [
                    ("people", "organization_id"), ("courses", "school_id"), ("sections", "school_id"),
                    ("organizations", "parent_id"),
                ]
            }
        for sourcedID in removed {
            guard let id = ids[sourcedID] else { continue }
            var referenced = false
            for (other, column) in references {
                let row = try await db.raw(
                    "SELECT 1 AS found FROM \(unsafeRaw: other) WHERE \(unsafeRaw: column) = \(bind: id) LIMIT 1"
                ).first()
                if row != nil {
                    referenced = true
                    break
                }
            }
            if referenced {
                line.kept += 1
            } else {
                try await db.raw("DELETE FROM \(unsafeRaw: table) WHERE id = \(bind: id)").run()
                line.removed += 1
            }
        }
    }
}

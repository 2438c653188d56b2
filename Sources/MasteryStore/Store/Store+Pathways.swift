import Foundation
import MasteryCore
import SQLKit

/// Prerequisites, pathways, playlists and students' progress on them.
extension Store {
    /// The prerequisite edges among the competencies of `frameworks` (every framework when nil).
    public func prerequisites(frameworks: [Framework.ID]? = nil) async throws -> [CompetencyPrerequisite] {
        try await driver.withConnection { db in
            var query = SQLQueryString(
                """
                SELECT competency_prerequisites.* FROM competency_prerequisites
                JOIN competencies ON competencies.id = competency_prerequisites.competency_id
                WHERE competencies.retired = 0
                """)
            if let frameworks {
                guard !frameworks.isEmpty else { return [] }
                query = "\(query) AND competencies.framework_id IN (\(binds: frameworks.map(\.rawValue)))"
            }
            query = "\(query) ORDER BY competency_prerequisites.competency_id, competency_prerequisites.prerequisite_id"
            return try await db.raw(query).all().map {
                CompetencyPrerequisite(
                    prerequisite: try $0.id("prerequisite_id"), competency: try $0.id("competency_id"))
            }
        }
    }

    /// Replaces the prerequisites of `competency`; refuses a set that would close a cycle (naming it).
    public func setPrerequisites(
        _ prerequisites: [Competency.ID], of competency: Competency.ID, by actor: Person.ID, at now: Date
    ) async throws {
        try await driver.withTransaction { db in
            let rows = try await db.raw("SELECT * FROM competency_prerequisites").all()
            var edges = try rows.map {
                (
                    prerequisite: Competency.ID(try $0.string("prerequisite_id")),
                    competency: Competency.ID(try $0.string("competency_id"))
                )
            }
            edges.removeAll { $0.competency == competency }
            edges += prerequisites.map { ($0, competency) }
            if let cycle = PrerequisiteGraph(edges: edges).cycle(order: [competency]) {
                throw StoreError.invalid(
                    "these prerequisites would make a cycle: \(cycle.map(\.rawValue).joined(separator: " → "))")
            }
            try await db.raw("DELETE FROM competency_prerequisites WHERE competency_id = \(bind: competency.rawValue)")
                .run()
            try await db.insertRows(
                "competency_prerequisites", columns: ["prerequisite_id", "competency_id"],
                rows: prerequisites.map { [$0.rawValue, competency.rawValue] })
            try await Self.audit(
                db, at: now, actor: actor, action: "prerequisites.set", student: nil,
                subject: "competency \(competency.rawValue)",
                detail: prerequisites.map(\.rawValue).joined(separator: ", "), organization: nil)
        }
    }

    static func write(_ pathways: [Pathway], _ db: any SQLDatabase) async throws {
        try await db.insertRows(
            "pathways", columns: ["id", "course_id", "title", "pacing", "steps_json", "opened_steps"],
            rows: try pathways.map {
                [
                    $0.id.rawValue, $0.courseID.rawValue, $0.title, $0.pacing.rawValue, try JSONText.encode($0.steps),
                    $0.openedSteps,
                ]
            })
    }

    static func write(_ playlists: [Playlist], _ db: any SQLDatabase) async throws {
        try await db.insertRows(
            "playlists",
            columns: ["id", "title", "items_json", "assessment_choice", "author_id", "section_ids", "retired"],
            rows: try playlists.map {
                [
                    $0.id.rawValue, $0.title, try JSONText.encode($0.items), $0.allowsAssessmentChoice ? 1 : 0,
                    $0.authorID?.rawValue, try JSONText.encode($0.sectionIDs), $0.isRetired ? 1 : 0,
                ]
            })
        try await db.insertRows(
            "playlist_competencies", columns: ["playlist_id", "competency_id", "position"],
            rows: playlists.flatMap { playlist in
                playlist.competencyIDs.enumerated().map { [playlist.id.rawValue, $1.rawValue, $0] }
            })
    }

    /// Creates or replaces a pathway; audited as `action` ("create", "edit", "open", …).
    public func save(_ pathway: Pathway, by actor: Person.ID, at now: Date, action: String) async throws {
        try await driver.withTransaction { db in
            try await db.raw("DELETE FROM pathways WHERE id = \(bind: pathway.id.rawValue)").run()
            try await Self.write([pathway], db)
            try await Self.audit(
                db, at: now, actor: actor, action: "pathway.\(action)", student: nil,
                subject: "pathway \(pathway.id.rawValue)",
                detail: "“\(pathway.title)”: \(pathway.steps.count) steps, \(pathway.pacing.rawValue)",
                organization: nil)
        }
    }

    /// Creates or replaces a playlist (students' progress on items that remain is kept); audited as `action`
    /// ("create", "edit", "retire", …).
    public func save(_ playlist: Playlist, by actor: Person.ID, at now: Date, action: String) async throws {
        try await driver.withTransaction { db in
            try await Self.audit(
                db, at: now, actor: actor, action: "playlist.\(action)", student: nil,
                subject: "playlist \(playlist.id.rawValue)",
                detail: "“\(playlist.title)”: \(playlist.items.count) item\(playlist.items.count == 1 ? "" : "s")",
                organization: nil)
            try await db.raw("DELETE FROM playlist_competencies WHERE playlist_id = \(bind: playlist.id.rawValue)")
                .run()
            let exists =
                try await db.raw("SELECT 1 AS found FROM playlists WHERE id = \(bind: playlist.id.rawValue)")
                .first() != nil
            if exists {
                try await db.raw(
                    """
                    UPDATE playlists SET title = \(bind: playlist.title), \
                    items_json = \(bind: try JSONText.encode(playlist.items)), \
                    assessment_choice = \(bind: playlist.allowsAssessmentChoice ? 1 : 0), \
                    author_id = \(bind: playlist.authorID?.rawValue), \
                    section_ids = \(bind: try JSONText.encode(playlist.sectionIDs)), \
                    retired = \(bind: playlist.isRetired ? 1 : 0) \
                    WHERE id = \(bind: playlist.id.rawValue)
                    """
                ).run()
                try await db.insertRows(
                    "playlist_competencies", columns: ["playlist_id", "competency_id", "position"],
                    rows: playlist.competencyIDs.enumerated().map { [playlist.id.rawValue, $1.rawValue, $0] })
            } else {
                try await Self.write([playlist], db)
            }
        }
    }

    public func pathways(courses: [Course.ID]) async throws -> [Pathway] {
        guard !courses.isEmpty else { return [] }
        return try await driver.withConnection { db in
            try await db.raw(
                "SELECT * FROM pathways WHERE course_id IN (\(binds: courses.map(\.rawValue))) ORDER BY course_id, id"
            ).all().map(Self.pathway)
        }
    }

    static func pathway(_ row: any SQLRow) throws -> Pathway {
        Pathway(
            id: try row.id("id"), courseID: try row.id("course_id"), title: try row.string("title"),
            pacing: Pathway.Pacing(rawValue: try row.string("pacing")) ?? .selfPaced,
            steps: try JSONText.decode([Pathway.Step].self, try row.string("steps_json")),
            openedSteps: try row.int("opened_steps"))
    }

    /// The playlists for any of `competencies`, in a stable order.
    public func playlists(competencies: [Competency.ID]) async throws -> [Playlist] {
        guard !competencies.isEmpty else { return [] }
        return try await driver.withConnection { db in
            let ids = try await db.raw(
                """
                SELECT DISTINCT playlist_id FROM playlist_competencies \
                WHERE competency_id IN (\(binds: competencies.map(\.rawValue))) ORDER BY playlist_id
                """
            ).all().map { try $0.string("playlist_id") }
            return try await Self.playlists(ids, db)
        }
    }

    public func playlist(_ id: Playlist.ID) async throws -> Playlist? {
        try await driver.withConnection { db in try await Self.playlists([id.rawValue], db).first }
    }

    static func playlists(_ ids: [String], _ db: any SQLDatabase) async throws -> [Playlist] {
        guard !ids.isEmpty else { return [] }
        let rows = try await db.raw("SELECT * FROM playlists WHERE id IN (\(binds: ids)) ORDER BY id").all()
        let links = try await db.raw(
            "SELECT * FROM playlist_competencies WHERE playlist_id IN (\(binds: ids)) ORDER BY playlist_id, position"
        ).all()
        var competencies: [String: [Competency.ID]] = [:]
        for link in links {
            competencies[try link.string("playlist_id"), default: []].append(try link.id("competency_id"))
        }
        return try rows.map { row in
            let id = try row.string("id")
            return Playlist(
                id: .init(id), title: try row.string("title"), competencyIDs: competencies[id] ?? [],
                items: try JSONText.decode([PlaylistItem].self, try row.string("items_json")),
                allowsAssessmentChoice: try row.bool("assessment_choice"), authorID: try row.optionalID("author_id"),
                sectionIDs: try JSONText.decode([Section.ID].self, try row.string("section_ids")),
                isRetired: try row.bool("retired"))
        }
    }

    /// A student's progress on every item they have touched.
    public func progress(student: Person.ID) async throws -> [PlaylistItem.ID: ItemProgress] {
        let all = try await progress(students: [student])
        return all[student] ?? [:]
    }

    public func progress(students: [Person.ID]) async throws -> [Person.ID: [PlaylistItem.ID: ItemProgress]] {
        guard !students.isEmpty else { return [:] }
        return try await driver.withConnection { db in
            var result: [Person.ID: [PlaylistItem.ID: ItemProgress]] = [:]
            for row in try await db.raw(
                "SELECT * FROM item_progress WHERE student_id IN (\(binds: students.map(\.rawValue)))"
            ).all() {
                let progress = ItemProgress(
                    studentID: try row.id("student_id"), itemID: try row.id("item_id"),
                    status: ItemProgress.Status(rawValue: try row.string("status")) ?? .started,
                    score: try row.optionalDouble("score"),
                    choice: try row.optionalString("choice").flatMap(AssessmentChoice.init(rawValue:)),
                    updatedAt: try row.optionalDouble("updated_at").map(Date.init(timeIntervalSince1970:)))
                result[progress.studentID, default: [:]][progress.itemID] = progress
            }
            return result
        }
    }

    /// Records a student's progress on an item of `playlist` (audited). Refuses an item the playlist lacks.
    public func setProgress(
        _ status: ItemProgress.Status, score: Double? = nil, choice: AssessmentChoice? = nil, student: Person.ID,
        item: PlaylistItem.ID, playlist: Playlist.ID, by actor: Person.ID, at now: Date
    ) async throws {
        try await driver.withTransaction { db in
            guard let found = try await Self.playlists([playlist.rawValue], db).first else {
                throw StoreError.notFound(kind: "playlist", id: playlist.rawValue)
            }
            guard let entry = found.item(item) else {
                throw StoreError.invalid("the playlist '\(found.title)' has no item '\(item.rawValue)'")
            }
            try await Self.writeProgress(
                status, score: score, choice: choice, student: student, item: item, playlist: playlist, by: actor,
                at: now, db)
            try await Self.audit(
                db, at: now, actor: actor, action: "playlist.\(status.rawValue)", student: student,
                subject: "\(entry.kind.label) “\(entry.title)”",
                detail: score.map { "score \(DisplayRounding.text($0))" } ?? found.title, organization: nil)
        }
    }

    static func writeProgress(
        _ status: ItemProgress.Status, score: Double?, choice: AssessmentChoice?, student: Person.ID,
        item: PlaylistItem.ID, playlist: Playlist.ID, by actor: Person.ID, at now: Date, _ db: any SQLDatabase
    ) async throws {
        try await db.raw(
            "DELETE FROM item_progress WHERE student_id = \(bind: student.rawValue) AND item_id = \(bind: item.rawValue)"
        ).run()
        try await db.insertRows(
            "item_progress",
            columns: ["student_id", "item_id", "playlist_id", "status", "score", "choice", "updated_at", "updated_by"],
            rows: [
                [
                    student.rawValue, item.rawValue, playlist.rawValue, status.rawValue, score, choice?.rawValue,
                    now.timeIntervalSince1970, actor.rawValue,
                ]
            ])
    }

    /// Assigns a playlist to students (already assigned ones stay).
    public func assign(
        _ playlist: Playlist.ID, to students: [Person.ID], by actor: Person.ID, at now: Date
    ) async throws {
        try await driver.withTransaction { db in
            let existing = Set(
                try await db.raw(
                    "SELECT student_id FROM playlist_assignments WHERE playlist_id = \(bind: playlist.rawValue)"
                )
                .all().map { try $0.string("student_id") })
            let added = Set(students.map(\.rawValue)).subtracting(existing).sorted()
            try await db.insertRows(
                "playlist_assignments", columns: ["playlist_id", "student_id", "assigned_by", "assigned_at"],
                rows: added.map { [playlist.rawValue, $0, actor.rawValue, now.timeIntervalSince1970] })
            for student in added {
                try await Self.audit(
                    db, at: now, actor: actor, action: "playlist.assign", student: Person.ID(student),
                    subject: "playlist \(playlist.rawValue)", detail: "assigned", organization: nil)
            }
        }
    }

    /// The playlists assigned to a student.
    public func assignedPlaylists(student: Person.ID) async throws -> [Playlist.ID] {
        try await driver.withConnection { db in
            try await db.raw(
                "SELECT playlist_id FROM playlist_assignments WHERE student_id = \(bind: student.rawValue) ORDER BY playlist_id"
            ).all().map { try $0.id("playlist_id") }
        }
    }
}

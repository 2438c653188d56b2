import Foundation
import MasteryCore
import SQLKit

/// Work students hand in: every version with its files, and the teacher's reviews. Nothing is replaced or
/// deleted; a new hand-in is a new version, a new review corrects the last.
extension Store {
    /// A file to attach to a hand-in (already checked: its kind detected, its size within the limit).
    public struct NewWorkFile: Sendable {
        public var name: String
        public var type: WorkFileType
        public var data: Data

        public init(name: String, type: WorkFileType, data: Data) {
            self.name = name
            self.type = type
            self.data = data
        }
    }

    /// Hands in work on an item: the next version of the student's work on it, its files, and the item marked
    /// handed in (waiting for the teacher) — one transaction, audited.
    public func submit(
        student: Person.ID, playlist: Playlist, item: PlaylistItem, text: String, links: [String],
        files: [NewWorkFile], choice: AssessmentChoice?, by actor: Person.ID, at now: Date
    ) async throws -> Submission {
        try await driver.withTransaction { db in
            let previous = try await db.raw(
                """
                SELECT MAX(version) AS version FROM submissions \
                WHERE student_id = \(bind: student.rawValue) AND item_id = \(bind: item.id.rawValue)
                """
            ).first()
            let version = ((try previous?.decode(column: "version", as: Int?.self)) ?? 0) + 1
            let id = Submission.ID("sub-\(Self.shortID())")
            try await db.insertRows(
                "submissions",
                columns: [
                    "id", "student_id", "playlist_id", "item_id", "version", "body", "links", "submitted_at",
                    "submitted_by",
                ],
                rows: [
                    [
                        id.rawValue, student.rawValue, playlist.id.rawValue, item.id.rawValue, version, text,
                        try JSONText.encode(links), now.timeIntervalSince1970, actor.rawValue,
                    ]
                ])
            var stored: [WorkFile] = []
            for (position, file) in files.enumerated() {
                let entry = WorkFile(
                    id: .init("file-\(Self.shortID())"), name: file.name, type: file.type, size: file.data.count)
                try await db.insertRows(
                    "submission_files",
                    columns: ["id", "submission_id", "position", "name", "file_type", "size", "data"],
                    rows: [
                        [
                            entry.id.rawValue, id.rawValue, position, entry.name, entry.type.rawValue, entry.size,
                            file.data,
                        ]
                    ])
                stored.append(entry)
            }
            try await Self.writeProgress(
                .submitted, score: nil, choice: choice, student: student, item: item.id, playlist: playlist.id,
                by: actor, at: now, db)
            try await Self.audit(
                db, at: now, actor: actor, action: "work.submit", student: student,
                subject: "\(item.kind.label) “\(item.title)”",
                detail: "version \(version): \(text.count) characters, \(links.count) links, \(files.count) files",
                organization: nil)
            return Submission(
                id: id, studentID: student, playlistID: playlist.id, itemID: item.id, version: version, text: text,
                links: links, files: stored, submittedAt: now, submittedBy: actor)
        }
    }

    /// Every version of the work of `students` (all items when `items` is nil), oldest first, with files
    /// (without their bytes) and reviews.
    public func submissions(students: [Person.ID], items: [PlaylistItem.ID]? = nil) async throws -> [Submission] {
        guard !students.isEmpty, items?.isEmpty != true else { return [] }
        return try await driver.withConnection { db in
            var query: SQLQueryString =
                "SELECT * FROM submissions WHERE student_id IN (\(binds: students.map(\.rawValue)))"
            if let items { query = "\(query) AND item_id IN (\(binds: items.map(\.rawValue)))" }
            query = "\(query) ORDER BY submitted_at, version, id"
            return try await Self.submissions(try await db.raw(query).all(), db)
        }
    }

    public func submission(_ id: Submission.ID) async throws -> Submission? {
        try await driver.withConnection { db in
            try await Self.submissions(
                try await db.raw("SELECT * FROM submissions WHERE id = \(bind: id.rawValue)").all(), db
            ).first
        }
    }

    /// The bytes of a file of a hand-in, with its description.
    public func workFile(_ id: WorkFile.ID, of submission: Submission.ID) async throws -> (WorkFile, Data)? {
        try await driver.withConnection { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT * FROM submission_files \
                    WHERE id = \(bind: id.rawValue) AND submission_id = \(bind: submission.rawValue)
                    """
                ).first()
            else { return nil }
            return (try Self.workFile(row), try row.decode(column: "data", as: Data.self))
        }
    }

    /// The teacher's review of a hand-in: its scores and feedback kept with the work, and the item done with
    /// the lowest score as the checkpoint's result (which opens reteach or extension items), and `evidence`
    /// (the scores as evidence) appended — one transaction, audited.
    public func review(
        _ submission: Submission, scores: [Competency.ID: Double], feedback: String, evidence: [EvidenceDraft],
        by actor: Person.ID, at now: Date
    ) async throws {
        try await driver.withTransaction { db in
            if !evidence.isEmpty {
                let written = try await Self.append(evidence, by: actor, at: now, in: db).events
                try await db.insertRows(
                    "submission_evidence", columns: ["submission_id", "event_id"],
                    rows: written.map { [submission.id.rawValue, $0.id.rawValue] })
            }
            try await db.insertRows(
                "submission_reviews", columns: ["submission_id", "scores", "feedback", "reviewed_by", "reviewed_at"],
                rows: [
                    [
                        submission.id.rawValue, try JSONText.encode(scores.mapKeys(\.rawValue)), feedback,
                        actor.rawValue, now.timeIntervalSince1970,
                    ]
                ])
            let choice = try await db.raw(
                """
                SELECT choice FROM item_progress \
                WHERE student_id = \(bind: submission.studentID.rawValue) AND item_id = \(bind: submission.itemID.rawValue)
                """
            ).first().flatMap { try $0.optionalString("choice") }.flatMap(AssessmentChoice.init(rawValue:))
            try await Self.writeProgress(
                .done, score: scores.values.min(), choice: choice, student: submission.studentID,
                item: submission.itemID, playlist: submission.playlistID, by: actor, at: now, db)
            let summary = scores.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.key.rawValue) \(DisplayRounding.text($0.value))" }.joined(separator: ", ")
            try await Self.audit(
                db, at: now, actor: actor, action: "work.review", student: submission.studentID,
                subject: "work \(submission.id.rawValue) (version \(submission.version))",
                detail: summary.isEmpty ? "feedback only" : summary, organization: nil)
        }
    }

    /// The work behind each of `events` that came from scoring handed-in work.
    public func submissions(behind events: [EvidenceEvent.ID]) async throws -> [EvidenceEvent.ID: Submission] {
        guard !events.isEmpty else { return [:] }
        return try await driver.withConnection { db in
            let links = try await db.raw(
                "SELECT * FROM submission_evidence WHERE event_id IN (\(binds: events.map(\.rawValue)))"
            ).all().map { (event: try $0.string("event_id"), submission: try $0.string("submission_id")) }
            guard !links.isEmpty else { return [:] }
            let ids = Array(Set(links.map(\.submission)))
            let work = try await Self.submissions(
                try await db.raw("SELECT * FROM submissions WHERE id IN (\(binds: ids))").all(), db)
            let byID = Dictionary(work.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
            var result: [EvidenceEvent.ID: Submission] = [:]
            for link in links { result[.init(link.event)] = byID[link.submission] }
            return result
        }
    }

    static func submissions(_ rows: [any SQLRow], _ db: any SQLDatabase) async throws -> [Submission] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.string("id") }
        var files: [String: [WorkFile]] = [:]
        for row in try await db.raw(
            """
            SELECT id, submission_id, name, file_type, size FROM submission_files \
            WHERE submission_id IN (\(binds: ids)) ORDER BY submission_id, position
            """
        ).all() {
            files[try row.string("submission_id"), default: []].append(try workFile(row))
        }
        var reviews: [String: [Submission.Review]] = [:]
        for row in try await db.raw(
            "SELECT * FROM submission_reviews WHERE submission_id IN (\(binds: ids)) ORDER BY id"
        ).all() {
            let scores = try JSONText.decode([String: Double].self, try row.string("scores"))
            reviews[try row.string("submission_id"), default: []].append(
                .init(
                    scores: Dictionary(uniqueKeysWithValues: scores.map { (Competency.ID($0.key), $0.value) }),
                    feedback: try row.string("feedback"), reviewedBy: try row.id("reviewed_by"),
                    reviewedAt: try row.date("reviewed_at")))
        }
        return try rows.map { row in
            let id = try row.string("id")
            return Submission(
                id: .init(id), studentID: try row.id("student_id"), playlistID: try row.id("playlist_id"),
                itemID: try row.id("item_id"), version: try row.int("version"), text: try row.string("body"),
                links: try JSONText.decode([String].self, try row.string("links")), files: files[id] ?? [],
                submittedAt: try row.date("submitted_at"), submittedBy: try row.id("submitted_by"),
                reviews: reviews[id] ?? [])
        }
    }

    static func workFile(_ row: any SQLRow) throws -> WorkFile {
        WorkFile(
            id: try row.id("id"), name: try row.string("name"),
            type: WorkFileType(rawValue: try row.string("file_type")) ?? .pdf, size: try row.int("size"))
    }
}

extension Dictionary {
    fileprivate func mapKeys<T: Hashable>(_ transform: (Key) -> T) -> [T: Value] {
        Dictionary<T, Value>(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}

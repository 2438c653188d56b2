import Foundation
import Logging
import MasteryCore
import MasteryStore

/// Work students hand in and teachers score: the student hands in text, links and files on an item released
/// to them; the section's teacher sees what waits (oldest first) and scores it — a level on each competency
/// the item covers, with feedback — which becomes evidence. The pages and the API share these rules.
struct WorkService {
    let services: AppServices
    let user: Person
    /// The language refusals are worded in: the reader's on pages; English in the API.
    var translator: Translator? = nil
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    /// A file as it arrived, before it is checked.
    struct Upload {
        var name: String
        var data: Data
    }

    /// Work waiting for the teacher: the newest version of a student's work on an item, not yet reviewed.
    struct Waiting {
        var submission: Submission
        var student: Person
        var playlist: Playlist
        var item: PlaylistItem
        var competencies: [Competency]
        var scales: [Competency.ID: ProficiencyScale]
        /// The version before this one (with the feedback it had), for handing in again after feedback.
        var previous: Submission? = nil
    }

    static let maxLinks = 10

    /// Hands in work on `itemID` for `student` (themselves, or a teacher on their behalf).
    func handIn(
        student: Person.ID, itemID: PlaylistItem.ID, text: String, links: [String], files: [Upload],
        choice: AssessmentChoice? = nil
    ) async throws -> Submission {
        try await authorizer.require(user, .workOnLearning, student: student)
        let data = try await LearningData.load(student: student, store: store)
        guard let playlist = data.playlist(holding: itemID), let item = playlist.item(itemID) else {
            throw AppError.notFound("That activity")
        }
        guard item.kind == .checkpoint || item.kind == .project else {
            throw AppError.invalid(
                message: "Only a checkpoint or a project is handed in; mark “\(item.title)” done instead.",
                field: "itemId")
        }
        let state = try await LearningData.state(of: student, store: store)
        if let refusal = data.advisor.refusal(of: itemID, for: state, at: services.clock()) {
            throw AppError.conflict(translator.map { NextStepWords(t: $0).refusal(refusal) } ?? refusal.english)
        }
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        try InputRules.check(body, field: "text")
        guard links.count <= Self.maxLinks else {
            throw AppError.invalid(message: "At most \(Self.maxLinks) links.", field: "links")
        }
        let checkedLinks = try links.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { try PlaylistAuthoring.checkLink($0, field: "links") }
        let checkedFiles = try Self.check(files)
        if let command = services.configuration.scanCommand {
            for file in checkedFiles {
                switch await FileScanner(command: command).scan(file.data) {
                case .clean: continue
                case .infected:
                    throw AppError.invalid(
                        message: "“\(file.name)” did not pass the school's virus check; nothing was handed in.",
                        field: "files")
                case .unchecked(let why):
                    services.logger.error("virus check failed: \(why)")
                    throw AppError.invalid(
                        message:
                            "“\(file.name)” could not be checked for viruses just now; nothing was handed in. Try again in a few minutes.",
                        field: "files")
                }
            }
        }
        guard !body.isEmpty || !checkedLinks.isEmpty || !checkedFiles.isEmpty else {
            throw AppError.invalid(
                message: "Add your work: write something, add a link or attach a file.", field: "text")
        }
        return try await store.submit(
            student: student, playlist: playlist, item: item, text: body, links: checkedLinks, files: checkedFiles,
            choice: playlist.allowsAssessmentChoice ? choice : nil, by: user.id, at: services.clock())
    }

    /// Files within the limits, each of a kind we accept (read from its bytes).
    static func check(_ files: [Upload]) throws -> [Store.NewWorkFile] {
        let uploads = files.filter { !$0.data.isEmpty || !$0.name.isEmpty }
        guard uploads.count <= WorkFileType.maxFiles else {
            throw AppError.tooLarge("At most \(WorkFileType.maxFiles) files can be handed in at once.")
        }
        return try uploads.map { upload in
            let name = upload.name.isEmpty ? "file" : upload.name
            try InputRules.check(name, field: "files", limit: 255)
            guard upload.data.count <= WorkFileType.maxFileBytes else {
                throw AppError.tooLarge(
                    "“\(name)” is larger than the \(ByteWording.size(WorkFileType.maxFileBytes)) a file may be.")
            }
            guard !upload.data.isEmpty else {
                throw AppError.invalid(message: "“\(name)” is empty.", field: "files")
            }
            guard let type = WorkFileType.detect(name: name, data: upload.data) else {
                throw AppError.unsupportedType("“\(name)” is not a kind of file we accept: \(WorkFileType.accepted).")
            }
            return Store.NewWorkFile(name: name, type: type, data: upload.data)
        }
    }

    /// The section's work waiting to be scored, oldest first.
    func queue(section id: Section.ID) async throws -> [Waiting] {
        try await authorizer.require(user, .recordEvidence, section: id)
        guard let section = try await store.section(id) else { throw AppError.notFound("The section") }
        let students = try await store.members(of: id, as: .student)
        let data = try await LearningData.load(
            sections: [section], store: store,
            assigned: Set(try await assignedPlaylists(students.map(\.id))))
        let curriculum = try await store.curriculum(course: section.courseID)
        let byStudent = Dictionary(students.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let items = data.advisor.catalog.playlists.flatMap(\.items).map(\.id)
        var newest: [String: Submission] = [:]
        var previous: [String: Submission] = [:]
        // In version order, each hand-in becomes the newest and the one it replaces the previous.
        for submission in try await store.submissions(students: students.map(\.id), items: items)
            .sorted(by: { $0.version < $1.version })
        {
            let key = "\(submission.studentID.rawValue)|\(submission.itemID.rawValue)"
            previous[key] = newest[key]
            newest[key] = submission
        }
        // Waiting: not reviewed, and the item still handed in (scoring it elsewhere takes it off the queue).
        let progress = try await store.progress(students: students.map(\.id))
        return newest.values.filter { submission in
            submission.review == nil && progress[submission.studentID]?[submission.itemID]?.status == .submitted
        }.sorted { ($0.submittedAt, $0.id.rawValue) < ($1.submittedAt, $1.id.rawValue) }
            .compactMap { submission in
                guard let student = byStudent[submission.studentID],
                    let playlist = data.playlist(holding: submission.itemID),
                    let item = playlist.item(submission.itemID)
                else { return nil }
                let competencies = item.scoredCompetencies(in: playlist).compactMap(curriculum.competency)
                var scales: [Competency.ID: ProficiencyScale] = [:]
                for competency in competencies { scales[competency.id] = curriculum.scale(for: competency) }
                return Waiting(
                    submission: submission, student: student, playlist: playlist, item: item,
                    competencies: competencies, scales: scales,
                    previous: previous["\(submission.studentID.rawValue)|\(submission.itemID.rawValue)"])
            }
    }

    private func assignedPlaylists(_ students: [Person.ID]) async throws -> [Playlist.ID] {
        var result: Set<Playlist.ID> = []
        for student in students { result.formUnion(try await store.assignedPlaylists(student: student)) }
        return Array(result)
    }

    /// Scores work from the section's queue: a level on any of the competencies the item covers (each becomes
    /// evidence in the section) and feedback; at least one of the two.
    func review(
        _ id: Submission.ID, in section: Section.ID, scores: [Competency.ID: Double], feedback: String
    ) async throws -> Waiting {
        let waiting = try await queue(section: section)
        guard let entry = waiting.first(where: { $0.submission.id == id }) else {
            if try await store.submission(id) != nil {
                throw AppError.conflict(
                    "That work is not waiting in this section: it was scored, or a newer version came in.")
            }
            throw AppError.notFound("That work")
        }
        try await authorizer.require(user, .recordEvidence, student: entry.student.id)
        let comment = feedback.trimmingCharacters(in: .whitespacesAndNewlines)
        try InputRules.check(comment, field: "feedback")
        for (competency, score) in scores {
            guard let scale = entry.scales[competency] else {
                throw AppError.invalid(
                    message: "“\(entry.item.title)” is not scored on \(competency.rawValue).", field: "scores")
            }
            guard scale.contains(score) else {
                throw AppError.invalid(
                    message:
                        "Levels run from \(DisplayNumber.text(scale.lowestValue)) to \(DisplayNumber.text(scale.pointsPossible)).",
                    field: "scores")
            }
        }
        guard !scores.isEmpty || !comment.isEmpty else {
            throw AppError.invalid(message: "Choose a level or write feedback.", field: "scores")
        }
        let now = services.clock()
        let evidence = scores.sorted { $0.key.rawValue < $1.key.rawValue }.map { competency, score in
            EvidenceDraft.record(
                student: entry.student.id, competency: competency, score: score, observedAt: now,
                source: .checkpoint, section: section,
                comment: comment.isEmpty ? entry.item.title : "\(entry.item.title): \(comment)")
        }
        try await store.review(
            entry.submission, scores: scores, feedback: comment, evidence: evidence, by: user.id, at: now)
        return entry
    }
}

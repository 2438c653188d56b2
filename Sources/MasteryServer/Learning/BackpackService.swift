import Foundation
import MasteryCore
import MasteryInterop
import MasteryStore

/// The data backpack: gathers a student's portable record (`Backpack`) and brings one in at another school.
public struct BackpackService: Sendable {
    public let store: Store

    public init(store: Store) { self.store = store }

    /// The student's backpack; accommodations only when `includeSensitive`, reflections kept for "only my
    /// teachers and me" only when `includePrivateReflections` (both decided by `Access.Policy` for the reader);
    /// featured work's file bytes only when `includeFiles`.
    public func backpack(
        of studentID: Person.ID, includeSensitive: Bool, includePrivateReflections: Bool, includeFiles: Bool = true,
        at now: Date
    ) async throws -> Backpack? {
        // One moment's reads: mastery, evidence and goals agree even while a teacher is recording.
        try await store.snapshot { snapshot in
            try await BackpackService(store: snapshot).read(
                of: studentID, includeSensitive: includeSensitive, includePrivateReflections: includePrivateReflections,
                includeFiles: includeFiles, at: now)
        }
    }

    private func read(
        of studentID: Person.ID, includeSensitive: Bool, includePrivateReflections: Bool, includeFiles: Bool,
        at now: Date
    ) async throws -> Backpack? {
        guard let student = try await store.person(studentID), student.role == .student else { return nil }
        let curriculum = try await store.curriculum()
        func reference(_ id: Competency.ID) -> Backpack.CompetencyReference? {
            guard let competency = curriculum.competency(id),
                let framework = curriculum.framework(competency.frameworkID)
            else { return nil }
            return .init(
                frameworkCode: framework.code, frameworkSourceIdentifier: framework.sourceIdentifier,
                code: competency.code, title: competency.title, sourceIdentifier: competency.sourceIdentifier)
        }
        let records = try await store.records(student: studentID)
        let mastery: [Backpack.Mastery] = curriculum.competencies.compactMap { competency in
            guard let record = records[competency.id], let ref = reference(competency.id) else { return nil }
            let level = record.levelValue.flatMap { value in
                curriculum.scale(for: competency)?.levels.first { $0.value == value }
            }
            return .init(
                competency: ref, value: record.value, level: level?.label, mastered: record.mastered,
                evidenceCount: record.evidenceCount, lastObservedAt: record.lastObservedAt, method: record.method)
        }
        let evidence = try await store.evidence(student: studentID).values.joined()
            .sorted { ($0.observedAt, $0.sequence) < ($1.observedAt, $1.sequence) }
            .compactMap { piece -> Backpack.EvidenceItem? in
                guard let ref = reference(piece.competencyID) else { return nil }
                return .init(
                    id: piece.id.rawValue, competency: ref, score: piece.score, observedAt: piece.observedAt,
                    source: piece.source.rawValue, comment: piece.comment)
            }
        let goals = try await store.goals(student: studentID)
        let notes = try await store.notes(goals: goals.map(\.id))
        let plans = try await store.plans(student: studentID)
        var profiles = try await store.profileHistory(student: studentID)
        if !includeSensitive { profiles = profiles.map(\.withoutSensitiveFields) }
        var accomplishments: [Backpack.Accomplishment] = mastery.filter(\.mastered).map {
            .init(kind: "mastered", title: "\($0.competency.code) — \($0.competency.title)", date: $0.lastObservedAt)
        }
        accomplishments += goals.filter { $0.state(records: records, at: now) == .met }.map {
            .init(kind: "goal-met", title: $0.title, date: nil)
        }
        accomplishments += plans.filter { $0.status == .complete }.map {
            .init(kind: "plan-complete", title: $0.title, date: $0.updatedAt)
        }
        // Learning beyond school that earned credit.
        accomplishments += try await store.elos(student: studentID).filter { $0.state == .completed }.map { elo in
            let credit = elo.credit.map { ", credit \(DisplayNumber.text($0))" } ?? ""
            return .init(
                kind: "elo-complete",
                title: "\(elo.kind.title): \(elo.title) (\(DisplayNumber.text(elo.hoursLogged)) h\(credit))",
                date: elo.completion?.at)
        }
        let transferred = try await store.transferredMastery(student: studentID).compactMap {
            try? Self.decoder.decode(Backpack.Mastery.self, from: Data($0.utf8))
        }
        let school = try await store.organization(student.organizationID)
        let work = try await scoredWork(of: studentID, includeFiles: includeFiles, reference: reference)
        return Backpack(
            exportedAt: now,
            student: .init(
                id: student.id.rawValue, givenName: student.givenName, familyName: student.familyName,
                gradeLevel: student.gradeLevel, school: school?.name),
            profiles: profiles,
            goals: goals.map { goal in
                .init(
                    goal: goal, competencies: goal.competencyIDs.compactMap(reference),
                    notes: (notes[goal.id] ?? []).sorted { $0.at < $1.at })
            },
            reflections: try await store.reflections(student: studentID).filter {
                includePrivateReflections || $0.visibility == .shared
            }, plans: plans,
            accomplishments: accomplishments, mastery: mastery, evidence: evidence, transferred: transferred,
            work: work)
    }

    /// The newest scored version of each piece of work, oldest first; featured work carries its files' bytes.
    private func scoredWork(
        of studentID: Person.ID, includeFiles: Bool, reference: (Competency.ID) -> Backpack.CompetencyReference?
    ) async throws -> [Backpack.WorkItem] {
        let featured = Set(
            try await store.submissions(behind: Array(try await store.conferencePicks(student: studentID))).values.map(
                \.id))
        var newest: [PlaylistItem.ID: Submission] = [:]
        for submission in try await store.submissions(students: [studentID]) where submission.review != nil {
            if (newest[submission.itemID]?.version ?? 0) < submission.version { newest[submission.itemID] = submission }
        }
        var playlists: [Playlist.ID: Playlist] = [:]
        var items: [Backpack.WorkItem] = []
        for submission in newest.values.sorted(by: {
            ($0.submittedAt, $0.id.rawValue) < ($1.submittedAt, $1.id.rawValue)
        }) {
            guard let review = submission.review else { continue }
            if playlists[submission.playlistID] == nil {
                playlists[submission.playlistID] = try await store.playlist(submission.playlistID)
            }
            let title =
                playlists[submission.playlistID]?.items.first { $0.id == submission.itemID }?.title ?? "Work"
            let isFeatured = featured.contains(submission.id)
            var files: [Backpack.WorkItem.File] = []
            for file in submission.files {
                let content =
                    isFeatured && includeFiles ? try await store.workFile(file.id, of: submission.id)?.1 : nil
                files.append(.init(name: file.name, mediaType: file.type.mediaType, size: file.size, content: content))
            }
            items.append(
                .init(
                    id: submission.id.rawValue, title: title, version: submission.version,
                    submittedAt: submission.submittedAt, text: submission.text, links: submission.links, files: files,
                    scores: review.scores.sorted { $0.key.rawValue < $1.key.rawValue }.compactMap { id, score in
                        reference(id).map { .init(competency: $0, score: score) }
                    }, feedback: review.feedback, reviewedAt: review.reviewedAt, featured: isFeatured))
        }
        return items
    }

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// What an import brought in.
    public struct ImportResult: Sendable {
        public var student: Person
        public var evidence: Int
        public var transferred: Int
        public var goals: Int
        public var reflections: Int
        public var plans: Int

        public var description: String {
            "student \(student.displayName) (\(student.id.rawValue)): \(evidence) evidence, \(goals) goals, "
                + "\(reflections) reflections, \(plans) plans, \(transferred) records kept from frameworks not here"
        }
    }

    /// Creates the student at `school` from a backpack: competencies matched by source identifiers, else by
    /// framework and competency codes; evidence on matched competencies recomputes mastery here, mastery on
    /// the others is kept as it was.
    public func importBackpack(
        _ backpack: Backpack, into school: Organization.ID, by actor: Person.ID, at now: Date
    ) async throws -> ImportResult {
        let curriculum = try await store.curriculum()
        var bySource: [String: Competency.ID] = [:]
        var byCode: [String: Competency.ID] = [:]
        for competency in curriculum.competencies {
            guard let framework = curriculum.framework(competency.frameworkID) else { continue }
            if let frameworkSource = framework.sourceIdentifier, let source = competency.sourceIdentifier {
                bySource["\(frameworkSource)\u{0}\(source)"] = competency.id
            }
            byCode["\(framework.code)\u{0}\(competency.code)"] = competency.id
        }
        func local(_ ref: Backpack.CompetencyReference) -> Competency.ID? {
            if let frameworkSource = ref.frameworkSourceIdentifier, let source = ref.sourceIdentifier,
                let id = bySource["\(frameworkSource)\u{0}\(source)"]
            {
                return id
            }
            return byCode["\(ref.frameworkCode)\u{0}\(ref.code)"]
        }
        let studentID = Person.ID("p-\(UUID().uuidString.lowercased().prefix(12))")
        let person = Person(
            id: studentID, role: .student, givenName: backpack.student.givenName,
            familyName: backpack.student.familyName, organizationID: school, gradeLevel: backpack.student.gradeLevel)
        // New ids for goals, reflections and plans (the originals stay valid at the school they came from).
        var goalIDs: [Goal.ID: Goal.ID] = [:]
        var goals: [Goal] = []
        var notes: [GoalNote] = []
        for entry in backpack.goals {
            var goal = entry.goal
            let id = Goal.ID(UUID().uuidString.lowercased())
            goalIDs[goal.id] = id
            goal.id = id
            goal.studentID = studentID
            goal.competencyIDs = entry.competencies.compactMap(local)
            goals.append(goal)
            notes += entry.notes.map { note in
                var copy = note
                copy.goalID = id
                return copy
            }
        }
        let reflections = backpack.reflections.map { reflection -> Reflection in
            var copy = reflection
            copy.id = .init(UUID().uuidString.lowercased())
            copy.studentID = studentID
            copy.goalID = reflection.goalID.flatMap { goalIDs[$0] }
            copy.competencyID = nil
            return copy
        }
        let plans = backpack.plans.map { plan -> LearningPlan in
            var copy = plan
            copy.id = .init(UUID().uuidString.lowercased())
            copy.studentID = studentID
            return copy
        }
        let profiles = backpack.profiles.map { profile -> LearnerProfile in
            var copy = profile
            copy.studentID = studentID
            return copy
        }
        var drafts: [EvidenceDraft] = []
        var evidenceIDs: [String] = []
        for item in backpack.evidence {
            guard let competency = local(item.competency) else { continue }
            drafts.append(
                .record(
                    student: studentID, competency: competency, score: item.score, observedAt: item.observedAt,
                    source: EvidenceSource(rawValue: item.source) ?? .imported, comment: item.comment))
            evidenceIDs.append(item.id)
        }
        let encoder = Backpack.encoder()
        encoder.outputFormatting = [.sortedKeys]
        let transferred = try (backpack.mastery.filter { local($0.competency) == nil } + backpack.transferred).map {
            String(decoding: try encoder.encode($0), as: UTF8.self)
        }
        try await store.importStudent(
            person, profiles: profiles, goals: goals, notes: notes, reflections: reflections, plans: plans,
            evidence: drafts, evidenceIDs: evidenceIDs, transferred: transferred, by: actor, at: now)
        return ImportResult(
            student: person, evidence: drafts.count, transferred: transferred.count, goals: goals.count,
            reflections: reflections.count, plans: plans.count)
    }
}

import Foundation

/// Ranks what a student should do next: competencies not yet mastered whose prerequisites are all mastered
/// (never a locked one), ordered by what they have started, overdue pathway steps, their goals, pathway
/// order and how close they are — each with plain-language reasons and the playlist items that fit, the
/// student's preferred ways of learning first. Deterministic: the same input gives the same answer.
///
/// The advisor is built once per set of courses (the catalog: competencies, prerequisites, pathways,
/// playlists) and asked once per student.
public struct NextStepAdvisor: Sendable {
    public struct Catalog: Sendable {
        /// The competencies students work on, in curriculum order.
        public var competencies: [Competency]
        public var prerequisites: PrerequisiteGraph<Competency.ID>
        /// The mastery threshold of each competency's scale.
        public var thresholds: [Competency.ID: Double]
        public var pathways: [Pathway]
        public var playlists: [Playlist]
        /// Each competency's scale, to name the level a release waits for.
        public var scales: [Competency.ID: ProficiencyScale]

        public init(
            competencies: [Competency], prerequisites: PrerequisiteGraph<Competency.ID>,
            thresholds: [Competency.ID: Double], pathways: [Pathway] = [], playlists: [Playlist] = [],
            scales: [Competency.ID: ProficiencyScale] = [:]
        ) {
            self.competencies = competencies
            self.prerequisites = prerequisites
            self.thresholds = thresholds
            self.pathways = pathways
            self.playlists = playlists
            self.scales = scales
        }
    }

    /// What the advisor knows about one student.
    public struct Student: Sendable {
        public var records: [Competency.ID: MasteryRecord]
        public var progress: [PlaylistItem.ID: ItemProgress]
        /// Goal titles by the competencies they serve.
        public var goals: [Competency.ID: [String]]
        public var preferredModalities: [PlaylistItem.Modality]
        /// Playlists a teacher assigned to the student: their competencies rank with the goals.
        public var assigned: Set<Playlist.ID>

        public init(
            records: [Competency.ID: MasteryRecord], progress: [PlaylistItem.ID: ItemProgress] = [:],
            goals: [Competency.ID: [String]] = [:], preferredModalities: [PlaylistItem.Modality] = [],
            assigned: Set<Playlist.ID> = []
        ) {
            self.records = records
            self.progress = progress
            self.goals = goals
            self.preferredModalities = preferredModalities
            self.assigned = assigned
        }

        public var mastered: Set<Competency.ID> { Set(records.filter { $0.value.mastered }.keys) }
    }

    /// One recommended next step.
    public struct Step: Sendable, Hashable {
        public var competency: Competency
        /// Why it is recommended, as data (pages word it in the reader's language).
        public var why: [Reason]
        public var items: [Suggestion]
        /// The pathway and step it belongs to, if any.
        public var pathwayID: Pathway.ID?
        public var pathwayStep: Int?
        public var targetDate: Date?
        public var isOverdue: Bool
        public var servesGoal: Bool

        /// The reasons in English (the API's words).
        public var reasons: [String] { why.map(\.english) }
    }

    /// A playlist item that fits a step, with why.
    public struct Suggestion: Sendable, Hashable {
        public var playlistID: Playlist.ID
        public var item: PlaylistItem
        public var status: ItemProgress.Status?
        /// A scored checkpoint's score.
        public var score: Double?
        public var why: ItemReason
        /// Why, in English (the API's words).
        public var reason: String { why.english }
        /// Whether the student may choose how to show mastery (for a checkpoint).
        public var allowsChoice: Bool
    }

    /// A competency the student cannot start yet, and what blocks it.
    public struct Blocked: Sendable, Hashable {
        public var competency: Competency
        public var blockers: [Competency.ID]
        /// True when only a teacher-paced pathway's date holds it back.
        public var notYetOpen: Bool
    }

    public let catalog: Catalog
    let order: [Competency.ID: Int]
    private let byID: [Competency.ID: Competency]
    private let pathwayOf: [Competency.ID: (pathway: Int, step: Int)]
    private let playlistsOf: [Competency.ID: [Playlist]]
    private let competenciesOfItem: [PlaylistItem.ID: [Competency.ID]]
    /// By catalog index: prerequisites in the catalog, those outside it, the pathway and step (-1 when
    /// none), the mastery threshold.
    private let prerequisiteIndices: [[Int]]
    private let externalPrerequisites: [[Competency.ID]]
    private let placement: [(pathway: Int, step: Int)]
    private let thresholdOf: [Double]
    /// Per pathway and step: the catalog indices of its competencies (-1 for one outside the catalog).
    private let stepIndices: [[[Int]]]

    public init(catalog: Catalog) {
        self.catalog = catalog
        order = Dictionary(catalog.competencies.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        byID = Dictionary(catalog.competencies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var pathwayOf: [Competency.ID: (Int, Int)] = [:]
        for (pathwayIndex, pathway) in catalog.pathways.enumerated() {
            for (stepIndex, step) in pathway.steps.enumerated() {
                for competency in step.competencyIDs where pathwayOf[competency] == nil {
                    pathwayOf[competency] = (pathwayIndex, stepIndex)
                }
            }
        }
        self.pathwayOf = pathwayOf
        var playlistsOf: [Competency.ID: [Playlist]] = [:]
        for playlist in catalog.playlists {
            for competency in playlist.competencyIDs { playlistsOf[competency, default: []].append(playlist) }
        }
        self.playlistsOf = playlistsOf
        var competenciesOfItem: [PlaylistItem.ID: [Competency.ID]] = [:]
        for playlist in catalog.playlists {
            for item in playlist.items { competenciesOfItem[item.id, default: []] += playlist.competencyIDs }
        }
        self.competenciesOfItem = competenciesOfItem
        let order = self.order
        prerequisiteIndices = catalog.competencies.map { competency in
            (catalog.prerequisites.prerequisites[competency.id] ?? []).compactMap { order[$0] }
        }
        externalPrerequisites = catalog.competencies.map { competency in
            (catalog.prerequisites.prerequisites[competency.id] ?? []).filter { order[$0] == nil }
        }
        placement = catalog.competencies.map { pathwayOf[$0.id] ?? (-1, -1) }
        thresholdOf = catalog.competencies.map { catalog.thresholds[$0.id] ?? 0 }
        stepIndices = catalog.pathways.map { pathway in
            pathway.steps.map { step in step.competencyIDs.map { order[$0] ?? -1 } }
        }
    }

    /// What one question needs about a student, worked out once (not per competency), in arrays indexed like
    /// `catalog.competencies` so ranking hashes nothing.
    struct Context {
        var mastered: [Bool]
        var value: [Double]
        var inProgress: [Bool]
        var goal: [Bool]
        /// Per pathway: how many steps are due (a teacher-paced pathway opens up to that step) and the
        /// student's current step.
        var expected: [Int]
        /// Per pathway: the last step open on a teacher-paced pathway (dates come, or the teacher opened it).
        var lastOpen: [Int]
        var position: [Int]
        /// Per pathway and step: whether its target date has passed.
        var overdue: [[Bool]]
        /// Mastered competencies outside the catalog (prerequisites may name them).
        var masteredElsewhere: Set<Competency.ID>

        func isMastered(_ id: Competency.ID, index: [Competency.ID: Int]) -> Bool {
            index[id].map { mastered[$0] } ?? masteredElsewhere.contains(id)
        }
    }

    func context(_ student: Student, at now: Date) -> Context {
        let count = catalog.competencies.count
        var mastered = [Bool](repeating: false, count: count)
        var value = [Double](repeating: 0, count: count)
        var elsewhere: Set<Competency.ID> = []
        for (id, record) in student.records {
            if let i = order[id] {
                mastered[i] = record.mastered
                value[i] = record.value ?? 0
            } else if record.mastered {
                elsewhere.insert(id)
            }
        }
        var inProgress = [Bool](repeating: false, count: count)
        for (item, progress) in student.progress where progress.status == .started || progress.status == .submitted {
            for id in competenciesOfItem[item] ?? [] { if let i = order[id] { inProgress[i] = true } }
        }
        var goal = [Bool](repeating: false, count: count)
        for (id, titles) in student.goals where !titles.isEmpty { if let i = order[id] { goal[i] = true } }
        for playlist in catalog.playlists where student.assigned.contains(playlist.id) {
            for id in playlist.competencyIDs { if let i = order[id] { goal[i] = true } }
        }
        var position: [Int] = []
        for steps in stepIndices {
            position.append(
                steps.firstIndex { step in !step.contains { $0 >= 0 && mastered[$0] } } ?? steps.count)
        }
        return Context(
            mastered: mastered, value: value, inProgress: inProgress, goal: goal,
            expected: catalog.pathways.map { $0.expectedPosition(at: now) },
            lastOpen: catalog.pathways.map { $0.lastOpenStep(at: now) }, position: position,
            overdue: catalog.pathways.map { $0.steps.map { ($0.targetDate ?? .distantFuture) < now } },
            masteredElsewhere: elsewhere)
    }

    /// Whether a teacher-paced pathway has not opened the competency's step yet.
    func notYetOpen(_ index: Int, _ context: Context) -> Bool {
        let (pathwayIndex, stepIndex) = placement[index]
        guard pathwayIndex >= 0 else { return false }
        return catalog.pathways[pathwayIndex].pacing == .teacherPaced && stepIndex > context.lastOpen[pathwayIndex]
    }

    func isUnlocked(_ index: Int, _ context: Context) -> Bool {
        prerequisiteIndices[index].allSatisfy { $0 >= 0 && context.mastered[$0] }
            && externalPrerequisites[index].allSatisfy(context.masteredElsewhere.contains)
    }

    /// How candidates are ordered (smaller first): in progress, overdue, serving a goal, pathway order,
    /// closeness to mastery, curriculum order.
    struct RankKey: Comparable {
        var notStarted: Int
        var notOverdue: Int
        var noGoal: Int
        var step: Int
        var distance: Int
        var order: Int

        static func < (a: RankKey, b: RankKey) -> Bool {
            (a.notStarted, a.notOverdue, a.noGoal, a.step, a.distance, a.order)
                < (b.notStarted, b.notOverdue, b.noGoal, b.step, b.distance, b.order)
        }
    }

    func key(_ index: Int, _ context: Context) -> RankKey {
        let (pathwayIndex, stepIndex) = placement[index]
        let onPathway = pathwayIndex >= 0
        return RankKey(
            notStarted: context.inProgress[index] ? 0 : 1,
            notOverdue: onPathway && context.overdue[pathwayIndex][stepIndex] ? 0 : 1,
            noGoal: context.goal[index] ? 0 : 1, step: onPathway ? stepIndex : Int.max / 2,
            distance: Int(((thresholdOf[index] - context.value[index]) * 1000).rounded()), order: index)
    }

    /// The unlocked, unmastered competencies, best first (at most `limit`). Candidates are ranked on cheap
    /// keys; reasons and playlist items are written only for those returned.
    public func advise(_ student: Student, at now: Date, limit: Int = 10) -> [Step] {
        let context = context(student, at: now)
        var candidates: [RankKey] = []
        for index in catalog.competencies.indices where !context.mastered[index] {
            guard isUnlocked(index, context), !notYetOpen(index, context) else { continue }
            candidates.append(key(index, context))
        }
        candidates.sort()
        return candidates.prefix(limit).map { step(for: catalog.competencies[$0.order], student, context, now: now) }
    }

    /// Competencies not mastered that are locked, with their unmastered prerequisites.
    public func blocked(_ student: Student, at now: Date) -> [Blocked] {
        let context = context(student, at: now)
        return catalog.competencies.enumerated().compactMap { index, competency in
            guard !context.mastered[index] else { return nil }
            let blockers = (catalog.prerequisites.prerequisites[competency.id] ?? []).filter {
                !context.isMastered($0, index: order)
            }
            let closed = notYetOpen(index, context)
            guard !blockers.isEmpty || closed else { return nil }
            return Blocked(competency: competency, blockers: blockers, notYetOpen: blockers.isEmpty && closed)
        }
    }

    /// A recommended step with its reasons and playlist items.
    func step(for competency: Competency, _ student: Student, _ context: Context, now: Date) -> Step {
        var reasons: [Reason] = []
        let prerequisites = catalog.prerequisites.prerequisites[competency.id] ?? []
        if !prerequisites.isEmpty { reasons.append(.unlocked(by: prerequisites.map { name(of: $0) })) }
        var pathwayID: Pathway.ID?
        var stepNumber: Int?
        var targetDate: Date?
        var overdue = false
        if let (pathwayIndex, stepIndex) = pathwayOf[competency.id] {
            let pathway = catalog.pathways[pathwayIndex]
            pathwayID = pathway.id
            stepNumber = stepIndex
            targetDate = pathway.steps[stepIndex].targetDate
            reasons.append(
                .onPathway(
                    title: pathway.title, step: stepIndex + 1, of: pathway.steps.count,
                    isNext: stepIndex == context.position[pathwayIndex]))
            if let targetDate {
                overdue = targetDate < now
                reasons.append(overdue ? .pastTarget(targetDate) : .target(targetDate))
            }
        }
        let goals = student.goals[competency.id] ?? []
        if !goals.isEmpty { reasons.append(.servesGoals(goals)) }
        let assigned = (playlistsOf[competency.id] ?? []).filter { student.assigned.contains($0.id) }
        if !assigned.isEmpty { reasons.append(.assigned(assigned.map(\.title))) }
        let items = suggestions(for: competency.id, student)
        if let started = items.first(where: { $0.status == .started || $0.status == .submitted }) {
            reasons.append(started.status == .submitted ? .handedIn(started.item.title) : .started(started.item.title))
        }
        let record = student.records[competency.id]
        if let value = record?.value, let threshold = catalog.thresholds[competency.id] {
            reasons.append(.progress(value: value, threshold: threshold))
        } else if (record?.evidenceCount ?? 0) == 0 {
            reasons.append(.noEvidence)
        }
        return Step(
            competency: competency, why: reasons, items: items, pathwayID: pathwayID, pathwayStep: stepNumber,
            targetDate: targetDate, isOverdue: overdue, servesGoal: !goals.isEmpty)
    }

    /// The released, unfinished items of the competency's playlists (and its scored checkpoints, which may be
    /// tried again): started first, must-dos before may-dos,
    /// the student's preferred modalities first, then the playlist's order.
    func suggestions(for competency: Competency.ID, _ student: Student) -> [Suggestion] {
        var result: [(key: [Int], suggestion: Suggestion)] = []
        for (playlistIndex, playlist) in (playlistsOf[competency] ?? []).enumerated() {
            var scores: [PlaylistItem.ID: Double] = [:]
            for item in playlist.items where item.kind == .checkpoint {
                if let score = student.progress[item.id]?.score { scores[item.id] = score }
            }
            let visible = Set(playlist.released(checkpointScores: scores, levels: student.levels).map(\.id))
            for (itemIndex, item) in playlist.items.enumerated() {
                guard visible.contains(item.id) else { continue }
                let status = student.progress[item.id]?.status
                // Done items leave the list, except checkpoints: the competency is not mastered yet, so the
                // student may try again.
                if status == .done && item.kind != .checkpoint { continue }
                let preference = student.preferredModalities.firstIndex(of: item.modality)
                let opened: ItemReason.Opened? =
                    switch item.release {
                    case .checkpoint: .checkpoint
                    case .mastery(let competency, _): .level(name(of: competency))
                    case nil: nil
                    }
                let reason = ItemReason(
                    isRequired: item.isRequired, preferred: preference == nil ? nil : item.modality, opened: opened)
                let inProgress = status == .started || status == .submitted
                let key = [
                    inProgress ? 0 : 1, item.isRequired ? 0 : 1, preference ?? 99, playlistIndex, itemIndex,
                ]
                result.append(
                    (
                        key,
                        Suggestion(
                            playlistID: playlist.id, item: item, status: status,
                            score: student.progress[item.id]?.score, why: reason,
                            allowsChoice: playlist.allowsAssessmentChoice && item.kind == .checkpoint)
                    ))
            }
        }
        return result.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.suggestion)
    }

    func name(of id: Competency.ID) -> String {
        guard let competency = byID[id] else { return id.rawValue }
        return competency.code.isEmpty ? "“\(competency.title)”" : competency.code
    }
}

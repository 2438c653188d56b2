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

        public init(
            competencies: [Competency], prerequisites: PrerequisiteGraph<Competency.ID>,
            thresholds: [Competency.ID: Double], pathways: [Pathway] = [], playlists: [Playlist] = []
        ) {
            self.competencies = competencies
            self.prerequisites = prerequisites
            self.thresholds = thresholds
            self.pathways = pathways
            self.playlists = playlists
        }
    }

    /// What the advisor knows about one student.
    public struct Student: Sendable {
        public var records: [Competency.ID: MasteryRecord]
        public var progress: [PlaylistItem.ID: ItemProgress]
        /// Goal titles by the competencies they serve.
        public var goals: [Competency.ID: [String]]
        public var preferredModalities: [PlaylistItem.Modality]

        public init(
            records: [Competency.ID: MasteryRecord], progress: [PlaylistItem.ID: ItemProgress] = [:],
            goals: [Competency.ID: [String]] = [:], preferredModalities: [PlaylistItem.Modality] = []
        ) {
            self.records = records
            self.progress = progress
            self.goals = goals
            self.preferredModalities = preferredModalities
        }

        public var mastered: Set<Competency.ID> { Set(records.filter { $0.value.mastered }.keys) }
    }

    /// One recommended next step.
    public struct Step: Sendable, Hashable {
        public var competency: Competency
        public var reasons: [String]
        public var items: [Suggestion]
        /// The pathway and step it belongs to, if any.
        public var pathwayID: Pathway.ID?
        public var pathwayStep: Int?
        public var targetDate: Date?
        public var isOverdue: Bool
        public var servesGoal: Bool
    }

    /// A playlist item that fits a step, with why.
    public struct Suggestion: Sendable, Hashable {
        public var playlistID: Playlist.ID
        public var item: PlaylistItem
        public var status: ItemProgress.Status?
        public var reason: String
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
    private let order: [Competency.ID: Int]
    private let byID: [Competency.ID: Competency]
    private let pathwayOf: [Competency.ID: (pathway: Int, step: Int)]
    private let playlistsOf: [Competency.ID: [Playlist]]

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
    }

    /// Whether a teacher-paced pathway has not opened the competency's step yet.
    func notYetOpen(_ competency: Competency.ID, at now: Date) -> Bool {
        guard let (pathwayIndex, stepIndex) = pathwayOf[competency] else { return false }
        let pathway = catalog.pathways[pathwayIndex]
        return pathway.pacing == .teacherPaced && stepIndex > pathway.expectedPosition(at: now)
    }

    /// The unlocked, unmastered competencies, best first (at most `limit`).
    public func advise(_ student: Student, at now: Date, limit: Int = 10) -> [Step] {
        let mastered = student.mastered
        var candidates: [(key: [Int], step: Step)] = []
        for competency in catalog.competencies where !mastered.contains(competency.id) {
            guard catalog.prerequisites.isUnlocked(competency.id, mastered: mastered),
                !notYetOpen(competency.id, at: now)
            else { continue }
            candidates.append(rank(competency, student, mastered: mastered, now: now))
        }
        candidates.sort { $0.key.lexicographicallyPrecedes($1.key) }
        return candidates.prefix(limit).map(\.step)
    }

    /// Competencies not mastered that are locked, with their unmastered prerequisites.
    public func blocked(_ student: Student, at now: Date) -> [Blocked] {
        let mastered = student.mastered
        return catalog.competencies.compactMap { competency in
            guard !mastered.contains(competency.id) else { return nil }
            let blockers = catalog.prerequisites.blockers(of: competency.id, mastered: mastered)
            let closed = notYetOpen(competency.id, at: now)
            guard !blockers.isEmpty || closed else { return nil }
            return Blocked(competency: competency, blockers: blockers, notYetOpen: blockers.isEmpty && closed)
        }
    }

    func rank(
        _ competency: Competency, _ student: Student, mastered: Set<Competency.ID>, now: Date
    ) -> (key: [Int], step: Step) {
        var reasons: [String] = []
        let prerequisites = catalog.prerequisites.prerequisites[competency.id] ?? []
        if !prerequisites.isEmpty {
            let names = prerequisites.map { name(of: $0) }
            reasons.append("You mastered \(Self.list(names)), so this is unlocked.")
        }
        var pathwayID: Pathway.ID?
        var stepNumber: Int?
        var targetDate: Date?
        var overdue = false
        if let (pathwayIndex, stepIndex) = pathwayOf[competency.id] {
            let pathway = catalog.pathways[pathwayIndex]
            pathwayID = pathway.id
            stepNumber = stepIndex
            targetDate = pathway.steps[stepIndex].targetDate
            let position = pathway.position(mastered: mastered)
            let placement = stepIndex == position ? "It is next on your pathway" : "It is on your pathway"
            reasons.append("\(placement) “\(pathway.title)” (step \(stepIndex + 1) of \(pathway.steps.count)).")
            if let targetDate {
                overdue = targetDate < now
                reasons.append(
                    overdue
                        ? "Its target date was \(Self.day(targetDate)): catching up keeps you on pace."
                        : "Aim to master it by \(Self.day(targetDate)).")
            }
        }
        let goals = student.goals[competency.id] ?? []
        if !goals.isEmpty {
            reasons.append("It serves your goal\(goals.count == 1 ? "" : "s") \(Self.list(goals.map { "“\($0)”" })).")
        }
        let items = suggestions(for: competency.id, student)
        let started = items.first { $0.status == .started || $0.status == .submitted }
        if let started {
            reasons.append(
                started.status == .submitted
                    ? "Your checkpoint “\(started.item.title)” is with your teacher."
                    : "You have started “\(started.item.title)”.")
        }
        let record = student.records[competency.id]
        let threshold = catalog.thresholds[competency.id]
        if let value = record?.value, let threshold {
            reasons.append(
                "You are at \(Self.number(value)); mastery is \(Self.number(threshold)).")
        } else if (record?.evidenceCount ?? 0) == 0 {
            reasons.append("You have no evidence on it yet.")
        }
        let closeness = Int(((record?.value ?? 0) - (threshold ?? 0)) * 1000)
        let key = [
            started == nil ? 1 : 0, overdue ? 0 : 1, goals.isEmpty ? 1 : 0,
            stepNumber ?? Int.max / 2, -closeness, order[competency.id] ?? Int.max / 2,
        ]
        let step = Step(
            competency: competency, reasons: reasons, items: items, pathwayID: pathwayID, pathwayStep: stepNumber,
            targetDate: targetDate, isOverdue: overdue, servesGoal: !goals.isEmpty)
        return (key, step)
    }

    /// The released, unfinished items of the competency's playlists: started first, must-dos before may-dos,
    /// the student's preferred modalities first, then the playlist's order.
    func suggestions(for competency: Competency.ID, _ student: Student) -> [Suggestion] {
        var result: [(key: [Int], suggestion: Suggestion)] = []
        for (playlistIndex, playlist) in (playlistsOf[competency] ?? []).enumerated() {
            var scores: [PlaylistItem.ID: Double] = [:]
            for item in playlist.items where item.kind == .checkpoint {
                if let score = student.progress[item.id]?.score { scores[item.id] = score }
            }
            let visible = Set(playlist.released(checkpointScores: scores).map(\.id))
            for (itemIndex, item) in playlist.items.enumerated() {
                guard visible.contains(item.id) else { continue }
                let status = student.progress[item.id]?.status
                if status == .done { continue }
                let preference = student.preferredModalities.firstIndex(of: item.modality)
                var reason = item.isRequired ? "Must-do" : "May-do: your choice"
                if preference != nil { reason += "; \(item.modality.label.lowercased()) is how you like to learn" }
                if item.release != nil { reason += "; opened by your checkpoint result" }
                let key = [
                    status == nil ? 1 : 0, item.isRequired ? 0 : 1, preference ?? 99, playlistIndex, itemIndex,
                ]
                result.append(
                    (
                        key,
                        Suggestion(
                            playlistID: playlist.id, item: item, status: status, reason: reason,
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

    static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
    }

    /// A number as people write it: `3`, `2.5`, `2.67`.
    static func number(_ value: Double) -> String {
        var text = DisplayRounding.text(value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMM yyyy"
        return formatter.string(from: date)
    }
}

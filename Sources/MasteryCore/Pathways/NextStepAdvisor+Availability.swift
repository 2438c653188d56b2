import Foundation

extension NextStepAdvisor.Student {
    /// The level reached on each competency with evidence (the level shown, else the value), for releases.
    public var levels: [Competency.ID: Double] {
        records.compactMapValues { $0.levelValue ?? $0.value }
    }
}

extension NextStepAdvisor {
    /// What opens an item that is not released yet.
    public func lockedReason(_ item: PlaylistItem) -> Refusal {
        switch item.release {
        case .mastery(let competency, let atLeast):
            let level = catalog.scales[competency].flatMap { scale in scale.levels.first { $0.value >= atLeast } }
            return .opensAtLevel(
                item: item.title, level: level?.label, value: level?.value ?? atLeast, competency: name(of: competency))
        case .checkpoint, nil:
            return .opensWithCheckpoint(item: item.title)
        }
    }

    /// Why a student may not work on an item now, or nil when they may. The item must be released (no
    /// release condition, or its checkpoint's result in range) and one of its playlist's competencies open:
    /// mastered, or its prerequisites mastered and, on a teacher-paced pathway, its step reached. Pages offer
    /// only such items; this is the check behind what is posted.
    public func refusal(of itemID: PlaylistItem.ID, for student: Student, at now: Date) -> Refusal? {
        guard let playlist = catalog.playlists.first(where: { $0.item(itemID) != nil }),
            let item = playlist.item(itemID)
        else { return .notInCourses }
        var scores: [PlaylistItem.ID: Double] = [:]
        for candidate in playlist.items where candidate.kind == .checkpoint {
            if let score = student.progress[candidate.id]?.score { scores[candidate.id] = score }
        }
        guard playlist.released(checkpointScores: scores, levels: student.levels).contains(where: { $0.id == itemID })
        else { return lockedReason(item) }
        let context = context(student, at: now)
        let indices = playlist.competencyIDs.compactMap { order[$0] }
        let open = indices.contains { context.mastered[$0] || (isUnlocked($0, context) && !notYetOpen($0, context)) }
        guard !indices.isEmpty, !open else { return nil }
        let blockers = playlist.competencyIDs.flatMap { catalog.prerequisites.prerequisites[$0] ?? [] }
            .filter { !context.isMastered($0, index: order) }
        if blockers.isEmpty { return .notOpenOnPathway(item: item.title) }
        var seen: Set<Competency.ID> = []
        let names = blockers.filter { seen.insert($0).inserted }.map { name(of: $0) }
        return .lockedUntilMastered(item: item.title, names: names)
    }
}

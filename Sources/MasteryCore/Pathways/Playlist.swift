import Foundation

/// A set of learning activities for one or more competencies: resources, practice, small-group lessons with
/// the teacher, projects and checkpoints (assessments that produce evidence). Must-dos are for everyone;
/// may-dos are choices. Items can be released conditionally on a checkpoint's result.
public struct Playlist: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Playlist>

    public var id: ID
    public var title: String
    public var competencyIDs: [Competency.ID]
    public var items: [PlaylistItem]
    /// Whether students may choose how to show mastery (any checkpoint of the playlist counts).
    public var allowsAssessmentChoice: Bool
    /// The teacher who made it; nil for a catalog playlist (the district's or an import's).
    public var authorID: Person.ID?
    /// The sections whose students it is offered to (a teacher's playlist).
    public var sectionIDs: [Section.ID]
    /// Retired: kept for the record (progress, work handed in), offered to nobody.
    public var isRetired: Bool

    public init(
        id: ID, title: String, competencyIDs: [Competency.ID], items: [PlaylistItem],
        allowsAssessmentChoice: Bool = false, authorID: Person.ID? = nil, sectionIDs: [Section.ID] = [],
        isRetired: Bool = false
    ) {
        self.id = id
        self.title = title
        self.competencyIDs = competencyIDs
        self.items = items
        self.allowsAssessmentChoice = allowsAssessmentChoice
        self.authorID = authorID
        self.sectionIDs = sectionIDs
        self.isRetired = isRetired
    }

    public func item(_ id: PlaylistItem.ID) -> PlaylistItem? { items.first { $0.id == id } }

    /// The checkpoint a student is ready to take: every must-do before it that is released to them is done
    /// (at least one), and they have not handed it in or been scored on it yet.
    public func checkpointReady(
        progress: [PlaylistItem.ID: ItemProgress], levels: [Competency.ID: Double] = [:]
    ) -> PlaylistItem? {
        var scores: [PlaylistItem.ID: Double] = [:]
        for item in items where item.kind == .checkpoint { scores[item.id] = progress[item.id]?.score }
        let released = released(checkpointScores: scores, levels: levels)
        let mustDos = released.filter { $0.isRequired && $0.kind != .checkpoint }
        guard !mustDos.isEmpty, mustDos.allSatisfy({ progress[$0.id]?.status == .done }) else { return nil }
        return released.first { item in
            item.kind == .checkpoint && (progress[item.id] == nil || progress[item.id]?.status == .started)
        }
    }

    /// The items a student can see: those without a release condition, and those whose condition they meet —
    /// a checkpoint result (`checkpointScores`, by checkpoint item) in its range, or a level (`levels`, by
    /// competency) at or above its bar.
    public func released(
        checkpointScores: [PlaylistItem.ID: Double], levels: [Competency.ID: Double] = [:]
    ) -> [PlaylistItem] {
        items.filter { item in
            item.release?.isMet(checkpointScores: checkpointScores, levels: levels) ?? true
        }
    }

    /// Whether a student in `sections` (assigned it or not) is offered the playlist: a catalog playlist (no
    /// author) is offered to every student of its competencies' courses; a teacher's to the students of its
    /// sections and those it is assigned to. A retired playlist is offered to nobody.
    public func isOffered(toStudentIn sections: Set<Section.ID>, assigned: Bool) -> Bool {
        guard !isRetired else { return false }
        return authorID == nil || assigned || sectionIDs.contains(where: sections.contains)
    }
}

public struct PlaylistItem: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<PlaylistItem>

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case resource, practice
        case smallGroup = "small-group"
        case project, checkpoint

        public var label: String {
            switch self {
            case .resource: "Resource"
            case .practice: "Practice"
            case .smallGroup: "Small group with the teacher"
            case .project: "Project"
            case .checkpoint: "Checkpoint"
            }
        }
    }

    public enum Modality: String, Codable, Sendable, CaseIterable {
        case video, reading
        case handsOn = "hands-on"
        case discussion
        case onlineTool = "online-tool"

        public var label: String {
            switch self {
            case .video: "Video"
            case .reading: "Reading"
            case .handsOn: "Hands-on"
            case .discussion: "Discussion"
            case .onlineTool: "Online tool"
            }
        }
    }

    /// When an item opens. On a checkpoint's result: released only when the checkpoint's score is in
    /// `lowest...highest` (either bound open when nil) — Canvas-style mastery paths. On mastery: released once
    /// the student's level on a competency is at least `atLeast`.
    public enum Release: Hashable, Sendable {
        case checkpoint(PlaylistItem.ID, lowest: Double?, highest: Double?)
        case mastery(Competency.ID, atLeast: Double)

        public init(checkpointID: PlaylistItem.ID, lowest: Double? = nil, highest: Double? = nil) {
            self = .checkpoint(checkpointID, lowest: lowest, highest: highest)
        }

        /// Whether the student has met it, from their checkpoint scores and their levels by competency.
        public func isMet(checkpointScores: [PlaylistItem.ID: Double], levels: [Competency.ID: Double]) -> Bool {
            switch self {
            case .checkpoint(let id, let lowest, let highest):
                guard let score = checkpointScores[id] else { return false }
                return (lowest.map { score >= $0 } ?? true) && (highest.map { score <= $0 } ?? true)
            case .mastery(let competency, let atLeast):
                return (levels[competency] ?? -.infinity) >= atLeast
            }
        }
    }

    public var id: ID
    public var kind: Kind
    public var title: String
    public var details: String
    public var url: String?
    public var isRequired: Bool
    public var modality: Modality
    public var minutes: Int
    /// The level of the scale the item works towards.
    public var targetLevel: Double?
    public var release: Release?
    /// The competencies a checkpoint is scored on (each gets evidence); empty means the playlist's.
    public var competencyIDs: [Competency.ID]

    public init(
        id: ID, kind: Kind, title: String, details: String = "", url: String? = nil, isRequired: Bool,
        modality: Modality, minutes: Int, targetLevel: Double? = nil, release: Release? = nil,
        competencyIDs: [Competency.ID] = []
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.details = details
        self.url = url
        self.isRequired = isRequired
        self.modality = modality
        self.minutes = minutes
        self.targetLevel = targetLevel
        self.release = release
        self.competencyIDs = competencyIDs
    }

    /// The competencies a checkpoint of `playlist` is scored on.
    public func scoredCompetencies(in playlist: Playlist) -> [Competency.ID] {
        competencyIDs.isEmpty ? playlist.competencyIDs : competencyIDs
    }
}

/// A student's progress on one playlist item.
public struct ItemProgress: Hashable, Codable, Sendable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case started
        /// A checkpoint handed in, waiting for the teacher to score it.
        case submitted
        case done
    }

    public var studentID: Person.ID
    public var itemID: PlaylistItem.ID
    public var status: Status
    /// A checkpoint's score once the teacher has scored it.
    public var score: Double?
    /// How the student chose to show mastery, when the playlist allows a choice.
    public var choice: AssessmentChoice?
    /// When the progress last changed, when known.
    public var updatedAt: Date?

    public init(
        studentID: Person.ID, itemID: PlaylistItem.ID, status: Status, score: Double? = nil,
        choice: AssessmentChoice? = nil, updatedAt: Date? = nil
    ) {
        self.studentID = studentID
        self.itemID = itemID
        self.status = status
        self.updatedAt = updatedAt
        self.score = score
        self.choice = choice
    }
}

/// Ways a student may choose to show mastery when a playlist allows choice in assessment.
public enum AssessmentChoice: String, Codable, Sendable, CaseIterable {
    case checkpoint, project, presentation, conversation, portfolio

    public var label: String {
        switch self {
        case .checkpoint: "The checkpoint task"
        case .project: "A project"
        case .presentation: "A presentation"
        case .conversation: "A conversation with my teacher"
        case .portfolio: "A piece from my portfolio"
        }
    }
}

import Foundation

/// Work a student hands in for a playlist item: text, links and files. Every hand-in is a new version (never
/// replaced), so a student can add to their work after feedback and the teacher sees what changed.
public struct Submission: Identifiable, Hashable, Sendable {
    public typealias ID = Identifier<Submission>

    public var id: ID
    public var studentID: Person.ID
    public var playlistID: Playlist.ID
    public var itemID: PlaylistItem.ID
    /// 1 for the first hand-in of this item by this student, then 2, 3, …
    public var version: Int
    public var text: String
    public var links: [String]
    public var files: [WorkFile]
    public var submittedAt: Date
    /// Who handed it in (the student, or a teacher on their behalf).
    public var submittedBy: Person.ID
    /// The teacher's reviews, oldest first (a later review corrects an earlier one).
    public var reviews: [Review]

    public init(
        id: ID, studentID: Person.ID, playlistID: Playlist.ID, itemID: PlaylistItem.ID, version: Int,
        text: String, links: [String], files: [WorkFile], submittedAt: Date, submittedBy: Person.ID,
        reviews: [Review] = []
    ) {
        self.id = id
        self.studentID = studentID
        self.playlistID = playlistID
        self.itemID = itemID
        self.version = version
        self.text = text
        self.links = links
        self.files = files
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
        self.reviews = reviews
    }

    /// The review that stands: the newest.
    public var review: Review? { reviews.last }

    /// A teacher's scoring of the work: a level on each competency it is scored on, and feedback.
    public struct Review: Hashable, Sendable {
        public var scores: [Competency.ID: Double]
        public var feedback: String
        public var reviewedBy: Person.ID
        public var reviewedAt: Date

        public init(scores: [Competency.ID: Double], feedback: String, reviewedBy: Person.ID, reviewedAt: Date) {
            self.scores = scores
            self.feedback = feedback
            self.reviewedBy = reviewedBy
            self.reviewedAt = reviewedAt
        }
    }
}

/// A file attached to handed-in work (its bytes are stored apart and read only when opened).
public struct WorkFile: Identifiable, Hashable, Sendable {
    public typealias ID = Identifier<WorkFile>

    public var id: ID
    public var name: String
    public var type: WorkFileType
    public var size: Int

    public init(id: ID, name: String, type: WorkFileType, size: Int) {
        self.id = id
        self.name = name
        self.type = type
        self.size = size
    }
}

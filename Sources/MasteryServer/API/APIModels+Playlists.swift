import Foundation
import MasteryCore
import MasteryStore

/// Playlists, handed-in work and the scoring queue in the JSON API.
extension APIRoutes {
    struct NewPlaylist: Decodable {
        var title: String
        var sectionIds: [String]?
        var items: [NewItem]
        var assessmentChoice: Bool?
    }

    struct NewItem: Decodable {
        /// On mastery (`competencyId`, `atLeast`), or on a result of an earlier checkpoint of the playlist
        /// (`checkpointId` with `atLeast` or `atMost`; when adding to an existing playlist).
        struct Release: Decodable {
            var competencyId: String?
            var checkpointId: String?
            var atLeast: Double?
            var atMost: Double?
        }

        var title: String
        /// "must" (everyone) or "may" (a choice).
        var kind: String
        var competencyIds: [String]?
        var checkpoint: Bool?
        /// resource, practice, small-group or project (ignored for a checkpoint).
        var activity: String?
        var modality: String?
        var minutes: Int?
        var url: String?
        var details: String?
        var release: Release?

        func draft(field: String) throws -> PlaylistAuthoring.ItemDraft {
            guard kind == "must" || kind == "may" else {
                throw AppError.invalid(message: "kind is “must” or “may”.", field: "\(field).kind")
            }
            var activity = PlaylistItem.Kind.practice
            if checkpoint == true {
                activity = .checkpoint
            } else if let name = self.activity {
                guard let parsed = PlaylistItem.Kind(rawValue: name), parsed != .checkpoint else {
                    throw AppError.invalid(
                        message: "activity is resource, practice, small-group or project.", field: "\(field).activity")
                }
                activity = parsed
            }
            var chosenModality = PlaylistItem.Modality.reading
            if let modality {
                guard let parsed = PlaylistItem.Modality(rawValue: modality) else {
                    throw AppError.invalid(
                        message: "modality is video, reading, hands-on, discussion or online-tool.",
                        field: "\(field).modality")
                }
                chosenModality = parsed
            }
            for id in competencyIds ?? [] { try InputRules.checkIdentifier(id, field: "\(field).competencyIds") }
            var opens: PlaylistAuthoring.ReleaseDraft?
            if let release {
                for value in [release.atLeast, release.atMost].compactMap({ $0 }) where !value.isFinite {
                    throw AppError.invalid(message: "A level is a number.", field: "\(field).release")
                }
                if let competency = release.competencyId {
                    try InputRules.checkIdentifier(competency, field: "\(field).release.competencyId")
                    guard let atLeast = release.atLeast else {
                        throw AppError.invalid(message: "Say the level (atLeast).", field: "\(field).release.atLeast")
                    }
                    opens = .mastery(Competency.ID(competency), atLeast: atLeast)
                } else if let checkpoint = release.checkpointId {
                    try InputRules.checkIdentifier(checkpoint, field: "\(field).release.checkpointId")
                    opens = .checkpoint(.init(checkpoint), lowest: release.atLeast, highest: release.atMost)
                } else {
                    throw AppError.invalid(
                        message: "A release names a competencyId or a checkpointId.", field: "\(field).release")
                }
            }
            return .init(
                title: title, isRequired: kind == "must", kind: activity, modality: chosenModality,
                minutes: minutes ?? 15, url: url, details: details ?? "",
                competencyIDs: (competencyIds ?? []).map { Competency.ID($0) },
                release: opens)
        }
    }

    struct AssignmentBody: Decodable {
        var studentIds: [String]?
        var sectionId: String?
        var groupId: String?
    }

    struct PlaylistJSON: Encodable {
        struct Item: Encodable {
            struct Release: Encodable {
                var competencyId: String?
                var checkpointId: String?
                var atLeast: Double?
                var atMost: Double?
            }

            var id: String
            var title: String
            var kind: String
            var activity: String
            var checkpoint: Bool
            var modality: String
            var minutes: Int
            var url: String?
            var details: String
            var competencyIds: [String]
            var release: Release?
        }

        var id: String
        var title: String
        var sectionIds: [String]
        var competencyIds: [String]
        var retired: Bool
        var assessmentChoice: Bool
        var items: [Item]

        init(_ playlist: Playlist) {
            id = playlist.id.rawValue
            title = playlist.title
            sectionIds = playlist.sectionIDs.map(\.rawValue)
            competencyIds = playlist.competencyIDs.map(\.rawValue)
            retired = playlist.isRetired
            assessmentChoice = playlist.allowsAssessmentChoice
            items = playlist.items.map { item in
                var release: Item.Release?
                switch item.release {
                case .mastery(let competency, let atLeast):
                    release = .init(competencyId: competency.rawValue, atLeast: atLeast)
                case .checkpoint(let id, let lowest, let highest):
                    release = .init(checkpointId: id.rawValue, atLeast: lowest, atMost: highest)
                case nil: break
                }
                return Item(
                    id: item.id.rawValue, title: item.title, kind: item.isRequired ? "must" : "may",
                    activity: item.kind.rawValue, checkpoint: item.kind == .checkpoint,
                    modality: item.modality.rawValue, minutes: item.minutes, url: item.url, details: item.details,
                    competencyIds: item.scoredCompetencies(in: playlist).map(\.rawValue), release: release)
            }
        }
    }

    /// Work handed in as JSON: files travel base64-encoded.
    struct SubmissionBody: Decodable {
        struct File: Decodable {
            var name: String
            var content: String
        }

        var itemId: String
        var text: String?
        var links: [String]?
        var files: [File]?
        var choice: String?
    }

    struct SubmissionJSON: Encodable {
        struct File: Encodable {
            var id: String
            var name: String
            var type: String
            var size: Int
            var url: String
        }

        struct Review: Encodable {
            var scores: [ScoreJSON]
            var feedback: String
            var reviewedBy: String
            var reviewedAt: Date
        }

        var id: String
        var studentId: String
        var playlistId: String
        var itemId: String
        var version: Int
        var text: String
        var links: [String]
        var files: [File]
        var submittedAt: Date
        var review: Review?

        init(_ submission: Submission) {
            id = submission.id.rawValue
            studentId = submission.studentID.rawValue
            playlistId = submission.playlistID.rawValue
            itemId = submission.itemID.rawValue
            version = submission.version
            text = submission.text
            links = submission.links
            files = submission.files.map {
                File(
                    id: $0.id.rawValue, name: $0.name, type: $0.type.mediaType, size: $0.size,
                    url: WorkFileLink.path(submission: submission.id, file: $0.id))
            }
            submittedAt = submission.submittedAt
            review = submission.review.map { review in
                Review(
                    scores: review.scores.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                        ScoreJSON(competencyId: $0.key.rawValue, level: $0.value)
                    }, feedback: review.feedback, reviewedBy: review.reviewedBy.rawValue,
                    reviewedAt: review.reviewedAt)
            }
        }
    }

    struct ScoreJSON: Codable {
        var competencyId: String
        var level: Double
    }

    struct ReviewBody: Decodable {
        var scores: [ScoreJSON]?
        var feedback: String?
    }

    struct QueueEntryJSON: Encodable {
        struct CompetencyJSON: Encodable {
            struct Level: Encodable {
                var value: Double
                var label: String
            }

            var id: String
            var code: String
            var title: String
            var levels: [Level]
        }

        var submission: SubmissionJSON
        var studentName: String
        var playlistTitle: String
        var itemTitle: String
        var competencies: [CompetencyJSON]

        init(_ entry: WorkService.Waiting) {
            submission = SubmissionJSON(entry.submission)
            studentName = entry.student.displayName
            playlistTitle = entry.playlist.title
            itemTitle = entry.item.title
            competencies = entry.competencies.map { competency in
                CompetencyJSON(
                    id: competency.id.rawValue, code: competency.code, title: competency.title,
                    levels: (entry.scales[competency.id]?.levels ?? []).map { .init(value: $0.value, label: $0.label) })
            }
        }
    }
}

/// Where a file of handed-in work opens (for whoever may see the student's record).
enum WorkFileLink {
    static func path(submission: Submission.ID, file: WorkFile.ID) -> String {
        "/work/\(submission.rawValue)/files/\(file.rawValue)"
    }
}

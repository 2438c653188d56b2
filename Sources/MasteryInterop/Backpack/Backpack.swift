import Foundation
import MasteryCore

/// A student's portable record, `masterly.backpack` version 1: who they are, their learner profile (every
/// version), goals with notes, reflections, learning plans, accomplishments, mastery across every section,
/// and the evidence it was computed from (so another school recomputes it, nothing lost). JSON, ISO 8601
/// dates, documented in `docs/backpack.md`.
public struct Backpack: Codable, Sendable, Equatable {
    public static let formatName = "masterly.backpack"
    public static let currentVersion = 1

    public struct Student: Codable, Sendable, Equatable {
        public var id: String
        public var givenName: String
        public var familyName: String
        public var gradeLevel: String?
        public var school: String?

        public init(id: String, givenName: String, familyName: String, gradeLevel: String?, school: String?) {
            self.id = id
            self.givenName = givenName
            self.familyName = familyName
            self.gradeLevel = gradeLevel
            self.school = school
        }
    }

    /// A competency as another school can find it: by its framework's and its own source identifier (CASE),
    /// else by codes.
    public struct CompetencyReference: Codable, Sendable, Hashable {
        public var frameworkCode: String
        public var frameworkSourceIdentifier: String?
        public var code: String
        public var title: String
        public var sourceIdentifier: String?

        public init(
            frameworkCode: String, frameworkSourceIdentifier: String?, code: String, title: String,
            sourceIdentifier: String?
        ) {
            self.frameworkCode = frameworkCode
            self.frameworkSourceIdentifier = frameworkSourceIdentifier
            self.code = code
            self.title = title
            self.sourceIdentifier = sourceIdentifier
        }
    }

    public struct Mastery: Codable, Sendable, Equatable {
        public var competency: CompetencyReference
        public var value: Double?
        public var level: String?
        public var mastered: Bool
        public var evidenceCount: Int
        public var lastObservedAt: Date?
        public var method: String

        public init(
            competency: CompetencyReference, value: Double?, level: String?, mastered: Bool, evidenceCount: Int,
            lastObservedAt: Date?, method: String
        ) {
            self.competency = competency
            self.value = value
            self.level = level
            self.mastered = mastered
            self.evidenceCount = evidenceCount
            self.lastObservedAt = lastObservedAt
            self.method = method
        }
    }

    public struct EvidenceItem: Codable, Sendable, Equatable {
        /// The evidence's id where it was recorded (reflections refer to it).
        public var id: String
        public var competency: CompetencyReference
        public var score: Double?
        public var observedAt: Date
        public var source: String
        public var comment: String?

        public init(
            id: String, competency: CompetencyReference, score: Double?, observedAt: Date, source: String,
            comment: String?
        ) {
            self.id = id
            self.competency = competency
            self.score = score
            self.observedAt = observedAt
            self.source = source
            self.comment = comment
        }
    }

    public struct GoalEntry: Codable, Sendable, Equatable {
        public var goal: Goal
        public var competencies: [CompetencyReference]
        public var notes: [GoalNote]

        public init(goal: Goal, competencies: [CompetencyReference], notes: [GoalNote]) {
            self.goal = goal
            self.competencies = competencies
            self.notes = notes
        }
    }

    public struct Accomplishment: Codable, Sendable, Equatable {
        public var kind: String
        public var title: String
        public var date: Date?

        public init(kind: String, title: String, date: Date?) {
            self.kind = kind
            self.title = title
            self.date = date
        }
    }

    /// Work the student handed in and a teacher scored: the newest version of each piece, what it was scored on,
    /// and the feedback. Files featured in the conference report travel with their bytes; others by name only.
    public struct WorkItem: Codable, Sendable, Equatable {
        public struct File: Codable, Sendable, Equatable {
            public var name: String
            public var mediaType: String
            public var size: Int
            /// The file's bytes (base64), for featured work only.
            public var content: Data?

            public init(name: String, mediaType: String, size: Int, content: Data?) {
                self.name = name
                self.mediaType = mediaType
                self.size = size
                self.content = content
            }
        }

        public struct Score: Codable, Sendable, Equatable {
            public var competency: CompetencyReference
            public var score: Double

            public init(competency: CompetencyReference, score: Double) {
                self.competency = competency
                self.score = score
            }
        }

        public var id: String
        public var title: String
        public var version: Int
        public var submittedAt: Date
        public var text: String
        public var links: [String]
        public var files: [File]
        public var scores: [Score]
        public var feedback: String
        public var reviewedAt: Date
        /// Chosen for the conference report.
        public var featured: Bool

        public init(
            id: String, title: String, version: Int, submittedAt: Date, text: String, links: [String], files: [File],
            scores: [Score], feedback: String, reviewedAt: Date, featured: Bool
        ) {
            self.id = id
            self.title = title
            self.version = version
            self.submittedAt = submittedAt
            self.text = text
            self.links = links
            self.files = files
            self.scores = scores
            self.feedback = feedback
            self.reviewedAt = reviewedAt
            self.featured = featured
        }
    }

    public var format: String
    public var version: Int
    public var exportedAt: Date
    public var student: Student
    /// Every version of the learner profile, newest first.
    public var profiles: [LearnerProfile]
    public var goals: [GoalEntry]
    public var reflections: [Reflection]
    public var plans: [LearningPlan]
    public var accomplishments: [Accomplishment]
    public var mastery: [Mastery]
    public var evidence: [EvidenceItem]
    /// Mastery brought from earlier schools whose competencies no framework here matched.
    public var transferred: [Mastery]
    /// Scored work (absent from backpacks written before work was carried).
    public var work: [WorkItem]?

    public init(
        exportedAt: Date, student: Student, profiles: [LearnerProfile], goals: [GoalEntry], reflections: [Reflection],
        plans: [LearningPlan], accomplishments: [Accomplishment], mastery: [Mastery], evidence: [EvidenceItem],
        transferred: [Mastery], work: [WorkItem]? = nil
    ) {
        format = Self.formatName
        version = Self.currentVersion
        self.exportedAt = exportedAt
        self.student = student
        self.profiles = profiles
        self.goals = goals
        self.reflections = reflections
        self.plans = plans
        self.accomplishments = accomplishments
        self.mastery = mastery
        self.evidence = evidence
        self.transferred = transferred
        self.work = work
    }

    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    public func data() throws -> Data { try Self.encoder().encode(self) }

    /// Reads a backpack; refuses another format or a newer version, naming it.
    public static func read(_ data: Data, fileName: String) throws(ImportError) -> Backpack {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        struct Header: Decodable {
            var format: String?
            var version: Int?
        }
        guard let header = try? decoder.decode(Header.self, from: data) else {
            throw ImportError(problems: [ImportProblem(file: fileName, line: nil, field: nil, message: "not JSON")])
        }
        guard header.format == formatName else {
            throw ImportError(problems: [
                ImportProblem(
                    file: fileName, line: nil, field: "format",
                    message: "'\(header.format ?? "")' is not a Masterly backpack (expected \(formatName))")
            ])
        }
        guard let version = header.version, version <= currentVersion else {
            throw ImportError(problems: [
                ImportProblem(
                    file: fileName, line: nil, field: "version",
                    message:
                        "version \(header.version.map(String.init) ?? "?") is newer than this Masterly reads (\(currentVersion))"
                )
            ])
        }
        do {
            return try decoder.decode(Backpack.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ImportError(problems: [
                ImportProblem(
                    file: fileName, line: nil, field: Self.path(context.codingPath + [key]),
                    message: "required value missing")
            ])
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ImportError(problems: [
                ImportProblem(
                    file: fileName, line: nil, field: Self.path(context.codingPath), message: context.debugDescription)
            ])
        } catch let DecodingError.dataCorrupted(context) {
            throw ImportError(problems: [
                ImportProblem(
                    file: fileName, line: nil, field: Self.path(context.codingPath), message: context.debugDescription)
            ])
        } catch {
            throw ImportError(problems: [ImportProblem(file: fileName, line: nil, field: nil, message: "\(error)")])
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        "$" + keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}

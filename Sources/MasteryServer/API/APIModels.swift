import Foundation
import MasteryCore

/// The JSON shapes of `/api/v1` (documented in `openapi.yaml`).
enum APIModels {
    struct Me: Encodable {
        var id: String
        var role: String
        var name: String
        var language: String
        var children: [Named]?
    }

    /// The "needs you" list (`GET /api/v1/me/notifications`).
    struct NotificationList: Encodable {
        struct Item: Encodable {
            var kind: String
            var text: String
            var url: String
            var createdAt: Date
            var read: Bool
        }
        var items: [Item]
    }

    struct Named: Encodable {
        var id: String
        var name: String
    }

    struct SectionList: Encodable {
        var sections: [SectionItem]
    }

    struct SectionItem: Encodable {
        var id: String
        var name: String
        var term: String
        var courseId: String
        var schoolId: String
    }

    struct GradebookBody: Encodable {
        var section: SectionItem
        var students: [Named]
        var competencies: [CompetencyItem]
        var cells: [Cell]
    }

    struct CompetencyItem: Encodable {
        var id: String
        var code: String
        var title: String
        var kind: String
        var strandId: String
    }

    struct Cell: Encodable {
        var studentId: String
        var competencyId: String
        var status: String
        var value: Double?
        var displayValue: String?
        var level: String?
        var levelValue: Double?
        var mastered: Bool
        var evidenceCount: Int

        init(_ record: MasteryRecord?, student: Person.ID, competency: Competency.ID, level: ProficiencyLevel?) {
            studentId = student.rawValue
            competencyId = competency.rawValue
            status = (record?.status ?? .notEnoughEvidence).rawValue
            value = record?.value
            displayValue = record?.value.map(DisplayRounding.text)
            self.level = level?.label
            levelValue = level?.value
            mastered = record?.mastered ?? false
            evidenceCount = record?.evidenceCount ?? 0
        }

        enum CodingKeys: String, CodingKey {
            case studentId, competencyId, status, value, displayValue, level, levelValue, mastered, evidenceCount
        }

        /// Every key in every cell: a student without enough evidence has `null` value and level.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(studentId, forKey: .studentId)
            try container.encode(competencyId, forKey: .competencyId)
            try container.encode(status, forKey: .status)
            try container.encode(value, forKey: .value)
            try container.encode(displayValue, forKey: .displayValue)
            try container.encode(level, forKey: .level)
            try container.encode(levelValue, forKey: .levelValue)
            try container.encode(mastered, forKey: .mastered)
            try container.encode(evidenceCount, forKey: .evidenceCount)
        }
    }

    struct NewEvidence: Decodable {
        var studentId: String
        var competencyId: String
        var score: Double?
        var observedAt: Date?
        var taskId: String?
        var comment: String?

        /// The same rules as every form: ids in the id charset, text without NUL or bidi overrides and within
        /// the length limit, a finite score.
        func validate() throws {
            try InputRules.checkIdentifier(studentId, field: "studentId")
            try InputRules.checkIdentifier(competencyId, field: "competencyId")
            if let taskId { try InputRules.checkIdentifier(taskId, field: "taskId") }
            if let comment { try InputRules.check(comment, field: "comment") }
            if let score, !score.isFinite {
                throw AppError.invalid(message: "score must be a finite number.", field: "score")
            }
        }
    }

    struct EvidenceCreated: Encodable {
        var id: String
        var cell: Cell
    }

    struct MasteryList: Encodable {
        var student: Named
        var records: [MasteryItem]
    }

    struct MasteryItem: Encodable {
        var competency: CompetencyItem
        var cell: Cell
        var explanation: Explanation
    }
}

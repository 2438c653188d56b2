import Foundation
import MasteryCore
import SQLKit

/// A grouping a teacher saved: the day, the competencies and each student's group with its reason.
public struct Grouping: Sendable, Hashable {
    public var id: String
    public var sectionID: Section.ID
    public var day: String
    public var competencyIDs: [Competency.ID]
    public var placements: [FlexibleGroups.Placement]
    public var createdAt: Date

    public init(
        id: String, sectionID: Section.ID, day: String, competencyIDs: [Competency.ID],
        placements: [FlexibleGroups.Placement], createdAt: Date
    ) {
        self.id = id
        self.sectionID = sectionID
        self.day = day
        self.competencyIDs = competencyIDs
        self.placements = placements
        self.createdAt = createdAt
    }
}

extension Store {
    public func save(_ grouping: Grouping, by actor: Person.ID) async throws {
        try await driver.withTransaction { db in
            try await db.insertRows(
                "groupings",
                columns: [
                    "id", "section_id", "day", "competencies_json", "placements_json", "created_by", "created_at",
                ],
                rows: [
                    [
                        grouping.id, grouping.sectionID.rawValue, grouping.day,
                        try JSONText.encode(grouping.competencyIDs),
                        try JSONText.encode(grouping.placements), actor.rawValue,
                        grouping.createdAt.timeIntervalSince1970,
                    ]
                ])
            try await Self.audit(
                db, at: grouping.createdAt, actor: actor, action: "grouping.create", student: nil,
                subject: "section \(grouping.sectionID.rawValue)",
                detail: "\(grouping.placements.count) students for \(grouping.day)",
                organization: try await Self.school(ofSection: grouping.sectionID, in: db))
        }
    }

    public func groupings(section: Section.ID) async throws -> [Grouping] {
        try await driver.withConnection { db in
            try await db.raw(
                "SELECT * FROM groupings WHERE section_id = \(bind: section.rawValue) ORDER BY day DESC, created_at DESC"
            ).all().map(Self.grouping)
        }
    }

    public func grouping(_ id: String) async throws -> Grouping? {
        try await driver.withConnection { db in
            try await db.raw("SELECT * FROM groupings WHERE id = \(bind: id)").first().map(Self.grouping)
        }
    }

    static func grouping(_ row: any SQLRow) throws -> Grouping {
        Grouping(
            id: try row.string("id"), sectionID: try row.id("section_id"), day: try row.string("day"),
            competencyIDs: try JSONText.decode([Competency.ID].self, try row.string("competencies_json")),
            placements: try JSONText.decode([FlexibleGroups.Placement].self, try row.string("placements_json")),
            createdAt: try row.date("created_at"))
    }
}

import Foundation
import MasteryCore

/// One line of the audit log: who did what, when, to which student's record.
public struct AuditEntry: Hashable, Sendable, Codable {
    public var sequence: Int64
    public var at: Date
    public var actorID: Person.ID
    public var action: String
    public var studentID: Person.ID?
    public var subject: String
    public var detail: String
}

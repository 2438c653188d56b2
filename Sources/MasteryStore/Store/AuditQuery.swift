import Foundation
import MasteryCore

/// Which audit entries to read: a scope (the schools an administrator oversees; nil for all) and filters by
/// actor, student, action (a prefix such as `evidence` or `task.update`) and time, paged by sequence.
public struct AuditQuery: Sendable, Equatable {
    public var schools: [Organization.ID]?
    public var actor: Person.ID?
    public var student: Person.ID?
    public var actionPrefix: String?
    /// From this moment (inclusive) …
    public var from: Date?
    /// … to this one (exclusive).
    public var to: Date?
    /// Entries older than this sequence (the next page).
    public var beforeSequence: Int64?
    public var limit: Int

    public init(
        schools: [Organization.ID]? = nil, actor: Person.ID? = nil, student: Person.ID? = nil,
        actionPrefix: String? = nil, from: Date? = nil, to: Date? = nil, beforeSequence: Int64? = nil,
        limit: Int = 100
    ) {
        self.schools = schools
        self.actor = actor
        self.student = student
        self.actionPrefix = actionPrefix
        self.from = from
        self.to = to
        self.beforeSequence = beforeSequence
        self.limit = limit
    }
}

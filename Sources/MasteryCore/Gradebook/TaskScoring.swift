import Foundation

/// Where a class stands on scoring one performance task: who is scored (with the levels that count), who was
/// marked absent or skipped for now, who is still waiting — and what one "save" was, so it can be undone as exclusions (never
/// deleted). Built from the task's evidence events (records and the corrections aimed at them) and the marks.
public struct TaskScoring: Sendable {
    /// What a teacher marked a student who has no levels on the task.
    public enum Mark: String, Hashable, Sendable, CaseIterable {
        case absent
        /// Passed over for now: offered again once nobody else waits.
        case skipped
    }

    public enum Status: Hashable, Sendable {
        case waiting
        /// Scored: the levels that count, by criterion, and when the last save was.
        case scored(levels: [RubricCriterion.ID: Double], at: Date)
        case absent
        case skipped
    }

    /// One save: the events recorded together for a student (same recorder, same moment).
    public struct Save: Hashable, Sendable {
        public var student: Person.ID
        public var recordedBy: Person.ID
        public var recordedAt: Date
        public var events: [EvidenceEvent]
    }

    public var order: [Person.ID]
    public var statuses: [Person.ID: Status]
    /// The latest save that still counts, per student.
    public var lastSave: [Person.ID: Save]

    /// `events`: the task's events for these students (records with the task, and supersedes or excludes aimed
    /// at them, in any order); `marks`: the students marked absent or skipped (levels saved since win).
    public init(students: [Person.ID], events: [EvidenceEvent], marks: [Person.ID: Mark]) {
        order = students
        let excluded = Set(events.filter { $0.action == .exclude }.compactMap(\.targetID))
        var superseded: [EvidenceEvent.ID: Double?] = [:]
        for event in events.sorted(by: { $0.sequence < $1.sequence }) where event.action == .supersede {
            if let target = event.targetID { superseded[target] = .some(event.score) }
        }
        let counting = events.filter { $0.action == .record && !excluded.contains($0.id) }
            .sorted { $0.sequence < $1.sequence }
        var statuses: [Person.ID: Status] = [:]
        var saves: [Person.ID: Save] = [:]
        for student in students {
            let mine = counting.filter { $0.studentID == student }
            guard let last = mine.last else {
                statuses[student] =
                    switch marks[student] {
                    case .absent: .absent
                    case .skipped: .skipped
                    case nil: .waiting
                    }
                continue
            }
            var levels: [RubricCriterion.ID: Double] = [:]
            for event in mine {
                guard let criterion = event.criterionID else { continue }
                if let score = superseded[event.id] ?? event.score { levels[criterion] = score }
            }
            statuses[student] = .scored(levels: levels, at: last.recordedAt)
            saves[student] = Save(
                student: student, recordedBy: last.recordedBy, recordedAt: last.recordedAt,
                events: mine.filter { $0.recordedAt == last.recordedAt && $0.recordedBy == last.recordedBy })
        }
        self.statuses = statuses
        self.lastSave = saves
    }

    public func status(of student: Person.ID) -> Status { statuses[student] ?? .waiting }

    /// Students not scored yet: waiting, or skipped for now.
    public var waitingCount: Int { order.filter { [.waiting, .skipped].contains(status(of: $0)) }.count }

    /// The first student still waiting after `student` (wrapping round); once nobody waits, the first one skipped;
    /// nil when neither is left.
    public func nextWaiting(after student: Person.ID?) -> Person.ID? {
        let start = student.flatMap { order.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        let rotated = Array(order[min(start, order.count)...]) + Array(order[..<min(start, order.count)])
        return rotated.first { $0 != student && status(of: $0) == .waiting }
            ?? rotated.first { $0 != student && status(of: $0) == .skipped }
    }
}

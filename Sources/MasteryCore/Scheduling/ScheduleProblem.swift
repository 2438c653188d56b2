/// Why an instance cannot be scheduled, naming the item concerned.
public struct ScheduleProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// `sessions[3] (id "s4")`, `students[12] (id "u13")`, …
    public var item: String
    public var message: String

    public init(item: String, message: String) {
        self.item = item
        self.message = message
    }

    public var description: String { "\(item): \(message)" }
}

/// Every problem found in an instance.
public struct ScheduleProblems: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [ScheduleProblem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

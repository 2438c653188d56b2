/// A solved schedule: who attends what, the total value, and a proven upper bound on the best possible.
public struct ScheduleSolution: Codable, Hashable, Sendable {
    public struct Assignment: Codable, Hashable, Sendable {
        public var student: String
        /// Session ids in mod order.
        public var sessions: [String]

        public init(student: String, sessions: [String]) {
            self.student = student
            self.sessions = sessions
        }
    }

    /// A need that no attended session serves, and why.
    public struct UnmetNeed: Codable, Hashable, Sendable {
        public var student: String
        public var competency: String
        public var weight: Double
        public var reason: String
    }

    public var objective: Double
    /// No schedule can do better than this (equal to `objective` when proven optimal).
    public var bound: Double
    /// `(bound − objective) / bound`, 0 when optimal.
    public var gap: Double
    public var optimal: Bool
    public var assignments: [Assignment]
    public var unmet: [UnmetNeed]
    /// Which method produced it ("min-cost flow per mod", "Lagrangian relaxation + repair").
    public var method: String
    public var iterations: Int
}

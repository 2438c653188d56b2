import Foundation

/// An ordered route through a course's competencies with an expected pace. A step names one competency, or
/// several when the pathway branches (mastering any one of them completes the step).
public struct Pathway: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Pathway>

    /// Who sets the pace: the student (self-paced: the next step is open as soon as the previous is done) or
    /// the teacher (steps open on their target dates, or when the teacher opens them).
    public enum Pacing: String, Codable, Sendable, CaseIterable {
        case selfPaced = "self-paced"
        case teacherPaced = "teacher-paced"
    }

    public struct Step: Hashable, Codable, Sendable {
        public var competencyIDs: [Competency.ID]
        /// When the step should be done to be on pace.
        public var targetDate: Date?

        public init(competencyIDs: [Competency.ID], targetDate: Date? = nil) {
            self.competencyIDs = competencyIDs
            self.targetDate = targetDate
        }

        public var isBranch: Bool { competencyIDs.count > 1 }
    }

    public var id: ID
    public var courseID: Course.ID
    public var title: String
    public var pacing: Pacing
    public var steps: [Step]
    /// On a teacher-paced pathway, how many steps the teacher has opened by hand (besides those whose dates
    /// have come): a pathway without dates moves on when the class does.
    public var openedSteps: Int

    public init(
        id: ID, courseID: Course.ID, title: String, pacing: Pacing, steps: [Step], openedSteps: Int = 0
    ) {
        self.id = id
        self.courseID = courseID
        self.title = title
        self.pacing = pacing
        self.steps = steps
        self.openedSteps = openedSteps
    }

    /// On a teacher-paced pathway, the last step open at `date`: the one after those due, or further when the
    /// teacher opened more.
    public func lastOpenStep(at date: Date) -> Int {
        max(expectedPosition(at: date), openedSteps - 1)
    }

    /// The index of the step a competency belongs to, if any.
    public func stepIndex(of competency: Competency.ID) -> Int? {
        steps.firstIndex { $0.competencyIDs.contains(competency) }
    }

    /// A student's place on the pathway: the first step none of whose competencies is mastered (`steps.count`
    /// when every step is done).
    public func position(mastered: Set<Competency.ID>) -> Int {
        steps.firstIndex { step in !step.competencyIDs.contains(where: mastered.contains) } ?? steps.count
    }

    /// How many steps are done (any of their competencies mastered), in any order.
    public func completedSteps(mastered: Set<Competency.ID>) -> Int {
        steps.filter { $0.competencyIDs.contains(where: mastered.contains) }.count
    }

    /// How many steps should be done by `date` to be on pace.
    public func expectedPosition(at date: Date) -> Int {
        steps.filter { ($0.targetDate ?? .distantFuture) <= date }.count
    }

    /// Ahead of, on, or behind the expected pace at `date`: steps done against steps due.
    public func pace(mastered: Set<Competency.ID>, at date: Date) -> Pace {
        let position = completedSteps(mastered: mastered)
        let expected = expectedPosition(at: date)
        if position > expected { return .ahead(by: position - expected) }
        if position < expected { return .behind(by: expected - position) }
        return .onPace
    }
}

/// Where a student is against a pathway's expected pace.
public enum Pace: Hashable, Sendable {
    case ahead(by: Int)
    case onPace
    case behind(by: Int)

    public var label: String {
        switch self {
        case .ahead(let steps): "Ahead by \(steps) step\(steps == 1 ? "" : "s")"
        case .onPace: "On pace"
        case .behind(let steps): "Behind by \(steps) step\(steps == 1 ? "" : "s")"
        }
    }
}

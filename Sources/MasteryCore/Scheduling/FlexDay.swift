import Foundation

/// A flex-mod day in the product: the sessions a coordinator sets up, the placement the solver proposes from
/// current mastery (and the coordinator adjusts), published for students and teachers.
public struct FlexDay: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<FlexDay>

    /// A template is a week's pattern the coordinator makes each week's day from; a draft is being built (teachers
    /// request, students choose); a published day is what students and teachers follow; a closed day has run
    /// and no longer changes.
    public enum Status: String, Codable, Sendable, CaseIterable { case template, draft, published, closed }

    public struct Session: Hashable, Codable, Sendable {
        public var id: String
        public var title: String
        public var teacherID: Person.ID?
        public var room: String
        public var start: Int
        public var length: Int
        public var capacity: Int
        public var competencyIDs: [Competency.ID]
        public var required: [Person.ID]

        public init(
            id: String, title: String, teacherID: Person.ID?, room: String, start: Int, length: Int, capacity: Int,
            competencyIDs: [Competency.ID], required: [Person.ID] = []
        ) {
            self.id = id
            self.title = title
            self.teacherID = teacherID
            self.room = room
            self.start = start
            self.length = length
            self.capacity = capacity
            self.competencyIDs = competencyIDs
            self.required = required
        }

        public var mods: Range<Int> { ModRange.of(start: start, length: length) }
    }

    public var id: ID
    public var schoolID: Organization.ID
    public var day: String
    public var mods: Int
    public var sessions: [Session]
    public var students: [Person.ID]
    /// Each student's sessions (by id), once proposed.
    public var assignments: [Person.ID: [String]]
    public var objective: Double?
    public var bound: Double?
    public var status: Status
    /// When mod 1 begins, in minutes after midnight, and how long a mod lasts (clock times on every page).
    public var startMinute: Int?
    public var modMinutes: Int?

    public init(
        id: ID, schoolID: Organization.ID, day: String, mods: Int, sessions: [Session] = [], students: [Person.ID],
        assignments: [Person.ID: [String]] = [:], status: Status = .draft
    ) {
        self.id = id
        self.schoolID = schoolID
        self.day = day
        self.mods = mods
        self.sessions = sessions
        self.students = students
        self.assignments = assignments
        self.status = status
    }

    /// Each mod's clock time ("9:00–9:20"), when the day has them.
    public func clock(of mod: Int) -> (start: Int, end: Int)? {
        guard let startMinute, let modMinutes, modMinutes > 0 else { return nil }
        return (startMinute + mod * modMinutes, startMinute + (mod + 1) * modMinutes)
    }

    /// The same sessions on another date: a draft with nobody placed yet (templates and copies).
    public func copy(as id: ID, on date: String, status: Status = .draft, students: [Person.ID]) -> FlexDay {
        var day = FlexDay(
            id: id, schoolID: schoolID, day: date, mods: mods, sessions: sessions, students: students, status: status)
        day.startMinute = startMinute
        day.modMinutes = modMinutes
        return day
    }

    /// Sessions, requests and choices change only before the day is published.
    public var isOpen: Bool { status == .draft || status == .template }

    /// The current assignments as a solution (for the feasibility checker).
    public var solution: ScheduleSolution {
        ScheduleSolution(
            objective: objective ?? 0, bound: bound ?? 0, gap: 0, optimal: false,
            assignments: students.map { .init(student: $0.rawValue, sessions: assignments[$0] ?? []) }, unmet: [],
            method: "adjusted", iterations: 0)
    }

    /// The session a student attends in a mod.
    public func session(of student: Person.ID, at mod: Int) -> Session? {
        let ids = Set(assignments[student] ?? [])
        return sessions.first { ids.contains($0.id) && $0.mods.contains(mod) }
    }
}

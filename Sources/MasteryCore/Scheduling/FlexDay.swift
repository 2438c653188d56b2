import Foundation

/// A flex-mod day in the product: the sessions a coordinator sets up, the placement the solver proposes from
/// current mastery (and the coordinator adjusts), published for students and teachers.
public struct FlexDay: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<FlexDay>

    public enum Status: String, Codable, Sendable { case draft, published }

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

    /// The scheduling instance of the day: every mod free for every student; needs from mastery — a
    /// competency well below the threshold weighs 3 (reteach), below it 2, not yet assessed 1.5, mastered 1
    /// (extension) — so the solver puts each student where their mastery says they gain most.
    public func instance(
        records: [Person.ID: [Competency.ID: MasteryRecord]], thresholds: [Competency.ID: Double]
    ) -> ScheduleInstance {
        let competencies = Array(Set(sessions.flatMap(\.competencyIDs))).sorted { $0.rawValue < $1.rawValue }
        return ScheduleInstance(
            mods: mods,
            sessions: sessions.map {
                .init(
                    id: $0.id, start: $0.start, length: $0.length, capacity: $0.capacity,
                    competencies: $0.competencyIDs.map(\.rawValue), required: $0.required.map(\.rawValue),
                    title: $0.title)
            },
            students: students.map { student in
                let mine = records[student] ?? [:]
                return ScheduleInstance.Student(
                    id: student.rawValue, free: Array(0..<mods),
                    needs: competencies.map { competency in
                        let threshold = thresholds[competency] ?? 3
                        let weight: Double =
                            switch mine[competency] {
                            case .some(let record) where record.mastered: 1
                            case .some(let record) where (record.value ?? 0) < threshold - 1 && record.value != nil: 3
                            case .some(let record) where record.value != nil: 2
                            default: 1.5
                            }
                        return .init(competency: competency.rawValue, weight: weight)
                    })
            })
    }

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

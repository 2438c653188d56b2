/// A day of a flexible modular schedule to fill: mods, sessions over ranges of mods, and students with their
/// free mods, needs (from mastery) and preferences. The JSON format is fixed in `CONTRACT.md`.
public struct ScheduleInstance: Codable, Hashable, Sendable {
    public struct Session: Codable, Hashable, Sendable {
        public var id: String
        /// First mod (0-based).
        public var start: Int
        /// Number of consecutive mods.
        public var length: Int
        public var capacity: Int
        /// Competencies the session works on.
        public var competencies: [String]
        /// Students who must attend (teacher requests).
        public var required: [String]
        /// A label for people ("Reteach: ratios"); optional.
        public var title: String?

        public init(
            id: String, start: Int, length: Int, capacity: Int, competencies: [String] = [], required: [String] = [],
            title: String? = nil
        ) {
            self.id = id
            self.start = start
            self.length = length
            self.capacity = capacity
            self.competencies = competencies
            self.required = required
            self.title = title
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            start = try c.decode(Int.self, forKey: .start)
            length = try c.decodeIfPresent(Int.self, forKey: .length) ?? 1
            capacity = try c.decode(Int.self, forKey: .capacity)
            competencies = try c.decodeIfPresent([String].self, forKey: .competencies) ?? []
            required = try c.decodeIfPresent([String].self, forKey: .required) ?? []
            title = try c.decodeIfPresent(String.self, forKey: .title)
        }

        /// The mods it occupies.
        /// The mods the session covers; never traps, whatever the numbers (an overflowing end saturates).
        public var mods: Range<Int> { ModRange.of(start: start, length: length) }
    }

    public struct Need: Codable, Hashable, Sendable {
        public var competency: String
        public var weight: Double

        public init(competency: String, weight: Double) {
            self.competency = competency
            self.weight = weight
        }
    }

    public struct Preference: Codable, Hashable, Sendable {
        public var session: String
        public var weight: Double

        public init(session: String, weight: Double) {
            self.session = session
            self.weight = weight
        }
    }

    public struct Student: Codable, Hashable, Sendable {
        public var id: String
        /// Mods the student must spend in some session.
        public var free: [Int]
        public var needs: [Need]
        public var preferences: [Preference]

        public init(id: String, free: [Int], needs: [Need] = [], preferences: [Preference] = []) {
            self.id = id
            self.free = free
            self.needs = needs
            self.preferences = preferences
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            free = try c.decode([Int].self, forKey: .free)
            needs = try c.decodeIfPresent([Need].self, forKey: .needs) ?? []
            preferences = try c.decodeIfPresent([Preference].self, forKey: .preferences) ?? []
        }
    }

    public var mods: Int
    public var sessions: [Session]
    public var students: [Student]

    public init(mods: Int, sessions: [Session], students: [Student]) {
        self.mods = mods
        self.sessions = sessions
        self.students = students
    }

    /// The value of `student` attending `session`: the weights of the student's needs whose competency the
    /// session lists, plus the weight of the student's preference for it.
    public static func value(of student: Student, in session: Session) -> Double {
        var value = 0.0
        for need in student.needs where session.competencies.contains(need.competency) { value += need.weight }
        for preference in student.preferences where preference.session == session.id { value += preference.weight }
        return value
    }
}

import Foundation

/// What the solver is given for a flex day, and why: needs from mastery, teachers' requests (required ones as
/// hard requirements, clashes between teachers settled by priority then time), students' ranked choices as
/// preferences that never outweigh a teacher's request.
public struct FlexDayPlan: Sendable {
    /// A teacher's requirement that could not be kept as one, and what happened instead.
    public struct Conflict: Hashable, Codable, Sendable {
        public enum Kind: String, Codable, Sendable {
            /// Another teacher's request for the same student at the same time outranked it.
            case overlap
            /// The session has fewer seats than students required in it.
            case full
            /// The student is not on this day (moved school, or not yet on the roster).
            case notOnDay
            /// The session was removed.
            case noSession
        }

        public var kind: Kind
        public var student: Person.ID
        /// The request that yielded (weighed as a wish instead).
        public var request: FlexRequest.ID
        /// The request that won, for an overlap.
        public var winner: FlexRequest.ID?

        public init(kind: Kind, student: Person.ID, request: FlexRequest.ID, winner: FlexRequest.ID?) {
            self.kind = kind
            self.student = student
            self.request = request
            self.winner = winner
        }
    }

    /// Weights: a need from mastery weighs 1–3 per competency; a teacher's wish outweighs a session's needs;
    /// a student's first choice counts more than their second.
    public static let requestedWeight: [FlexRequest.Priority: Double] = [.low: 4, .normal: 6, .high: 8]
    public static let choiceWeights: [Double] = [2.5, 1.5, 1]

    public let day: FlexDay
    public let instance: ScheduleInstance
    public let conflicts: [Conflict]
    /// The requests each student is held to (required and kept), by student.
    public let requiredBy: [Person.ID: [FlexRequest]]
    /// Requests weighed as wishes (asked so, or yielded in a conflict), by student.
    public let wishedBy: [Person.ID: [FlexRequest]]
    public let choices: [Person.ID: [String]]
    /// Each student's weight for each competency on offer (3 well below mastery … 1 mastered).
    public let needs: [Person.ID: [Competency.ID: Double]]

    public init(
        day: FlexDay, requests: [FlexRequest], choices: [FlexChoice],
        records: [Person.ID: [Competency.ID: MasteryRecord]], thresholds: [Competency.ID: Double]
    ) {
        self.day = day
        let onDay = Set(day.students)
        let sessions = Dictionary(day.sessions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var conflicts: [Conflict] = []
        var kept: [Person.ID: [FlexRequest]] = [:]
        var wished: [Person.ID: [FlexRequest]] = [:]
        var seatsTaken: [String: Int] = [:]
        for session in day.sessions {
            for student in session.required where onDay.contains(student) { seatsTaken[session.id, default: 0] += 1 }
        }
        // Strongest requests first, so each clash is settled in favour of the one that outranks.
        let ordered = requests.sorted { $0.outranks($1) }
        for request in ordered {
            guard let session = sessions[request.sessionID] else {
                for student in request.studentIDs {
                    conflicts.append(.init(kind: .noSession, student: student, request: request.id, winner: nil))
                }
                continue
            }
            for student in request.studentIDs {
                guard onDay.contains(student) else {
                    conflicts.append(.init(kind: .notOnDay, student: student, request: request.id, winner: nil))
                    continue
                }
                guard request.required else {
                    wished[student, default: []].append(request)
                    continue
                }
                if kept[student]?.contains(where: { $0.sessionID == session.id }) == true
                    || session.required.contains(student)
                {
                    continue
                }
                if let winner = kept[student]?.first(where: { other in
                    sessions[other.sessionID].map { $0.mods.overlaps(session.mods) } ?? false
                }) {
                    conflicts.append(.init(kind: .overlap, student: student, request: request.id, winner: winner.id))
                    wished[student, default: []].append(request)
                } else if seatsTaken[session.id, default: 0] >= session.capacity {
                    conflicts.append(.init(kind: .full, student: student, request: request.id, winner: nil))
                    wished[student, default: []].append(request)
                } else {
                    kept[student, default: []].append(request)
                    seatsTaken[session.id, default: 0] += 1
                }
            }
        }
        self.conflicts = conflicts
        self.requiredBy = kept
        self.wishedBy = wished
        var ranked: [Person.ID: [String]] = [:]
        for choice in choices where onDay.contains(choice.studentID) {
            ranked[choice.studentID] = Array(choice.sessionIDs.filter { sessions[$0] != nil }.prefix(FlexChoice.limit))
        }
        self.choices = ranked

        let competencies = Array(Set(day.sessions.flatMap(\.competencyIDs))).sorted { $0.rawValue < $1.rawValue }
        var needs: [Person.ID: [Competency.ID: Double]] = [:]
        for student in day.students {
            let mine = records[student] ?? [:]
            var weights: [Competency.ID: Double] = [:]
            for competency in competencies {
                weights[competency] = Self.weight(mine[competency], threshold: thresholds[competency] ?? 3)
            }
            needs[student] = weights
        }
        self.needs = needs

        var required: [String: [String]] = [:]
        for (student, list) in kept {
            for request in list { required[request.sessionID, default: []].append(student.rawValue) }
        }
        self.instance = ScheduleInstance(
            mods: day.mods,
            sessions: day.sessions.map { session in
                .init(
                    id: session.id, start: session.start, length: session.length, capacity: session.capacity,
                    competencies: session.competencyIDs.map(\.rawValue),
                    required: session.required.filter(onDay.contains).map(\.rawValue)
                        + (required[session.id] ?? []).sorted(),
                    title: session.title)
            },
            students: day.students.map { student in
                var preferences: [String: Double] = [:]
                for request in wished[student] ?? [] {
                    preferences[request.sessionID] = max(
                        preferences[request.sessionID] ?? 0, Self.requestedWeight[request.priority] ?? 6)
                }
                for (rank, session) in (ranked[student] ?? []).enumerated() {
                    preferences[session, default: 0] += Self.choiceWeights[min(rank, Self.choiceWeights.count - 1)]
                }
                return ScheduleInstance.Student(
                    id: student.rawValue, free: Array(0..<day.mods),
                    needs: competencies.map { .init(competency: $0.rawValue, weight: needs[student]?[$0] ?? 1.5) },
                    preferences: preferences.sorted { $0.key < $1.key }.map { .init(session: $0.key, weight: $0.value) }
                )
            })
    }

    /// A competency well below the threshold weighs 3 (reteach), below it 2, not yet assessed 1.5, mastered 1
    /// (extension), so the solver puts each student where their mastery says they gain most.
    public static func weight(_ record: MasteryRecord?, threshold: Double) -> Double {
        guard let record, let value = record.value else { return 1.5 }
        if record.mastered { return 1 }
        return value < threshold - 1 ? 3 : 2
    }
}

import Foundation

/// A placed flex day read in people's terms: why each student is in each session, which teachers' requests
/// and students' choices were met, and how many needs the day serves — the solver's objective made countable.
public struct FlexDayOutcome: Sendable {
    /// One reason a student is in a session, strongest first.
    public enum Reason: Hashable, Codable, Sendable {
        /// A teacher required the student there.
        case required(FlexRequest.ID)
        /// A teacher asked for the student there.
        case requested(FlexRequest.ID)
        /// The student's own pick (1 = first choice).
        case choice(rank: Int)
        /// The session works on a competency well below the student's mastery threshold.
        case reteach(Competency.ID)
        /// …below the threshold.
        case practice(Competency.ID)
        /// …the student has not been assessed on yet.
        case firstLook(Competency.ID)
        /// …the student has mastered (going further).
        case extend(Competency.ID)
        /// Nothing particular: the time is spent in open study or where a seat was free.
        case openTime
    }

    /// A teacher's request or a student's choice that was not met, and why.
    public struct Unmet: Hashable, Codable, Sendable {
        public enum Kind: String, Codable, Sendable {
            /// Another teacher's request for the same time outranked it.
            case outranked
            /// The session had no seat left.
            case full
            /// The student is not on this day.
            case notOnDay
            /// The requested session no longer exists.
            case noSession
            /// The requested session was weighed against others and lost (seats, the student's other needs).
            case notPlaced
            /// None of the student's picks (they are placed where their needs are).
            case noChoice
        }

        public var student: Person.ID
        public var kind: Kind
        public var request: FlexRequest.ID?
        public var session: String?
    }

    public struct Summary: Hashable, Codable, Sendable {
        /// Students placed in at least one session on a competency they have not mastered, of those with one on offer.
        public var studentsServed: Int
        public var studentsWithNeeds: Int
        /// (student, competency) pairs below mastery that the day works on, of those a session offered.
        public var needsMet: Int
        public var needsOffered: Int
        public var requestsMet: Int
        public var requestsMade: Int
        public var firstChoices: Int
        public var anyChoice: Int
        public var choosers: Int

        /// Before anything is placed.
        public static let nothing = Summary(
            studentsServed: 0, studentsWithNeeds: 0, needsMet: 0, needsOffered: 0, requestsMet: 0, requestsMade: 0,
            firstChoices: 0, anyChoice: 0, choosers: 0)
    }

    public let reasons: [Person.ID: [String: [Reason]]]
    public let unmet: [Unmet]
    public let summary: Summary

    public init(plan: FlexDayPlan, assignments: [Person.ID: [String]], requests: [FlexRequest]) {
        let day = plan.day
        let sessions = Dictionary(day.sessions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var reasons: [Person.ID: [String: [Reason]]] = [:]
        var unmet: [Unmet] = []
        var summary = Summary.nothing
        for student in day.students {
            let placed = assignments[student] ?? []
            let needs = plan.needs[student] ?? [:]
            var mine: [String: [Reason]] = [:]
            for id in placed {
                guard let session = sessions[id] else { continue }
                var list: [Reason] = []
                for request in plan.requiredBy[student] ?? [] where request.sessionID == id {
                    list.append(.required(request.id))
                }
                for request in plan.wishedBy[student] ?? [] where request.sessionID == id {
                    list.append(.requested(request.id))
                }
                if let rank = plan.choices[student]?.firstIndex(of: id) { list.append(.choice(rank: rank + 1)) }
                for competency in session.competencyIDs {
                    switch needs[competency] ?? 0 {
                    case 3: list.append(.reteach(competency))
                    case 2: list.append(.practice(competency))
                    case 1.5: list.append(.firstLook(competency))
                    case 1: list.append(.extend(competency))
                    default: break
                    }
                }
                mine[id] = list.isEmpty ? [.openTime] : list
            }
            reasons[student] = mine

            let below = Set(needs.filter { $0.value >= 2 }.map(\.key))
            let served = Set(placed.compactMap { sessions[$0] }.flatMap(\.competencyIDs)).intersection(below)
            if !below.isEmpty { summary.studentsWithNeeds += 1 }
            if !served.isEmpty { summary.studentsServed += 1 }
            summary.needsOffered += below.count
            summary.needsMet += served.count

            if let picks = plan.choices[student], !picks.isEmpty {
                summary.choosers += 1
                if placed.contains(picks[0]) { summary.firstChoices += 1 }
                if picks.contains(where: placed.contains) {
                    summary.anyChoice += 1
                } else {
                    unmet.append(.init(student: student, kind: .noChoice, request: nil, session: picks[0]))
                }
            }
        }
        // Each request counts once per student it names.
        var conflictOf: [String: FlexDayPlan.Conflict] = [:]
        for conflict in plan.conflicts {
            conflictOf["\(conflict.request.rawValue)|\(conflict.student.rawValue)"] = conflict
        }
        for request in requests.sorted(by: { $0.createdAt < $1.createdAt }) {
            for student in request.studentIDs {
                summary.requestsMade += 1
                if (assignments[student] ?? []).contains(request.sessionID) {
                    summary.requestsMet += 1
                    continue
                }
                let kind: Unmet.Kind =
                    switch conflictOf["\(request.id.rawValue)|\(student.rawValue)"]?.kind {
                    case .overlap: .outranked
                    case .full: .full
                    case .notOnDay: .notOnDay
                    case .noSession: .noSession
                    case nil: .notPlaced
                    }
                unmet.append(.init(student: student, kind: kind, request: request.id, session: request.sessionID))
            }
        }
        self.reasons = reasons
        self.unmet = unmet
        self.summary = summary
    }
}

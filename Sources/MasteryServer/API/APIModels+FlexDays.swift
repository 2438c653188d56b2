import Foundation
import MasteryCore
import MasteryStore

/// Flex days in the JSON API. Mods count from 0 (`start`), as in `masterly schedule`.
extension APIRoutes {
    struct FlexDayItem: Encodable {
        struct SessionItem: Encodable {
            var id: String
            var title: String
            var start: Int
            var length: Int
            var capacity: Int
            var teacherId: String?
            var room: String
            var competencyIds: [String]
        }

        struct Placement: Encodable {
            var studentId: String
            var sessionIds: [String]
        }

        var id: String
        var date: String
        var mods: Int
        var status: String
        var schoolId: String
        var startTime: String?
        var modMinutes: Int?
        var sessions: [SessionItem]
        /// Everyone's placement for a coordinator; the reader's own for anyone else.
        var assignments: [Placement]
        var requests: [RequestItem]?
        var choices: [ChoiceItem]?

        init(_ day: FlexDay, for viewer: Person.ID?) {
            id = day.id.rawValue
            date = day.day
            mods = day.mods
            status = day.status.rawValue
            schoolId = day.schoolID.rawValue
            startTime = day.startMinute.map(FlexDayWords.time)
            modMinutes = day.startMinute == nil ? nil : day.modMinutes
            sessions = day.sessions.map {
                .init(
                    id: $0.id, title: $0.title, start: $0.start, length: $0.length, capacity: $0.capacity,
                    teacherId: $0.teacherID?.rawValue, room: $0.room, competencyIds: $0.competencyIDs.map(\.rawValue))
            }
            assignments = day.students.filter { viewer == nil || $0 == viewer }.compactMap { student in
                day.assignments[student].map { Placement(studentId: student.rawValue, sessionIds: $0) }
            }
        }
    }

    struct RequestItem: Encodable {
        var id: String
        var sessionId: String
        var teacherId: String
        var studentIds: [String]
        var required: Bool
        var priority: String
        var reason: String
        var createdAt: Date

        init(_ request: FlexRequest) {
            id = request.id.rawValue
            sessionId = request.sessionID
            teacherId = request.teacherID.rawValue
            studentIds = request.studentIDs.map(\.rawValue)
            required = request.required
            priority =
                switch request.priority {
                case .low: "low"
                case .normal: "normal"
                case .high: "high"
                }
            reason = request.reason
            createdAt = request.createdAt
        }
    }

    struct ChoiceItem: Encodable {
        var studentId: String
        var sessionIds: [String]
    }

    /// The proposal: the solver's figures, each student's sessions, every request or choice not met with the
    /// reason in words, and the day's needs met counted.
    struct ProposalItem: Encodable {
        struct Unmet: Encodable {
            var studentId: String
            var kind: String
            var requestId: String?
            var sessionId: String?
            var reason: String
        }

        struct Conflict: Encodable {
            var studentId: String
            var kind: String
            var requestId: String
            var winnerId: String?
        }

        var objective: Double
        var bound: Double
        var optimal: Bool
        var assignments: [FlexDayItem.Placement]
        var unmet: [Unmet]
        var conflicts: [Conflict]
        var summary: FlexDayOutcome.Summary

        init(_ picture: FlexDayService.Picture, _ solution: ScheduleSolution, service: FlexDayService) async throws {
            objective = solution.objective
            bound = solution.bound
            optimal = solution.optimal
            assignments = solution.assignments.map { .init(studentId: $0.student, sessionIds: $0.sessions) }
            let people = Set(picture.day.students + picture.requests.map(\.teacherID))
            let names = Dictionary(
                try await service.store.people(Array(people)).map { ($0.id, $0.displayName) },
                uniquingKeysWith: { a, _ in a })
            let words = FlexDayWords(
                day: picture.day, t: .english, names: names, requests: picture.requests,
                curriculum: picture.curriculum)
            unmet = (picture.outcome?.unmet ?? []).map {
                .init(
                    studentId: $0.student.rawValue, kind: $0.kind.rawValue, requestId: $0.request?.rawValue,
                    sessionId: $0.session, reason: words.unmet($0))
            }
            conflicts = picture.plan.conflicts.map {
                .init(
                    studentId: $0.student.rawValue, kind: $0.kind.rawValue, requestId: $0.request.rawValue,
                    winnerId: $0.winner?.rawValue)
            }
            summary = picture.outcome?.summary ?? .nothing
        }
    }
}

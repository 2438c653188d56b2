import Foundation
import MasteryCore
import Testing

@Suite("Flex days: teachers' requests, students' choices, and the placement in words")
struct FlexDayPlanTests {
    static let ratios = Competency.ID("c-ratios")
    static let fractions = Competency.ID("c-fractions")
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// Two mods; a reteach on ratios and a lab on fractions in mod 0 (two seats each), open study everywhere.
    static func day(students: Int) -> FlexDay {
        let ids = (1...students).map { Person.ID("u\($0)") }
        var day = FlexDay(id: .init("d1"), schoolID: .init("school"), day: "2026-12-09", mods: 2, students: ids)
        day.sessions = [
            .init(
                id: "reteach", title: "Reteach ratios", teacherID: .init("t1"), room: "B1", start: 0, length: 1,
                capacity: 2, competencyIDs: [ratios]),
            .init(
                id: "lab", title: "Fractions lab", teacherID: .init("t2"), room: "B2", start: 0, length: 1, capacity: 2,
                competencyIDs: [fractions]),
            .init(
                id: "open-0", title: "Open study", teacherID: nil, room: "", start: 0, length: 1, capacity: students,
                competencyIDs: []),
            .init(
                id: "open-1", title: "Open study", teacherID: nil, room: "", start: 1, length: 1, capacity: students,
                competencyIDs: []),
        ]
        return day
    }

    static func request(
        _ id: String, session: String, teacher: String, students: [String], required: Bool,
        priority: FlexRequest.Priority = .normal, minutes: Double = 0
    ) -> FlexRequest {
        FlexRequest(
            id: .init(id), dayID: .init("d1"), sessionID: session, teacherID: .init(teacher),
            studentIDs: students.map { Person.ID($0) }, required: required, priority: priority, reason: "needs it",
            createdAt: start.addingTimeInterval(minutes * 60))
    }

    static func solve(_ plan: FlexDayPlan) throws -> [Person.ID: [String]] {
        let solution = try FlexModScheduler.solve(plan.instance)
        return Dictionary(uniqueKeysWithValues: solution.assignments.map { (Person.ID($0.student), $0.sessions) })
    }

    @Test(
        "Two teachers require one student at the same time: the higher priority wins, the other is a wish and reported")
    func clashByPriority() throws {
        let day = Self.day(students: 4)
        let requests = [
            Self.request("r1", session: "reteach", teacher: "t1", students: ["u1"], required: true, minutes: 0),
            Self.request(
                "r2", session: "lab", teacher: "t2", students: ["u1"], required: true, priority: .high, minutes: 5),
        ]
        let plan = FlexDayPlan(day: day, requests: requests, choices: [], records: [:], thresholds: [:])
        #expect(plan.instance.sessions.first { $0.id == "lab" }?.required == ["u1"])
        #expect(plan.instance.sessions.first { $0.id == "reteach" }?.required == [])
        #expect(plan.conflicts == [.init(kind: .overlap, student: "u1", request: "r1", winner: "r2")])
        let placed = try Self.solve(plan)
        #expect(placed["u1"]?.contains("lab") == true)
        let outcome = FlexDayOutcome(plan: plan, assignments: placed, requests: requests)
        #expect(outcome.unmet.contains { $0.request == "r1" && $0.kind == .outranked && $0.student == "u1" })
        #expect(outcome.summary.requestsMade == 2 && outcome.summary.requestsMet == 1)
        #expect(outcome.reasons["u1"]?["lab"]?.first == .required("r2"))
    }

    @Test("At equal priority the earlier request wins; more required students than seats: the rest become wishes")
    func clashByTimeAndSeats() throws {
        let day = Self.day(students: 5)
        let requests = [
            Self.request("late", session: "lab", teacher: "t2", students: ["u1"], required: true, minutes: 10),
            Self.request("early", session: "reteach", teacher: "t1", students: ["u1", "u2", "u3"], required: true),
        ]
        let plan = FlexDayPlan(day: day, requests: requests, choices: [], records: [:], thresholds: [:])
        #expect(plan.instance.sessions.first { $0.id == "reteach" }?.required == ["u1", "u2"])
        #expect(plan.conflicts.contains(.init(kind: .full, student: "u3", request: "early", winner: nil)))
        #expect(plan.conflicts.contains(.init(kind: .overlap, student: "u1", request: "late", winner: "early")))
        let placed = try Self.solve(plan)
        #expect(placed["u1"]?.contains("reteach") == true && placed["u2"]?.contains("reteach") == true)
    }

    @Test("Choices weigh as preferences, first above second; a teacher's wish outweighs a student's first choice")
    func choicesAndWishes() throws {
        let day = Self.day(students: 3)
        let choices = [
            FlexChoice(dayID: day.id, studentID: "u1", sessionIDs: ["lab", "reteach"]),
            FlexChoice(dayID: day.id, studentID: "u2", sessionIDs: ["lab"]),
            FlexChoice(dayID: day.id, studentID: "u3", sessionIDs: ["lab"]),
        ]
        // u3 is wished into the reteach by a teacher (not required): the wish should win over u3's own pick.
        let requests = [Self.request("w", session: "reteach", teacher: "t1", students: ["u3"], required: false)]
        let plan = FlexDayPlan(day: day, requests: requests, choices: choices, records: [:], thresholds: [:])
        let u1 = try #require(plan.instance.students.first { $0.id == "u1" })
        let weight = { (session: String) in u1.preferences.first { $0.session == session }?.weight ?? 0 }
        #expect(weight("lab") > weight("reteach") && weight("reteach") > 0)
        let placed = try Self.solve(plan)
        #expect(placed["u3"]?.contains("reteach") == true)
        #expect(placed["u1"]?.contains("lab") == true && placed["u2"]?.contains("lab") == true)
        let outcome = FlexDayOutcome(plan: plan, assignments: placed, requests: requests)
        #expect(outcome.summary.choosers == 3 && outcome.summary.firstChoices == 2)
        #expect(outcome.unmet.contains { $0.student == "u3" && $0.kind == .noChoice })
        #expect(outcome.reasons["u1"]?["lab"]?.contains(.choice(rank: 1)) == true)
        #expect(outcome.reasons["u3"]?["reteach"]?.first == .requested("w"))
    }

    @Test("Needs come from mastery; the outcome counts the unmastered competencies the day covers")
    func needsCounted() throws {
        let day = Self.day(students: 2)
        func record(_ student: String, _ competency: Competency.ID, _ value: Double, mastered: Bool) -> MasteryRecord {
            MasteryRecord(
                studentID: .init(student), competencyID: competency, status: .assessed,
                value: value, levelValue: value, mastered: mastered, evidenceCount: 3, lastObservedAt: nil,
                method: "decaying-average")
        }
        let records: [Person.ID: [Competency.ID: MasteryRecord]] = [
            "u1": [Self.ratios: record("u1", Self.ratios, 1, mastered: false)],
            "u2": [
                Self.ratios: record("u2", Self.ratios, 4, mastered: true),
                Self.fractions: record("u2", Self.fractions, 4, mastered: true),
            ],
        ]
        let plan = FlexDayPlan(
            day: day, requests: [], choices: [], records: records, thresholds: [Self.ratios: 3, Self.fractions: 3])
        #expect(plan.needs["u1"]?[Self.ratios] == 3 && plan.needs["u1"]?[Self.fractions] == 1.5)
        #expect(plan.needs["u2"]?[Self.ratios] == 1)
        let placed = try Self.solve(plan)
        #expect(placed["u1"]?.contains("reteach") == true)
        let outcome = FlexDayOutcome(plan: plan, assignments: placed, requests: [])
        // u1 has one unmastered competency assessed below (ratios); u2 has none.
        #expect(outcome.summary.studentsWithNeeds == 1 && outcome.summary.studentsServed == 1)
        #expect(outcome.summary.needsOffered == 1 && outcome.summary.needsMet == 1)
        #expect(outcome.reasons["u1"]?["reteach"] == [.reteach(Self.ratios)])
    }

    @Test("A request for a student not on the day or a removed session is reported, never placed")
    func strayRequests() {
        let day = Self.day(students: 2)
        let requests = [
            Self.request("gone", session: "nope", teacher: "t1", students: ["u1"], required: true),
            Self.request("away", session: "lab", teacher: "t2", students: ["u9"], required: true),
        ]
        let plan = FlexDayPlan(day: day, requests: requests, choices: [], records: [:], thresholds: [:])
        #expect(plan.instance.sessions.allSatisfy { $0.required.isEmpty })
        #expect(Set(plan.conflicts.map(\.kind)) == [.noSession, .notOnDay])
    }

    @Test("Clock times follow the day's start and mod length; copies keep sessions and drop placements")
    func clockAndCopy() {
        var day = Self.day(students: 2)
        day.startMinute = 8 * 60 + 30
        day.modMinutes = 25
        #expect(day.clock(of: 1)! == (start: 535, end: 560))
        day.assignments = ["u1": ["reteach", "open-1"]]
        let copy = day.copy(as: .init("d2"), on: "2026-12-16", students: ["u1", "u3"])
        #expect(copy.sessions == day.sessions && copy.assignments.isEmpty && copy.status == .draft)
        #expect(copy.students == ["u1", "u3"] && copy.startMinute == day.startMinute)
    }
}

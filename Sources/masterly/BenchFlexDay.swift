import ArgumentParser
import Foundation
import MasteryCore

/// `masterly bench flex-day`: proposing a school's flex day — the plan from mastery, teachers' requests and
/// students' choices, the solver, and the outcome in words — as the coordinator's "Propose" runs it.
struct BenchFlexDay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flex-day",
        abstract: "Propose a generated flex day (requests, choices, mastery); prints the time (one core).",
        discussion: "Build with -c release for meaningful numbers: swift run -c release masterly bench flex-day")

    @Option(help: "Students on the day.") var students = 300
    @Option(help: "Mods in the day.") var mods = 6
    @Option(help: "Sessions besides open study.") var sessions = 18
    @Option(help: "Competencies the sessions work on.") var competencies = 12
    @Option(help: "Teachers' requests (three students each; every other one required).") var requests = 30
    @Option(help: "Rounds (the best is reported).") var rounds = 5
    @Option(help: "Seed of the generated data.") var seed: UInt64 = 7

    func validate() throws {
        guard (1...5_000).contains(students), (1...20).contains(mods), (0...500).contains(sessions),
            (1...500).contains(competencies), (0...2_000).contains(requests), (1...100).contains(rounds)
        else { throw ValidationError("students, mods, sessions, competencies, requests or rounds out of range") }
    }

    func run() throws {
        #if DEBUG
            print("note: this is a debug build; use `swift run -c release masterly bench flex-day` for real figures")
        #endif
        var random = SeededGenerator(seed: seed)
        func below(_ n: Int) -> Int { Int(random.next() % UInt64(max(n, 1))) }
        let ids = (0..<students).map { Person.ID("s\($0)") }
        let topics = (0..<competencies).map { Competency.ID("c\($0)") }
        var day = FlexDay(id: "bench", schoolID: "school", day: "2026-12-09", mods: mods, students: ids)
        day.sessions = (0..<mods).map {
            .init(
                id: "open-\($0)", title: "Open study", teacherID: nil, room: "", start: $0, length: 1,
                capacity: students, competencyIDs: [])
        }
        for index in 0..<sessions {
            let length = 1 + below(2)
            day.sessions.append(
                .init(
                    id: "s-\(index)", title: "Session \(index)", teacherID: .init("t\(index % 8)"), room: "",
                    start: below(mods - length + 1), length: min(length, mods), capacity: 10 + below(20),
                    competencyIDs: [topics[below(competencies)], topics[below(competencies)]]))
        }
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var records: [Person.ID: [Competency.ID: MasteryRecord]] = [:]
        for student in ids {
            for competency in topics where below(4) > 0 {
                let value = random.nextUnit() * 4
                records[student, default: [:]][competency] = MasteryRecord(
                    studentID: student, competencyID: competency, status: .assessed, value: value,
                    levelValue: value.rounded(), mastered: value >= 3, evidenceCount: 3, lastObservedAt: start,
                    method: "decaying-average")
            }
        }
        let asked = (0..<requests).map { index in
            FlexRequest(
                id: .init("r\(index)"), dayID: day.id, sessionID: "s-\(below(max(sessions, 1)))",
                teacherID: .init("t\(index % 8)"), studentIDs: (0..<3).map { _ in ids[below(students)] },
                required: index % 2 == 0, priority: FlexRequest.Priority.allCases[below(3)], reason: "bench",
                createdAt: start.addingTimeInterval(Double(index)))
        }
        let choices = ids.filter { _ in below(3) > 0 }.map { student in
            FlexChoice(
                dayID: day.id, studentID: student,
                sessionIDs: Array(Set((0..<3).map { _ in "s-\(below(max(sessions, 1)))" })))
        }
        let thresholds = Dictionary(uniqueKeysWithValues: topics.map { ($0, 3.0) })
        print(
            "day: \(students) students, \(mods) mods, \(day.sessions.count) sessions (\(sessions) besides open study), "
                + "\(requests) requests, \(choices.count) students chose")
        var best = Double.infinity
        var summary = FlexDayOutcome.Summary.nothing
        for _ in 0..<rounds {
            let clock = ContinuousClock()
            var failure: (any Error)?
            let elapsed = clock.measure {
                let plan = FlexDayPlan(
                    day: day, requests: asked, choices: choices, records: records, thresholds: thresholds)
                do {
                    let solution = try FlexModScheduler.solve(plan.instance)
                    let placed = Dictionary(
                        solution.assignments.map { (Person.ID($0.student), $0.sessions) },
                        uniquingKeysWith: { a, _ in a })
                    summary = FlexDayOutcome(plan: plan, assignments: placed, requests: asked).summary
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            best = min(best, seconds)
        }
        print(
            String(
                format:
                    "propose: %.1f ms (best of %d); %d of %d requests met, %d of %d choosers got their first choice",
                best * 1000, rounds, summary.requestsMet, summary.requestsMade, summary.firstChoices, summary.choosers))
        print(String(format: "target: under 1000 ms → %.3f× the budget", best))
    }
}

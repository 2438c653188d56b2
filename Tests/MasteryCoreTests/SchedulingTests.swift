import Foundation
import MasteryCore
import Testing

@Suite("Flex-mod scheduling")
struct SchedulingTests {
    /// A small random instance: every student can always fall back on an open session per mod.
    static func smallInstance(seed: UInt64) -> ScheduleInstance {
        var random = SeededGenerator(seed: seed)
        func uniform(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        let mods = uniform(3...4)
        var sessions = (0..<mods).map { ScheduleInstance.Session(id: "o\($0)", start: $0, length: 1, capacity: 10) }
        for index in 0..<uniform(3...5) {
            let length = uniform(1...2)
            sessions.append(
                .init(
                    id: "s\(index)", start: uniform(0...(mods - length)), length: length, capacity: uniform(1...2),
                    competencies: ["c\(uniform(1...3))"]))
        }
        let students = (0..<uniform(3...5)).map { index -> ScheduleInstance.Student in
            let free = (0..<mods).filter { _ in random.next() % 4 != 0 }
            let needs = (1...3).filter { _ in random.next() % 2 == 0 }.map {
                ScheduleInstance.Need(competency: "c\($0)", weight: Double(uniform(1...4)))
            }
            return .init(id: "u\(index)", free: free, needs: needs)
        }
        return ScheduleInstance(mods: mods, sessions: sessions, students: students)
    }

    /// The optimum by trying every combination of every student's ways to fill their free mods (with their
    /// required sessions).
    static func bruteForce(_ instance: ScheduleInstance) -> Double? {
        func tilings(_ student: ScheduleInstance.Student) -> [[Int]] {
            let free = Set(student.free)
            func from(_ mod: Int) -> [[Int]] {
                if mod >= instance.mods { return [[]] }
                if !free.contains(mod) { return from(mod + 1) }
                var result: [[Int]] = []
                for (s, session) in instance.sessions.enumerated()
                where session.start == mod && session.mods.allSatisfy(free.contains) {
                    for rest in from(mod + session.length) { result.append([s] + rest) }
                }
                return result
            }
            let required = instance.sessions.indices.filter { instance.sessions[$0].required.contains(student.id) }
            return from(0).filter { tiling in required.allSatisfy(tiling.contains) }
        }
        let options = instance.students.map(tilings)
        var best: Double?
        var load = Array(repeating: 0, count: instance.sessions.count)
        func search(_ u: Int, _ value: Double) {
            if u == instance.students.count {
                if best == nil || value > best! { best = value }
                return
            }
            for tiling in options[u] {
                if tiling.contains(where: { load[$0] >= instance.sessions[$0].capacity }) { continue }
                for s in tiling { load[s] += 1 }
                let gained = tiling.reduce(0.0) {
                    $0 + ScheduleInstance.value(of: instance.students[u], in: instance.sessions[$1])
                }
                search(u + 1, value + gained)
                for s in tiling { load[s] -= 1 }
            }
        }
        search(0, 0)
        return best
    }

    @Test(
        "Small instances: feasible, never above the brute-force optimum, bound never below it", arguments: Array(1...40)
    )
    func againstBruteForce(seed: Int) throws {
        let instance = Self.smallInstance(seed: UInt64(seed))
        let optimum = try #require(Self.bruteForce(instance))
        let solution = try FlexModScheduler.solve(instance)
        let check = FeasibilityChecker.check(instance, solution)
        #expect(check.violations.isEmpty, "\(check.violations)")
        #expect(check.objective == solution.objective)
        #expect(solution.objective <= optimum + 1e-9)
        #expect(solution.bound >= optimum - 1e-9)
        #expect(solution.objective >= optimum - 1e-9, "seed \(seed): \(solution.objective) vs optimum \(optimum)")
        if solution.optimal { #expect(solution.objective == optimum) }
    }

    /// A small contested day of one-mod sessions (capacities 1–3, some students required), feasible or not.
    static func oneModInstance(seed: UInt64) -> ScheduleInstance {
        var random = SeededGenerator(seed: seed)
        func uniform(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        let mods = 2
        let studentCount = uniform(4...6)
        var sessions: [ScheduleInstance.Session] = []
        for mod in 0..<mods {
            for index in 0..<uniform(2...3) {
                sessions.append(
                    .init(
                        id: "m\(mod)s\(index)", start: mod, length: 1, capacity: uniform(1...3),
                        competencies: ["c\(uniform(1...3))"]))
            }
        }
        let students = (0..<studentCount).map { index -> ScheduleInstance.Student in
            let free = (0..<mods).filter { _ in random.next() % 5 != 0 }
            let needs = (1...3).filter { _ in random.next() % 2 == 0 }.map {
                ScheduleInstance.Need(competency: "c\($0)", weight: Double(uniform(1...4)))
            }
            let preferences = sessions.filter { _ in random.next() % 6 == 0 }.map {
                ScheduleInstance.Preference(session: $0.id, weight: Double(uniform(1...2)))
            }
            return .init(id: "u\(index)", free: free, needs: needs, preferences: preferences)
        }
        if random.next() % 3 == 0, let student = students.first(where: { $0.free.contains(0) }) {
            sessions[0].required = [student.id]
        }
        return ScheduleInstance(mods: mods, sessions: sessions, students: students)
    }

    @Test(
        "Days of one-mod sessions are solved exactly: the brute-force optimum, proven, or no seating named by mod",
        arguments: Array(1...60))
    func oneModDays(seed: Int) throws {
        let instance = Self.oneModInstance(seed: UInt64(seed) + 500)
        guard let optimum = Self.bruteForce(instance) else {
            #expect {
                try FlexModScheduler.solve(instance)
            } throws: { error in
                // Named by mod: too few seats in total, or no way to seat everyone in sessions they can attend.
                let text = "\(error)"
                return text.hasPrefix("mod ")
                    && (text.contains("cannot seat every student free then")
                        || text.contains("students are free then but the sessions running seat only"))
            }
            return
        }
        let solution = try FlexModScheduler.solve(instance)
        #expect(FeasibilityChecker.check(instance, solution).violations.isEmpty)
        #expect(solution.objective == optimum, "seed \(seed): \(solution.objective) vs optimum \(optimum)")
        #expect(solution.optimal && solution.bound == optimum && solution.gap == 0)
        #expect(solution.method.hasPrefix("min-cost flow per mod"))
    }

    @Test("A multi-mod day with too few seats in a mod is refused naming the mod")
    func tooFewSeats() {
        let instance = ScheduleInstance(
            mods: 4,
            sessions: [
                .init(id: "long", start: 0, length: 2, capacity: 3),
                .init(id: "late", start: 2, length: 2, capacity: 2),
                .init(id: "solo", start: 2, length: 1, capacity: 0),
            ],
            students: (0..<3).map { .init(id: "u\($0)", free: [0, 1, 2, 3]) })
        #expect {
            try FlexModScheduler.solve(instance)
        } throws: { error in
            "\(error)" == "mod 2: 3 students are free then but the sessions running seat only 2\n"
                + "mod 3: 3 students are free then but the sessions running seat only 2"
        }
    }

    @Test("An instance whose LP bound is fractional: the integer bound still proves the optimum")
    func lpGap() throws {
        let url = SharedFolder.projectRoot.appendingPathComponent("Benchmarks/scheduling/fixtures/lp-gap.json")
        let instance = try JSONDecoder().decode(ScheduleInstance.self, from: Data(contentsOf: url))
        let solution = try FlexModScheduler.solve(instance)
        #expect(solution.objective == 29)
        #expect(solution.bound == 29 && solution.optimal)
        #expect(FeasibilityChecker.check(instance, solution).violations.isEmpty)
    }

    @Test("Required students attend their sessions")
    func requiredStudents() throws {
        var instance = Self.smallInstance(seed: 7)
        let student = instance.students.first { !$0.free.isEmpty }!
        let mod = student.free[0]
        instance.sessions.append(
            .init(id: "req", start: mod, length: 1, capacity: 1, competencies: [], required: [student.id]))
        let solution = try FlexModScheduler.solve(instance)
        #expect(solution.assignments.first { $0.student == student.id }?.sessions.contains("req") == true)
        #expect(FeasibilityChecker.check(instance, solution).violations.isEmpty)
    }

    @Test("Bad instances are refused naming the item")
    func badInstances() {
        let base = ScheduleInstance(
            mods: 2,
            sessions: [
                .init(id: "o0", start: 0, length: 1, capacity: 5), .init(id: "o1", start: 1, length: 1, capacity: 5),
            ],
            students: [.init(id: "u1", free: [0, 1])])
        var outOfRange = base
        outOfRange.sessions.append(.init(id: "late", start: 1, length: 2, capacity: 3))
        var unknownRequired = base
        unknownRequired.sessions[0].required = ["ghost"]
        var notFree = base
        notFree.students.append(.init(id: "u2", free: [1]))
        notFree.sessions[0].required = ["u2"]
        var uncoverable = base
        uncoverable.sessions.removeLast()
        var duplicate = base
        duplicate.students.append(.init(id: "u1", free: [0]))
        var overlapping = base
        overlapping.sessions.append(.init(id: "both", start: 0, length: 2, capacity: 2, required: ["u1"]))
        overlapping.sessions[0].required = ["u1"]
        let cases: [(ScheduleInstance, String)] = [
            (outOfRange, "sessions[2] (id \"late\"): mods 1…2 are outside the day"),
            (unknownRequired, "requires the unknown student \"ghost\""),
            (notFree, "requires \"u2\", who is not free"),
            (uncoverable, "students[0] (id \"u1\"): free mod 1 cannot be covered"),
            (duplicate, "students[1] (id \"u1\"): the id is used by another student"),
            (overlapping, "also required in the overlapping session"),
        ]
        for (instance, message) in cases {
            #expect {
                try FlexModScheduler.solve(instance)
            } throws: { error in
                "\(error)".contains(message)
            }
        }
    }

    @Test("Generated instances are deterministic, feasible and solved with a proven bound")
    func generated() throws {
        let generator = InstanceGenerator(students: 120, sessions: 30, mods: 8, seed: 4)
        #expect(generator.problem == nil)
        let instance = generator.generate()
        #expect(instance == generator.generate())
        #expect(instance.sessions.count == 30 && instance.students.count == 120)
        let solution = try FlexModScheduler.solve(instance)
        #expect(FeasibilityChecker.check(instance, solution).violations.isEmpty)
        #expect(solution.bound >= solution.objective && solution.gap <= 0.02)
        #expect(try FlexModScheduler.solve(instance) == solution)
        let single = InstanceGenerator(students: 60, sessions: 20, mods: 6, seed: 2, maxLength: 1).generate()
        #expect(single.sessions.allSatisfy { $0.length == 1 })
        let exact = try FlexModScheduler.solve(single)
        #expect(FeasibilityChecker.check(single, exact).violations.isEmpty)
        #expect(exact.optimal && exact.gap == 0 && exact.bound == exact.objective)
        #expect(InstanceGenerator(students: 10, sessions: 2, mods: 5, seed: 1).problem != nil)
    }
}

import Foundation

/// Generates realistic flex-mod days, deterministic for a seed: students busy in one or two blocks of classes
/// (20–50 % of the day) with 1–4 needs (a few competencies many students struggle with) and 0–3 preferences;
/// one open-study session per mod with room for everyone (so every instance is feasible); and the other
/// sessions split into teacher workshops (reteach on 1–2 competencies, 1–3 mods, 6–15 seats, a third with 1–3
/// requested students) and labs (1–3 competencies, 1–3 mods, 15–30 seats).
public struct InstanceGenerator: Sendable {
    public var students: Int
    /// All sessions, the `mods` open-study ones included.
    public var sessions: Int
    public var mods: Int
    public var seed: UInt64
    /// Caps every session's length (1 gives single-mod instances).
    public var maxLength: Int

    public init(students: Int, sessions: Int, mods: Int, seed: UInt64, maxLength: Int = 3) {
        self.students = students
        self.sessions = sessions
        self.mods = mods
        self.seed = seed
        self.maxLength = maxLength
    }

    /// Why the arguments cannot make an instance, if they cannot.
    public var problem: String? {
        if students < 1 || students > 1_000_000 { return "--students must be 1…1000000" }
        if mods < 1 || mods > 100 { return "--mods must be 1…100" }
        if sessions < mods {
            return "--sessions must be at least --mods (\(mods)): one open-study session per mod is included"
        }
        if maxLength < 1 { return "--max-length must be at least 1" }
        return nil
    }

    public func generate() -> ScheduleInstance {
        var random = SeededGenerator(
            seed: seed &* 0x9E37_79B9 &+ UInt64(students) &* 31 &+ UInt64(sessions) &* 7 &+ UInt64(mods))
        func uniform(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        func weighted(_ weights: [Double]) -> Int {
            let total = weights.reduce(0, +)
            var x = random.nextUnit() * total
            for (index, weight) in weights.enumerated() {
                x -= weight
                if x < 0 { return index }
            }
            return weights.count - 1
        }
        let others = sessions - mods
        let competencyCount = max(8, min(80, others / 3))
        let popularity = (0..<competencyCount).map { 1 / pow(Double($0 + 1), 0.8) }
        func pickCompetencies(_ count: Int) -> [String] {
            var chosen: [String] = []
            while chosen.count < min(count, competencyCount) {
                let c = "c\(weighted(popularity) + 1)"
                if !chosen.contains(c) { chosen.append(c) }
            }
            return chosen
        }
        var result = ScheduleInstance(mods: mods, sessions: [], students: [])
        var freeSets: [Set<Int>] = []
        for index in 0..<students {
            var busy = Set<Int>()
            let target = Int((Double(mods) * (0.2 + random.nextUnit() * 0.3)).rounded())
            let sizes = target <= 2 || random.nextUnit() < 0.5 ? [target] : [target / 2, target - target / 2]
            for size in sizes where size > 0 {
                let start = uniform(0...(mods - size))
                busy.formUnion(start..<(start + size))
            }
            if busy.count >= mods { busy.remove(uniform(0...(mods - 1))) }
            let free = (0..<mods).filter { !busy.contains($0) }
            freeSets.append(Set(free))
            let needs = pickCompetencies(uniform(1...4)).map {
                ScheduleInstance.Need(competency: $0, weight: Double(uniform(1...5)))
            }
            result.students.append(.init(id: "u\(index + 1)", free: free, needs: needs))
        }
        for mod in 0..<mods {
            result.sessions.append(.init(id: "o\(mod)", start: mod, length: 1, capacity: students, title: "Open study"))
        }
        var requiredMods: [Int: Set<Int>] = [:]
        var workshops = 0
        var labs = 0
        for _ in 0..<others {
            let workshop = random.nextUnit() < 0.6
            let length = min(
                workshop ? [1, 2, 3][weighted([45, 35, 20])] : [1, 2, 3][weighted([30, 40, 30])], min(maxLength, mods))
            let capacity = workshop ? uniform(6...15) : uniform(15...30)
            let competencies = pickCompetencies(workshop ? uniform(1...2) : uniform(1...3))
            let start = uniform(0...(mods - length))
            let span = Set(start..<(start + length))
            var required: [String] = []
            if workshop && random.nextUnit() < 0.35 {
                let want = uniform(1...3)
                var candidates: [Int] = []
                for _ in 0..<min(students, 60) { candidates.append(uniform(0...(students - 1))) }
                let fits = candidates.filter {
                    span.isSubset(of: freeSets[$0]) && (requiredMods[$0] ?? []).isDisjoint(with: span)
                }
                let needy = fits.filter { u in
                    result.students[u].needs.contains { competencies.contains($0.competency) }
                }
                var pool = needy
                for u in fits where !pool.contains(u) { pool.append(u) }
                for u in pool.prefix(min(want, capacity)) where !required.contains(result.students[u].id) {
                    required.append(result.students[u].id)
                    requiredMods[u, default: []].formUnion(span)
                }
            }
            let id: String
            if workshop {
                workshops += 1
                id = "w\(workshops)"
            } else {
                labs += 1
                id = "l\(labs)"
            }
            result.sessions.append(
                .init(
                    id: id, start: start, length: length, capacity: capacity, competencies: competencies,
                    required: required,
                    title: (workshop ? "Reteach " : "Extension lab ") + competencies.joined(separator: ", ")))
        }
        let nonOpen = result.sessions.filter { !$0.id.hasPrefix("o") }
        for index in 0..<students {
            let count = [0, 0, 1, 1, 2, 3][uniform(0...5)]
            var chosen: [String] = []
            for _ in 0..<count where !nonOpen.isEmpty {
                var pick = nonOpen[uniform(0...(nonOpen.count - 1))]
                for _ in 0..<8 where !Set(pick.mods).isSubset(of: freeSets[index]) {
                    pick = nonOpen[uniform(0...(nonOpen.count - 1))]
                }
                if !chosen.contains(pick.id) { chosen.append(pick.id) }
            }
            result.students[index].preferences = chosen.map { .init(session: $0, weight: Double(uniform(1...3))) }
        }
        return result
    }
}

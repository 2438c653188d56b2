import Foundation

/// Solves a flex-mod schedule by Lagrangian relaxation of the session capacities.
///
/// With a price λₛ ≥ 0 on each session's seats, the problem splits into one longest-path problem per student
/// (`StudentPathSolver`); the relaxed value `L(λ) = Σᵤ best pathᵤ(v − λ) + Σₛ λₛ·capacityₛ` is an upper bound
/// on the optimum for every λ. Subgradient steps lower it; along the way a repair heuristic builds feasible
/// schedules (students placed in turn into the seats left, guided by the prices) and a local search improves
/// them (each student re-placed in their best path given everyone else). The result carries the best feasible
/// objective, the best bound, and their gap. Deterministic: no clock, no unseeded randomness.
struct LagrangianScheduler {
    let model: ScheduleModel
    let paths: StudentPathSolver
    var maxIterations = 400
    var integerWeights: Bool

    init(model: ScheduleModel) {
        self.model = model
        paths = StudentPathSolver(model: model)
        integerWeights = model.instance.students.allSatisfy { student in
            student.needs.allSatisfy { $0.weight == $0.weight.rounded() }
                && student.preferences.allSatisfy { $0.weight == $0.weight.rounded() }
        }
    }

    struct Result {
        var assignment: [[Int]]
        var objective: Double
        var bound: Double
        var iterations: Int
    }

    func solve() -> Result? {
        let sessions = model.sessionCount
        let students = model.studentCount
        let mods = model.instance.mods
        var best = Array(repeating: 0.0, count: mods + 1)
        var choice = Array(repeating: -1, count: mods + 1)
        var lambda = Array(repeating: 0.0, count: sessions)
        var upper = Double.infinity
        var incumbent: (assignment: [[Int]], objective: Double)?
        var theta = 2.0
        var sinceImprovement = 0
        var iteration = 0
        var relaxed: [[Int]] = Array(repeating: [], count: students)
        var bestPrices = lambda
        while iteration < maxIterations {
            iteration += 1
            var load = Array(repeating: 0, count: sessions)
            var value = 0.0
            for u in 0..<students {
                guard
                    let path = paths.bestPath(u, best: &best, choice: &choice, weight: { s, v in v - lambda[s] })
                else { return nil }
                relaxed[u] = path.sessions
                value += path.weight
                for s in path.sessions { load[s] += 1 }
            }
            for s in 0..<sessions { value += lambda[s] * Double(model.capacity[s]) }
            if value < upper - 1e-9 {
                upper = value
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= 15 {
                    theta /= 2
                    sinceImprovement = 0
                }
            }
            // A relaxed solution within capacity is feasible; it is optimal when the prices are complementary.
            if (0..<sessions).allSatisfy({ load[$0] <= model.capacity[$0] }) {
                let objective = self.objective(relaxed)
                if incumbent == nil || objective > incumbent!.objective { incumbent = (relaxed, objective) }
            }
            if iteration == 1 || iteration % 10 == 0 {
                var candidates: [(assignment: [[Int]], objective: Double)] = []
                if let repaired = repair(prices: lambda, best: &best, choice: &choice) { candidates.append(repaired) }
                if let evicted = evictRepair(relaxed: relaxed, prices: lambda, best: &best, choice: &choice) {
                    candidates.append(evicted)
                }
                for candidate in candidates {
                    var polished = localSearch(candidate, best: &best, choice: &choice, passes: 2, prices: lambda)
                    polished = reseatByMod(
                        polished, best: &best, choice: &choice, prices: lambda, bound: roundedBound(upper))
                    if incumbent == nil || polished.objective > incumbent!.objective { incumbent = polished }
                }
            }
            if iteration % 100 == 0, let current = incumbent {
                incumbent = swapSearch(
                    ejectionSearch(current, best: &best, choice: &choice, passes: 2), best: &best, choice: &choice,
                    passes: 1)
            }
            bestPrices = value <= upper + 1e-9 ? lambda : bestPrices
            let lower = incumbent?.objective ?? -Double.infinity
            if roundedBound(upper) - lower <= 1e-9 { break }
            // Subgradient of L at λ is capacity − load; step towards lower L (Polyak step).
            var norm = 0.0
            var gradient = Array(repeating: 0.0, count: sessions)
            for s in 0..<sessions {
                let g = Double(model.capacity[s] - load[s])
                if lambda[s] <= 0 && g > 0 { continue }
                gradient[s] = g
                norm += g * g
            }
            if norm == 0 { break }
            let target = lower.isFinite ? lower : value * 0.95
            let step = theta * max(value - target, 1e-3) / norm
            for s in 0..<sessions where gradient[s] != 0 { lambda[s] = max(0, lambda[s] - step * gradient[s]) }
            if theta < 1e-4 { break }
        }
        guard var final = incumbent else { return nil }
        final = localSearch(final, best: &best, choice: &choice, prices: bestPrices)
        final = reseatByMod(final, best: &best, choice: &choice, prices: bestPrices, bound: roundedBound(upper))
        // Ejection chains and exact re-seating open moves for each other: alternate while either gains.
        for _ in 0..<8 where roundedBound(upper) - final.objective > 1e-9 {
            let before = final.objective
            final = ejectionSearch(final, best: &best, choice: &choice)
            final = swapSearch(final, best: &best, choice: &choice)
            final = localSearch(final, best: &best, choice: &choice, prices: bestPrices)
            final = reseatByMod(final, best: &best, choice: &choice, prices: bestPrices, bound: roundedBound(upper))
            if final.objective <= before + 1e-9 { break }
        }

        return Result(
            assignment: final.assignment, objective: final.objective, bound: max(roundedBound(upper), final.objective),
            iterations: iteration)
    }

    /// Alternates exact per-mod re-seating of the one-mod sessions (`PerModSeating`) with the local search
    /// while the total improves.
    func reseatByMod(
        _ start: (assignment: [[Int]], objective: Double), best: inout [Double], choice: inout [Int],
        prices: [Double], bound: Double
    ) -> (assignment: [[Int]], objective: Double) {
        let seating = PerModSeating(model: model)
        var current = start
        for _ in 0..<6 where bound - current.objective > 1e-9 {
            guard case .seated(let reseated) = seating.reseat(current.assignment) else { break }
            let next = localSearch(
                (reseated, objective(reseated)), best: &best, choice: &choice, passes: 2, prices: prices)
            guard next.objective > current.objective + 1e-9 else { break }
            current = next
        }
        return current
    }

    /// With integer weights the optimum is an integer, so ⌊L⌋ is also a bound.
    func roundedBound(_ value: Double) -> Double {
        integerWeights ? (value + 1e-7).rounded(.down) : value
    }

    func objective(_ assignment: [[Int]]) -> Double { model.objective(assignment) }
}

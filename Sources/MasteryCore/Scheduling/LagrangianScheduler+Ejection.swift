extension LagrangianScheduler {
    /// The schedule as seats: who sits where, and the seats left.
    struct Seating {
        var assignment: [[Int]]
        var residual: [Int]
        var members: [[Int]]
    }

    /// The full sessions student `a` would gain from and is not in.
    func fullSessionsWanted(by a: Int, in seating: Seating) -> [Int] {
        var wanted: [Int] = []
        for options in model.optionsByStart[a] {
            for option in options
            where option.value > 0 && seating.residual[option.session] <= 0
                && !seating.assignment[a].contains(option.session)
            {
                wanted.append(option.session)
            }
        }
        return wanted
    }

    func seating(_ assignment: [[Int]]) -> Seating {
        var residual = residualAfterRequirements()
        var members = Array(repeating: [Int](), count: model.sessionCount)
        for (u, sessions) in assignment.enumerated() {
            for s in sessions {
                members[s].append(u)
                if !model.required[u].contains(s) { residual[s] -= 1 }
            }
        }
        return Seating(assignment: assignment, residual: residual, members: members)
    }

    /// Repair from the relaxed solution: in each over-full session keep the students who would lose most by
    /// leaving (at the current prices), release everyone else's seats, then re-place them, biggest loss first.
    func evictRepair(
        relaxed: [[Int]], prices: [Double], best: inout [Double], choice: inout [Int]
    ) -> (assignment: [[Int]], objective: Double)? {
        var assignment = relaxed
        var usage = Array(repeating: 0, count: model.sessionCount)
        for (u, sessions) in assignment.enumerated() {
            for s in sessions where !model.required[u].contains(s) { usage[s] += 1 }
        }
        let seats = residualAfterRequirements()
        var evicted: [(student: Int, loss: Double)] = []
        let overflow: [Int] = (0..<model.sessionCount).map { usage[$0] - seats[$0] }
        let overfull: [Int] = (0..<model.sessionCount).filter { overflow[$0] > 0 }
            .sorted { (a: Int, b: Int) -> Bool in overflow[a] != overflow[b] ? overflow[a] > overflow[b] : a < b }
        var isEvicted = Array(repeating: false, count: model.studentCount)
        for s in overfull where usage[s] > seats[s] {
            var occupants: [(student: Int, loss: Double)] = []
            for u in 0..<model.studentCount
            where !isEvicted[u] && assignment[u].contains(s) && !model.required[u].contains(s) {
                let current = reducedValue(assignment[u], u, prices)
                let required = model.required[u]
                let avoiding = paths.bestPath(u, best: &best, choice: &choice) { t, v in
                    t == s ? nil : (required.contains(t) ? v : v - prices[t])
                }
                occupants.append((u, current - (avoiding?.weight ?? -1e18)))
            }
            occupants.sort { $0.loss != $1.loss ? $0.loss > $1.loss : $0.student < $1.student }
            for (u, loss) in occupants.dropFirst(max(seats[s], 0)) {
                isEvicted[u] = true
                for t in assignment[u] where !model.required[u].contains(t) { usage[t] -= 1 }
                assignment[u] = []
                evicted.append((u, loss))
            }
        }
        var residual = (0..<model.sessionCount).map { seats[$0] - usage[$0] }
        evicted.sort { $0.loss != $1.loss ? $0.loss > $1.loss : $0.student < $1.student }
        guard
            place(
                evicted.map(\.student), into: &assignment, residual: &residual, prices: prices, best: &best,
                choice: &choice)
        else { return nil }
        return (assignment, objective(assignment))
    }

    func reducedValue(_ sessions: [Int], _ u: Int, _ prices: [Double]) -> Double {
        var total = 0.0
        for s in sessions {
            total +=
                (model.optionsByStart[u][model.sessionStart[s]].first { $0.session == s }?.value ?? 0)
                - (model.required[u].contains(s) ? 0 : prices[s])
        }
        return total
    }

    /// The occupant of full session `s` cheapest to move elsewhere (given the seats left), with the value it
    /// would lose and the path it would take.
    func cheapestEjection(
        _ s: Int, _ seating: Seating, best: inout [Double], choice: inout [Int]
    ) -> (student: Int, cost: Double, path: [Int])? {
        var cheapest: (student: Int, cost: Double, path: [Int])?
        for b in seating.members[s] where !model.required[b].contains(s) {
            let bCurrent = seating.assignment[b]
            let bRequired = model.required[b]
            guard
                let alternative = paths.bestPath(
                    b, best: &best, choice: &choice,
                    weight: { t, v in
                        t == s
                            ? nil : (bRequired.contains(t) || bCurrent.contains(t) || seating.residual[t] > 0 ? v : nil)
                    })
            else { continue }
            let cost = value(of: bCurrent, for: b) - alternative.weight
            if cheapest == nil || cost < cheapest!.cost { cheapest = (b, cost, alternative.sessions) }
        }
        return cheapest
    }

    /// Ejection moves: a student may take a seat in a full session if the occupant who loses least by moving
    /// elsewhere loses less than the student gains. Ejection costs are kept per session and refreshed only
    /// where seats changed. Repeats while the total improves.
    func ejectionSearch(
        _ start: (assignment: [[Int]], objective: Double), best: inout [Double], choice: inout [Int], passes: Int = 8
    ) -> (assignment: [[Int]], objective: Double) {
        var seating = seating(start.assignment)
        var objective = start.objective
        var cache: [(student: Int, cost: Double, path: [Int])?] = Array(repeating: nil, count: model.sessionCount)
        var stale = Array(repeating: true, count: model.sessionCount)
        for _ in 0..<passes {
            var improved = false
            for a in 0..<model.studentCount {
                let aRequired = model.required[a]
                let aCurrent = seating.assignment[a]
                let aValue = value(of: aCurrent, for: a)
                // Only full sessions worth something to A matter.
                let wanted = fullSessionsWanted(by: a, in: seating)
                if wanted.isEmpty { continue }
                for s in wanted where stale[s] {
                    cache[s] = cheapestEjection(s, seating, best: &best, choice: &choice)
                    stale[s] = false
                }
                guard
                    let path = paths.bestPath(
                        a, best: &best, choice: &choice,
                        weight: { s, v in
                            if aRequired.contains(s) || aCurrent.contains(s) || seating.residual[s] > 0 { return v }
                            guard let e = cache[s], e.student != a else { return nil }
                            return v - e.cost
                        })
                else { continue }
                guard path.weight > aValue + 1e-9 else { continue }
                var trial = seating
                var touched = Set<Int>()
                func leave(_ u: Int) {
                    for s in trial.assignment[u] {
                        trial.members[s].removeAll { $0 == u }
                        if !model.required[u].contains(s) { trial.residual[s] += 1 }
                        touched.insert(s)
                    }
                    trial.assignment[u] = []
                }
                func take(_ u: Int, _ sessions: [Int]) {
                    for s in sessions {
                        trial.members[s].append(u)
                        if !model.required[u].contains(s) { trial.residual[s] -= 1 }
                        touched.insert(s)
                    }
                    trial.assignment[u] = sessions
                }
                leave(a)
                var ejected: [Int] = []
                for s in path.sessions where seating.residual[s] <= 0 && !aCurrent.contains(s) && !aRequired.contains(s)
                {
                    if let e = cache[s], !ejected.contains(e.student) {
                        ejected.append(e.student)
                        leave(e.student)
                    }
                }
                take(a, path.sessions)
                var valid = true
                for b in ejected {
                    let bRequired = model.required[b]
                    guard
                        let again = paths.bestPath(
                            b, best: &best, choice: &choice,
                            weight: { t, v in bRequired.contains(t) || trial.residual[t] > 0 ? v : nil })
                    else {
                        valid = false
                        break
                    }
                    take(b, again.sessions)
                }
                guard valid, trial.residual.allSatisfy({ $0 >= 0 }) else { continue }
                let newObjective = self.objective(trial.assignment)
                if newObjective > objective + 1e-9 {
                    seating = trial
                    objective = newObjective
                    improved = true
                    // Seats changed here: every cached ejection may now differ in these sessions.
                    for s in touched { stale[s] = true }
                    for s in 0..<model.sessionCount
                    where cache[s].map({
                        touched.contains(where: $0.path.contains) || ejected.contains($0.student) || $0.student == a
                    }) ?? false {
                        stale[s] = true
                    }
                }
            }
            if !improved { break }
        }
        return (seating.assignment, objective)
    }
}

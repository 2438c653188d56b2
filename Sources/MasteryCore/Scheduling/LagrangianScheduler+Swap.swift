extension LagrangianScheduler {
    /// Swap moves: student A takes occupant B's seat in a full session S, and B fills their day again from the
    /// seats left, A's released seats included. The ejection search prices B's way out before A moves, so it
    /// misses the swaps where B's best way out is A's own seats; this search tries every occupant of every full
    /// session A values and takes the best gain. Repeats while the total improves.
    func swapSearch(
        _ start: (assignment: [[Int]], objective: Double), best: inout [Double], choice: inout [Int], passes: Int = 3
    ) -> (assignment: [[Int]], objective: Double) {
        var seating = seating(start.assignment)
        var objective = start.objective
        for _ in 0..<passes {
            var improved = false
            for a in 0..<model.studentCount {
                let aRequired = model.required[a]
                let aCurrent = seating.assignment[a]
                let wanted = fullSessionsWanted(by: a, in: seating)
                if wanted.isEmpty { continue }
                let aValue = value(of: aCurrent, for: a)
                var chosen: (b: Int, aPath: [Int], bPath: [Int], gain: Double)?
                for s in wanted {
                    let first = model.sessionStart[s]
                    let end = first + model.sessionLength[s]
                    for b in seating.members[s] where b != a && !model.required[b].contains(s) {
                        let bRequired = model.required[b]
                        let bCurrent = seating.assignment[b]
                        for t in aCurrent where !aRequired.contains(t) { seating.residual[t] += 1 }
                        for t in bCurrent where !bRequired.contains(t) { seating.residual[t] += 1 }
                        let residual = seating.residual
                        // A on a path through S: sessions overlapping S are out.
                        let aPath = paths.bestPath(a, best: &best, choice: &choice) { t, v in
                            if t == s { return v }
                            let tFirst = model.sessionStart[t]
                            if tFirst < end && first < tFirst + model.sessionLength[t] { return nil }
                            return aRequired.contains(t) || residual[t] > 0 ? v : nil
                        }
                        var bPath: (sessions: [Int], weight: Double)?
                        if let aPath, aPath.sessions.contains(s) {
                            for t in aPath.sessions where !aRequired.contains(t) { seating.residual[t] -= 1 }
                            let left = seating.residual
                            bPath = paths.bestPath(b, best: &best, choice: &choice) { t, v in
                                bRequired.contains(t) || left[t] > 0 ? v : nil
                            }
                            for t in aPath.sessions where !aRequired.contains(t) { seating.residual[t] += 1 }
                        }
                        for t in aCurrent where !aRequired.contains(t) { seating.residual[t] -= 1 }
                        for t in bCurrent where !bRequired.contains(t) { seating.residual[t] -= 1 }
                        guard let aPath, let bPath else { continue }
                        let gain = aPath.weight + bPath.weight - aValue - value(of: bCurrent, for: b)
                        if gain > 1e-9 && (chosen == nil || gain > chosen!.gain + 1e-12) {
                            chosen = (b, aPath.sessions, bPath.sessions, gain)
                        }
                    }
                }
                guard let move = chosen else { continue }
                for u in [a, move.b] {
                    for t in seating.assignment[u] {
                        seating.members[t].removeAll { $0 == u }
                        if !model.required[u].contains(t) { seating.residual[t] += 1 }
                    }
                }
                for (u, path) in [(a, move.aPath), (move.b, move.bPath)] {
                    for t in path {
                        seating.members[t].append(u)
                        if !model.required[u].contains(t) { seating.residual[t] -= 1 }
                    }
                    seating.assignment[u] = path
                }
                objective += move.gain
                improved = true
            }
            if !improved { break }
        }
        return (seating.assignment, self.objective(seating.assignment))
    }
}

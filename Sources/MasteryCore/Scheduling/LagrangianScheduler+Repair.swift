extension LagrangianScheduler {
    /// Students with fewer choices go first, so the flexible ones take what is left.
    var repairOrder: [Int] {
        (0..<model.studentCount).sorted { a, b in
            let x = model.optionsByStart[a].reduce(0) { $0 + $1.count }
            let y = model.optionsByStart[b].reduce(0) { $0 + $1.count }
            return x != y ? x < y : a < b
        }
    }

    /// Seats left once every required student has theirs.
    func residualAfterRequirements() -> [Int] {
        var residual = model.capacity
        for sessions in model.required { for s in sessions { residual[s] -= 1 } }
        return residual
    }

    /// A feasible schedule built student by student into the seats left, each taking their best path under
    /// value − price; nil if some student cannot be placed.
    func repair(
        prices: [Double], best: inout [Double], choice: inout [Int]
    ) -> (assignment: [[Int]], objective: Double)? {
        var residual = residualAfterRequirements()
        var assignment = Array(repeating: [Int](), count: model.studentCount)
        guard place(repairOrder, into: &assignment, residual: &residual, prices: prices, best: &best, choice: &choice)
        else { return nil }
        return (assignment, objective(assignment))
    }

    /// Places `students` in turn, each on their best path under value − price among the seats left; false if
    /// some student cannot be placed.
    func place(
        _ students: [Int], into assignment: inout [[Int]], residual: inout [Int], prices: [Double],
        best: inout [Double], choice: inout [Int]
    ) -> Bool {
        for u in students {
            let required = model.required[u]
            let seats = residual
            guard
                let path = paths.bestPath(
                    u, best: &best, choice: &choice,
                    weight: { s, v in required.contains(s) ? v : (seats[s] > 0 ? v - prices[s] : nil) })
            else { return false }
            for s in path.sessions where !required.contains(s) { residual[s] -= 1 }
            assignment[u] = path.sessions
        }
        return true
    }

    /// Re-places each student in their best path given everyone else, until no one gains. Among equally
    /// valuable paths a student takes the least contested seats (lowest price), leaving the contested ones to
    /// students who value them.
    func localSearch(
        _ start: (assignment: [[Int]], objective: Double), best: inout [Double], choice: inout [Int], passes: Int = 6,
        prices: [Double]? = nil
    ) -> (assignment: [[Int]], objective: Double) {
        let tie = (prices ?? Array(repeating: 0, count: model.sessionCount)).map { 1e-6 * $0 }
        var assignment = start.assignment
        var residual = seating(assignment).residual
        for _ in 0..<passes {
            var improved = false
            for u in 0..<model.studentCount {
                let required = model.required[u]
                let current = assignment[u]
                let currentValue = value(of: current, for: u) - current.reduce(0) { $0 + tie[$1] }
                for s in current where !required.contains(s) { residual[s] += 1 }
                if let path = paths.bestPath(
                    u, best: &best, choice: &choice,
                    weight: { s, v in required.contains(s) || residual[s] > 0 ? v - tie[s] : nil }),
                    path.weight > currentValue + 1e-12
                {
                    assignment[u] = path.sessions
                    improved = true
                }
                for s in assignment[u] where !required.contains(s) { residual[s] -= 1 }
            }
            if !improved { break }
        }
        return (assignment, objective(assignment))
    }

    func value(of sessions: [Int], for u: Int) -> Double { model.value(of: sessions, for: u) }
}

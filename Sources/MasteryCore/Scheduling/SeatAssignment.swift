/// The best way to seat students in the sessions of one mod: every student in exactly one session they can
/// attend, no session over its seats, the total value as high as possible (a transportation problem).
///
/// Solved exactly by successive shortest paths, one student at a time (as in the Hungarian method): the new
/// student enters a session, possibly pushing a seated student on to another session, and so on, until a
/// session with a free seat ends the chain; the cheapest such chain is taken. After each step the seating is
/// optimal for the students seated so far, so the last step leaves an optimal seating. The search runs over the
/// sessions, not the students: moving from session s to session t costs the cheapest move of one of s's
/// students to t, kept in a heap per pair of sessions, so a step costs O(k³ + k·log n) for k sessions.
struct SeatAssignment {
    /// A session a student can attend, by its index among the mod's sessions, and what it is worth to them.
    struct Candidate: Sendable {
        var session: Int
        var value: Double
    }

    enum Outcome: Equatable {
        /// The session index of each student, and the total value.
        case seated([Int], value: Double)
        /// No seating exists: this student (and the ones before) cannot all be seated.
        case noSeat(student: Int)
    }

    let seats: [Int]
    let candidates: [[Candidate]]

    /// - Parameters:
    ///   - seats: each session's free seats.
    ///   - candidates: for each student, the sessions they can attend with their values.
    init(seats: [Int], candidates: [[Candidate]]) {
        self.seats = seats
        self.candidates = candidates
    }

    func solve() -> Outcome {
        let k = seats.count
        let n = candidates.count
        // cost[u·k + s] = −value, +∞ where u cannot attend s.
        var cost = Array(repeating: Double.infinity, count: n * k)
        for (u, options) in candidates.enumerated() {
            for option in options { cost[u * k + option.session] = -option.value }
        }
        var seatedIn = Array(repeating: -1, count: n)
        var free = seats
        // moves[s·k + t]: students seated in s who can attend t, keyed by what moving them costs.
        var moves = Array(repeating: MoveHeap(), count: k * k)
        func seat(_ w: Int, in s: Int) {
            seatedIn[w] = s
            for t in 0..<k where t != s && cost[w * k + t].isFinite {
                moves[s * k + t].push(key: cost[w * k + t] - cost[w * k + s], student: w)
            }
        }
        var dist = Array(repeating: Double.infinity, count: k)
        var previous = Array(repeating: -1, count: k)
        var mover = Array(repeating: -1, count: k)
        for u in 0..<n {
            for s in 0..<k {
                dist[s] = cost[u * k + s]
                previous[s] = -1
                mover[s] = -1
            }
            // Bellman–Ford over the sessions; the seating is optimal so far, so no cycle is negative.
            for _ in 0..<k {
                var changed = false
                for s in 0..<k where dist[s].isFinite {
                    for t in 0..<k where t != s {
                        guard let move = moves[s * k + t].cheapest(where: { seatedIn[$0] == s }) else { continue }
                        let candidate = dist[s] + move.key
                        if candidate < dist[t] - 1e-9 {
                            dist[t] = candidate
                            previous[t] = s
                            mover[t] = move.student
                            changed = true
                        }
                    }
                }
                if !changed { break }
            }
            var end = -1
            for t in 0..<k where free[t] > 0 && dist[t].isFinite && (end < 0 || dist[t] < dist[end] - 1e-9) {
                end = t
            }
            guard end >= 0 else { return .noSeat(student: u) }
            free[end] -= 1
            var t = end
            while previous[t] >= 0 {
                let s = previous[t]
                seat(mover[t], in: t)
                t = s
            }
            seat(u, in: t)
        }
        var total = 0.0
        for u in 0..<n { total -= cost[u * k + seatedIn[u]] }
        return .seated(seatedIn, value: total)
    }
}

/// A binary min-heap of (key, student), ties broken by student index, with entries discarded lazily when they no
/// longer apply.
struct MoveHeap: Sendable {
    private var keys: [Double] = []
    private var students: [Int] = []

    private func less(_ i: Int, _ j: Int) -> Bool {
        keys[i] != keys[j] ? keys[i] < keys[j] : students[i] < students[j]
    }

    private mutating func swapAt(_ i: Int, _ j: Int) {
        keys.swapAt(i, j)
        students.swapAt(i, j)
    }

    mutating func push(key: Double, student: Int) {
        keys.append(key)
        students.append(student)
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard less(i, parent) else { break }
            swapAt(i, parent)
            i = parent
        }
    }

    private mutating func popTop() {
        let last = keys.count - 1
        swapAt(0, last)
        keys.removeLast()
        students.removeLast()
        var i = 0
        while true {
            let left = 2 * i + 1
            let right = left + 1
            var smallest = i
            if left < keys.count && less(left, smallest) { smallest = left }
            if right < keys.count && less(right, smallest) { smallest = right }
            if smallest == i { break }
            swapAt(i, smallest)
            i = smallest
        }
    }

    /// The cheapest entry whose student still `applies`, dropping the stale ones above it.
    mutating func cheapest(where applies: (Int) -> Bool) -> (key: Double, student: Int)? {
        while let student = students.first {
            if applies(student) { return (keys[0], student) }
            popTop()
        }
        return nil
    }
}

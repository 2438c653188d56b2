/// Re-seats the one-mod sessions of a schedule mod by mod, exactly, keeping each student's longer sessions and
/// required seats. With the longer sessions fixed, the mods no longer interact: each is a `SeatAssignment` of
/// the students it leaves free among that mod's one-mod sessions. On a day of one-mod sessions only, seating
/// from nothing this way is the exact optimum; on other days it is an exact large move for the local search.
struct PerModSeating {
    enum Outcome: Equatable {
        case seated([[Int]])
        /// The mod's sessions cannot seat everyone the fixed sessions leave free then; `student` is the first
        /// left without a seat.
        case noSeat(mod: Int, student: Int)
    }

    let model: ScheduleModel
    /// Per mod: the one-mod sessions starting there.
    private let oneModSessions: [[Int]]
    /// Seats of each session once its required students have theirs.
    private let openSeats: [Int]

    init(model: ScheduleModel) {
        self.model = model
        var byMod = Array(repeating: [Int](), count: model.instance.mods)
        for s in 0..<model.sessionCount where model.sessionLength[s] == 1 { byMod[model.sessionStart[s]].append(s) }
        oneModSessions = byMod
        var seats = model.capacity
        for sessions in model.required { for s in sessions { seats[s] -= 1 } }
        openSeats = seats
    }

    /// `assignment` with every student's one-mod sessions (required ones excepted) chosen anew, mod by mod.
    func reseat(_ assignment: [[Int]]) -> Outcome {
        let mods = model.instance.mods
        var result = assignment.enumerated().map { u, sessions in
            sessions.filter { model.sessionLength[$0] > 1 && !model.required[u].contains($0) } + model.required[u]
        }
        var covered = Array(repeating: false, count: model.studentCount * mods)
        for (u, sessions) in result.enumerated() {
            for s in sessions {
                for mod in model.sessionStart[s]..<(model.sessionStart[s] + model.sessionLength[s]) {
                    covered[u * mods + mod] = true
                }
            }
        }
        var local = Array(repeating: -1, count: model.sessionCount)
        for mod in 0..<mods {
            let sessions = oneModSessions[mod]
            for (i, s) in sessions.enumerated() { local[s] = i }
            var students: [Int] = []
            var candidates: [[SeatAssignment.Candidate]] = []
            for u in 0..<model.studentCount where model.free[u][mod] && !covered[u * mods + mod] {
                students.append(u)
                candidates.append(
                    model.optionsByStart[u][mod].compactMap { option in
                        local[option.session] >= 0 ? .init(session: local[option.session], value: option.value) : nil
                    })
            }
            for s in sessions { local[s] = -1 }
            guard !students.isEmpty else { continue }
            switch SeatAssignment(seats: sessions.map { openSeats[$0] }, candidates: candidates).solve() {
            case .noSeat(let index):
                return .noSeat(mod: mod, student: students[index])
            case .seated(let seating, _):
                for (index, u) in students.enumerated() { result[u].append(sessions[seating[index]]) }
            }
        }
        for u in result.indices { result[u].sort { model.sessionStart[$0] < model.sessionStart[$1] } }
        return .seated(result)
    }
}

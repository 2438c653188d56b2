/// The best way for one student to fill their free mods: a longest path through their free mods where each
/// step is a session they can attend, by dynamic programming over mods.
struct StudentPathSolver {
    let model: ScheduleModel
    /// Per student, per mod: the required session covering it, or -1.
    let locked: [[Int]]

    init(model: ScheduleModel) {
        self.model = model
        locked = (0..<model.studentCount).map { u in
            var mask = Array(repeating: -1, count: model.instance.mods)
            for s in model.required[u] {
                for mod in model.sessionStart[s]..<(model.sessionStart[s] + model.sessionLength[s]) { mask[mod] = s }
            }
            return mask
        }
    }

    /// The sessions of the best path for student `u` under `weight` (nil: the session may not be used), in mod
    /// order, with the path's total weight; nil when no path covers every free mod. Required sessions are
    /// always on the path. `best` and `choice` are scratch of at least mods + 1.
    /// - Complexity: O(mods + options of u).
    func bestPath(
        _ u: Int, best: inout [Double], choice: inout [Int], weight: (Int, Double) -> Double?
    ) -> (sessions: [Int], weight: Double)? {
        let mods = model.instance.mods
        let free = model.free[u]
        let lock = locked[u]
        let options = model.optionsByStart[u]
        let impossible = -Double.infinity
        best[mods] = 0
        var m = mods - 1
        while m >= 0 {
            if !free[m] {
                best[m] = 0
                choice[m] = -1
            } else {
                var top = impossible
                var pick = -1
                for option in options[m] {
                    let s = option.session
                    let end = m + model.sessionLength[s]
                    var clashes = false
                    for mod in m..<end where lock[mod] >= 0 && lock[mod] != s { clashes = true }
                    if clashes { continue }
                    // Busy mods and the end of the day hold 0, so best[end] is the rest of the block.
                    let tail = best[end]
                    guard tail > impossible, let w = weight(s, option.value) else { continue }
                    let total = w + tail
                    if total > top {
                        top = total
                        pick = s
                    }
                }
                best[m] = top
                choice[m] = pick
            }
            m -= 1
        }
        var sessions: [Int] = []
        var total = 0.0
        var mod = 0
        while mod < mods {
            if !free[mod] {
                mod += 1
                continue
            }
            let isBlockStart = mod == 0 || !free[mod - 1]
            if isBlockStart {
                guard best[mod] > impossible else { return nil }
                total += best[mod]
            }
            let s = choice[mod]
            guard s >= 0 else { return nil }
            sessions.append(s)
            mod += model.sessionLength[s]
        }
        return (sessions, total)
    }
}

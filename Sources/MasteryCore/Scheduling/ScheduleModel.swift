/// An instance checked and indexed for solving: for each student the sessions they can attend (every mod of
/// the session free), the value of each, the required sessions, and their free mods in blocks.
struct ScheduleModel: Sendable {
    struct Option: Sendable {
        var session: Int
        var value: Double
    }

    let instance: ScheduleInstance
    let capacity: [Int]
    let sessionStart: [Int]
    let sessionLength: [Int]
    /// Per student, per mod: the options starting at that mod (empty for busy mods).
    let optionsByStart: [[[Option]]]
    /// Per student: required session indices.
    let required: [[Int]]
    /// Per student: is each mod free.
    let free: [[Bool]]

    var studentCount: Int { instance.students.count }
    var sessionCount: Int { instance.sessions.count }

    /// Checks the instance and indexes it.
    /// - Throws: `ScheduleProblems` naming every unknown id, out-of-range mod, duplicate and infeasible
    ///   requirement found.
    init(_ instance: ScheduleInstance) throws(ScheduleProblems) {
        var problems: [ScheduleProblem] = []
        func sessionItem(_ i: Int) -> String { "sessions[\(i)] (id \"\(instance.sessions[i].id)\")" }
        func studentItem(_ i: Int) -> String { "students[\(i)] (id \"\(instance.students[i].id)\")" }
        if instance.mods < 1 || instance.mods > 1_000 {
            problems.append(.init(item: "mods", message: "must be between 1 and 1000 (got \(instance.mods))"))
        }
        var sessionIndex: [String: Int] = [:]
        for (i, session) in instance.sessions.enumerated() {
            if sessionIndex[session.id] != nil {
                problems.append(.init(item: sessionItem(i), message: "the id is used by another session"))
            }
            sessionIndex[session.id] = i
            if session.length < 1 { problems.append(.init(item: sessionItem(i), message: "length must be at least 1")) }
            if session.start < 0 || session.start >= instance.mods
                || max(session.length, 1) > instance.mods - session.start
            {
                problems.append(
                    .init(
                        item: sessionItem(i),
                        message:
                            "mods \(ModRange.text(start: session.start, length: session.length)) are outside the day (0…\(instance.mods - 1))"
                    ))
            }
            if session.capacity < 0 {
                problems.append(.init(item: sessionItem(i), message: "capacity must not be negative"))
            }
            if session.required.count > session.capacity {
                problems.append(
                    .init(
                        item: sessionItem(i),
                        message: "\(session.required.count) required students exceed the capacity \(session.capacity)"))
            }
        }
        var studentIndex: [String: Int] = [:]
        for (i, student) in instance.students.enumerated() {
            if studentIndex[student.id] != nil {
                problems.append(.init(item: studentItem(i), message: "the id is used by another student"))
            }
            studentIndex[student.id] = i
            for mod in student.free where mod < 0 || mod >= instance.mods {
                problems.append(
                    .init(item: studentItem(i), message: "free mod \(mod) is outside the day (0…\(instance.mods - 1))"))
            }
            if Set(student.free).count != student.free.count {
                problems.append(.init(item: studentItem(i), message: "a free mod is listed twice"))
            }
            for preference in student.preferences where sessionIndex[preference.session] == nil {
                problems.append(
                    .init(item: studentItem(i), message: "prefers the unknown session \"\(preference.session)\""))
            }
            for need in student.needs where !need.weight.isFinite {
                problems.append(
                    .init(item: studentItem(i), message: "the weight of need \"\(need.competency)\" is not a number"))
            }
        }
        guard problems.isEmpty else { throw ScheduleProblems(problems: problems) }

        let mods = instance.mods
        let free = instance.students.map { student -> [Bool] in
            var mask = Array(repeating: false, count: mods)
            for mod in student.free { mask[mod] = true }
            return mask
        }
        var required = Array(repeating: [Int](), count: instance.students.count)
        for (s, session) in instance.sessions.enumerated() {
            for id in session.required {
                guard let u = studentIndex[id] else {
                    problems.append(.init(item: sessionItem(s), message: "requires the unknown student \"\(id)\""))
                    continue
                }
                if !session.mods.allSatisfy({ free[u][$0] }) {
                    problems.append(
                        .init(
                            item: sessionItem(s),
                            message:
                                "requires \"\(id)\", who is not free for all of mods \(ModRange.text(start: session.start, length: session.length))"
                        ))
                    continue
                }
                for other in required[u] where instance.sessions[other].mods.overlaps(session.mods) {
                    problems.append(
                        .init(
                            item: sessionItem(s),
                            message:
                                "requires \"\(id)\", who is also required in the overlapping session \"\(instance.sessions[other].id)\""
                        ))
                }
                required[u].append(s)
            }
        }
        var optionsByStart: [[[Option]]] = []
        optionsByStart.reserveCapacity(instance.students.count)
        for (u, student) in instance.students.enumerated() {
            var byStart = Array(repeating: [Option](), count: mods)
            for (s, session) in instance.sessions.enumerated() where session.mods.allSatisfy({ free[u][$0] }) {
                byStart[session.start].append(
                    Option(session: s, value: ScheduleInstance.value(of: student, in: session)))
            }
            optionsByStart.append(byStart)
            // Every free mod must be coverable: a path must exist through each block.
            if let mod = Self.firstUncoverableMod(
                free: free[u], options: byStart, lengths: instance.sessions.map(\.length))
            {
                problems.append(
                    .init(
                        item: studentItem(u),
                        message: "free mod \(mod) cannot be covered: no session the student can attend fits there"))
            }
        }
        // Every mod needs at least as many seats as students free then (a necessary condition, named per mod).
        for mod in 0..<mods {
            let students = free.filter { $0[mod] }.count
            let seats = instance.sessions.filter { $0.mods.contains(mod) }.reduce(0) {
                $0 + min($1.capacity, instance.students.count)
            }
            if students > seats {
                problems.append(
                    .init(
                        item: "mod \(mod)",
                        message: "\(students) students are free then but the sessions running seat only \(seats)"))
            }
        }
        guard problems.isEmpty else { throw ScheduleProblems(problems: problems) }
        self.instance = instance
        // A capacity above the number of students seats them all: the same session, and no sum can overflow.
        capacity = instance.sessions.map { min($0.capacity, instance.students.count) }
        sessionStart = instance.sessions.map(\.start)
        sessionLength = instance.sessions.map(\.length)
        self.optionsByStart = optionsByStart
        self.required = required
        self.free = free
    }

    /// What attending `sessions` is worth to student `u`.
    func value(of sessions: [Int], for u: Int) -> Double {
        var total = 0.0
        for s in sessions { total += optionsByStart[u][sessionStart[s]].first { $0.session == s }?.value ?? 0 }
        return total
    }

    /// The total value of a schedule.
    func objective(_ assignment: [[Int]]) -> Double {
        var total = 0.0
        for (u, sessions) in assignment.enumerated() { total += value(of: sessions, for: u) }
        return total
    }

    /// The first free mod that no complete filling of its block can cover (no session containing it is both
    /// reachable from the block's start and able to reach its end), or nil when every free mod is coverable.
    static func firstUncoverableMod(free: [Bool], options: [[Option]], lengths: [Int]) -> Int? {
        let mods = free.count
        // A mod no attendable session contains at all is the plainest answer.
        var contained = Array(repeating: false, count: mods)
        for mod in 0..<mods {
            for option in options[mod] {
                for inside in mod..<(mod + lengths[option.session]) { contained[inside] = true }
            }
        }
        if let bare = (0..<mods).first(where: { free[$0] && !contained[$0] }) { return bare }
        // backward[m]: the block can be filled from m to its end; forward[m]: from its start up to m.
        var backward = Array(repeating: false, count: mods + 1)
        var m = mods
        while m >= 0 {
            backward[m] = m == mods || !free[m] || options[m].contains { backward[m + lengths[$0.session]] }
            m -= 1
        }
        var forward = Array(repeating: false, count: mods + 1)
        for mod in 0...mods where mod == 0 || mod == mods || !free[mod] || !free[mod - 1] { forward[mod] = true }
        for mod in 0..<mods where forward[mod] && free[mod] {
            for option in options[mod] { forward[mod + lengths[option.session]] = true }
        }
        var covered = Array(repeating: false, count: mods)
        for mod in 0..<mods where free[mod] && forward[mod] {
            for option in options[mod] where backward[mod + lengths[option.session]] {
                for inside in mod..<(mod + lengths[option.session]) { covered[inside] = true }
            }
        }
        return (0..<mods).first { free[$0] && !covered[$0] }
    }
}

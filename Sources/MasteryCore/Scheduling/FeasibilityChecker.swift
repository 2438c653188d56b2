/// Checks a solution against every constraint of the contract and recomputes its objective: each assignment
/// names a known student and sessions they can attend (all mods free), every free mod is covered exactly once,
/// no session is over capacity, and every required student attends.
public enum FeasibilityChecker {
    public static func check(
        _ instance: ScheduleInstance, _ solution: ScheduleSolution
    ) -> (
        violations: [String], objective: Double
    ) {
        var violations: [String] = []
        let sessions = Dictionary(instance.sessions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byStudent: [String: [String]] = [:]
        for assignment in solution.assignments {
            if byStudent[assignment.student] != nil {
                violations.append("student \(assignment.student) is assigned twice")
            }
            byStudent[assignment.student] = assignment.sessions
        }
        var load: [String: Int] = [:]
        var objective = 0.0
        for student in instance.students {
            guard let attended = byStudent[student.id] else {
                violations.append("student \(student.id) has no assignment")
                continue
            }
            var covered: [Int: String] = [:]
            for id in attended {
                guard let session = sessions[id] else {
                    violations.append("student \(student.id) attends the unknown session \(id)")
                    continue
                }
                load[id, default: 0] += 1
                objective += ScheduleInstance.value(of: student, in: session)
                for mod in session.mods {
                    if !student.free.contains(mod) {
                        violations.append("student \(student.id) attends \(id) in busy mod \(mod)")
                    }
                    if let other = covered[mod] {
                        violations.append("student \(student.id) is in both \(other) and \(id) in mod \(mod)")
                    }
                    covered[mod] = id
                }
            }
            for mod in student.free where covered[mod] == nil {
                violations.append("student \(student.id) has no session in free mod \(mod)")
            }
        }
        for id in byStudent.keys where !instance.students.contains(where: { $0.id == id }) {
            violations.append("the unknown student \(id) is assigned")
        }
        for session in instance.sessions {
            if load[session.id, default: 0] > session.capacity {
                violations.append(
                    "session \(session.id) has \(load[session.id]!) students for \(session.capacity) seats")
            }
            for id in session.required where !(byStudent[id]?.contains(session.id) ?? false) {
                violations.append("required student \(id) does not attend \(session.id)")
            }
        }
        return (violations, objective)
    }
}

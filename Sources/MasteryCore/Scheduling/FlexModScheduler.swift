import Foundation

/// Places every student into sessions for each of their free mods, maximizing the total value of needs served
/// and preferences honoured, within capacities and teacher requests. See `docs/scheduling.md`.
public enum FlexModScheduler {
    /// Solves `instance`.
    /// - Throws: `ScheduleProblems` naming each bad or infeasible item of the instance.
    public static func solve(
        _ instance: ScheduleInstance, maxIterations: Int = 400
    ) throws(ScheduleProblems) -> ScheduleSolution {
        let model = try ScheduleModel(instance)
        if model.sessionLength.allSatisfy({ $0 == 1 }) { return try solveOneModDay(model) }
        var scheduler = LagrangianScheduler(model: model)
        scheduler.maxIterations = maxIterations
        guard let result = scheduler.solve() else {
            throw ScheduleProblems(problems: [
                ScheduleProblem(
                    item: "instance",
                    message:
                        "no feasible schedule was found: every mod has seats enough in total, but the search could "
                        + "not seat every student in sessions they can attend (this is not a proof that none exists)")
            ])
        }
        let gap = result.bound > 0 ? max(0, (result.bound - result.objective) / result.bound) : 0
        return ScheduleSolution(
            objective: result.objective, bound: result.bound, gap: gap,
            optimal: result.bound - result.objective <= 1e-9,
            assignments: zip(instance.students, result.assignment).map { student, sessions in
                .init(student: student.id, sessions: sessions.map { instance.sessions[$0].id })
            },
            unmet: unmetNeeds(instance, result.assignment),
            method: "Lagrangian relaxation of capacities + repair and local search",
            iterations: result.iterations)
    }

    /// A day of one-mod sessions only: the mods are independent seating problems, each solved exactly (min-cost
    /// flow), so the schedule is optimal and its objective is the bound.
    static func solveOneModDay(_ model: ScheduleModel) throws(ScheduleProblems) -> ScheduleSolution {
        let instance = model.instance
        let empty = Array(repeating: [Int](), count: model.studentCount)
        switch PerModSeating(model: model).reseat(empty) {
        case .noSeat(let mod, let u):
            let item = "mod \(mod)"
            throw ScheduleProblems(problems: [
                ScheduleProblem(
                    item: item,
                    message:
                        "the sessions in this mod cannot seat every student free then (\"\(instance.students[u].id)\" is left without a seat in a session they can attend)"
                )
            ])
        case .seated(let assignment):
            let objective = model.objective(assignment)
            return ScheduleSolution(
                objective: objective, bound: objective, gap: 0, optimal: true,
                assignments: zip(instance.students, assignment).map { student, sessions in
                    .init(student: student.id, sessions: sessions.map { instance.sessions[$0].id })
                },
                unmet: unmetNeeds(instance, assignment),
                method: "min-cost flow per mod (exact: every session is one mod long)",
                iterations: 0)
        }
    }

    /// Needs no attended session serves, with the reason.
    static func unmetNeeds(_ instance: ScheduleInstance, _ assignment: [[Int]]) -> [ScheduleSolution.UnmetNeed] {
        var unmet: [ScheduleSolution.UnmetNeed] = []
        for (u, student) in instance.students.enumerated() {
            let attended = assignment[u].map { instance.sessions[$0] }
            let free = Set(student.free)
            for need in student.needs where !attended.contains(where: { $0.competencies.contains(need.competency) }) {
                let offered = instance.sessions.filter { $0.competencies.contains(need.competency) }
                let reason: String
                if offered.isEmpty {
                    reason = "no session works on \(need.competency) today"
                } else if !offered.contains(where: { $0.mods.allSatisfy(free.contains) }) {
                    reason = "every session on \(need.competency) falls outside the student's free mods"
                } else {
                    reason =
                        "the sessions on \(need.competency) the student could attend were full or a more valuable choice took the time"
                }
                unmet.append(
                    .init(student: student.id, competency: need.competency, weight: need.weight, reason: reason))
            }
        }
        return unmet
    }
}

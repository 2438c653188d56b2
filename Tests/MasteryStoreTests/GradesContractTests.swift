import Foundation
import MasteryCore
import MasteryStore
import Testing

/// Grades on every backend: periods made by hand sit beside imported ones, the newest rule of a course wins over
/// the district's, the newest override wins and a withdrawal clears it, and a period closes once with its frozen
/// grades kept exactly. Part of the serialized contract suite.
extension StoreContractTests {
    @Test("Periods, rules, overrides and closing keep what was decided", arguments: Backend.available)
    func gradesContract(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            let q1 = GradingPeriod(
                id: "gp1", title: "Q1", kind: "gradingPeriod", startsOn: "2026-01-01", endsOn: "2026-03-31")
            try await store.add(q1, by: Fixture.admin, at: Fixture.start, organization: Fixture.school)
            await #expect(throws: MasteryCoreError.self) {
                try await store.add(
                    GradingPeriod(id: "gp2", title: "Bad", kind: "term", startsOn: "2026-05-01", endsOn: "2026-04-01"),
                    by: Fixture.admin, at: Fixture.start, organization: Fixture.school)
            }
            #expect(try await store.gradingPeriods() == [q1])

            let scale = try Fixture.scale()
            #expect(try await store.gradeRule(course: Fixture.course) == nil)
            let district = GradeRule.Preset.meanLevel.rule(on: scale)
            try await store.save(district, course: nil, by: Fixture.admin, at: Fixture.start, organization: nil)
            #expect(try await store.gradeRule(course: Fixture.course) == district)
            var own = GradeRule.Preset.allAtLeast.rule(on: scale)
            own.strandWeights = ["st1": 2]
            try await store.save(
                own, course: Fixture.course, by: Fixture.teacher, at: Fixture.day(1), organization: nil)
            // A newer district rule does not replace a course's own.
            try await store.save(
                GradeRule.Preset.percentMastered.rule(on: scale), course: nil, by: Fixture.admin, at: Fixture.day(2),
                organization: nil)
            #expect(try await store.gradeRule(course: Fixture.course) == own)

            func override(_ grade: String?, _ day: Double) -> GradeOverride {
                GradeOverride(
                    studentID: Fixture.student, sectionID: Fixture.section, periodID: q1.id, grade: grade,
                    reason: "reason \(day)", recordedBy: Fixture.teacher, recordedAt: Fixture.day(day))
            }
            try await store.add(override("B+", 3), organization: Fixture.school)
            try await store.add(override("A-", 4), organization: Fixture.school)
            #expect(
                try await store.gradeOverrides(section: Fixture.section, period: q1.id)[Fixture.student]?.grade == "A-")
            #expect(try await store.gradeOverrides(section: Fixture.section, period: nil).isEmpty)
            try await store.add(override(nil, 5), organization: Fixture.school)
            #expect(try await store.gradeOverrides(section: Fixture.section, period: q1.id).isEmpty)

            let computed = FinalGrade(
                grade: "B", mean: 3.25, lowest: 3, masteredShare: 1, counted: 2, unassessed: 0, habitsMean: 2,
                habitsCounted: 1, explanation: "why")
            let frozen = FrozenGrade(studentID: Fixture.student, computed: computed, override: override("A", 6))
            let closure = PeriodClosure(
                periodID: q1.id, sectionID: Fixture.section, closedAt: Fixture.day(7), closedBy: Fixture.teacher,
                rule: own)
            try await store.close(closure, grades: [frozen], organization: Fixture.school)
            #expect(try await store.closure(period: q1.id, section: Fixture.section) == closure)
            #expect(try await store.closure(period: q1.id, section: Fixture.otherSection) == nil)
            #expect(try await store.frozenGrades(period: q1.id, section: Fixture.section) == [Fixture.student: frozen])
            await #expect(throws: StoreError.self) {
                try await store.close(closure, grades: [], organization: Fixture.school)
            }
            #expect(try await store.closures(sections: [Fixture.section, Fixture.otherSection]) == [closure])
            let actions = try await store.auditLog(limit: 50).map(\.action)
            for action in [
                "grades.period", "grades.rule", "grades.override", "grades.override.withdraw", "grades.close",
            ] {
                #expect(actions.contains(action), "\(action)")
            }
        }
    }
}

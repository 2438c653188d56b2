import Foundation
import MasteryCore
import Testing

@Suite("Flexible groups")
struct FlexibleGroupsTests {
    static func student(_ n: Int) -> Person {
        Person(id: .init("s\(n)"), role: .student, givenName: "S\(n)", familyName: "Test", organizationID: "school")
    }

    static func record(_ id: Competency.ID, _ value: Double?) -> MasteryRecord {
        MasteryRecord(
            studentID: "s", competencyID: id, status: value == nil ? .notEnoughEvidence : .assessed, value: value,
            levelValue: value?.rounded(), mastered: (value ?? 0) >= 3, evidenceCount: value == nil ? 0 : 2,
            lastObservedAt: nil, method: "mean")
    }

    @Test("Reteach, practice and extend with reasons; prerequisites first; groups split to the size limit")
    func suggestions() {
        let target = Competency(
            id: "c-b", frameworkID: "fw", strandID: "st", code: "B", title: "B", kind: .academic, position: 1)
        let graph = PrerequisiteGraph<Competency.ID>(edges: [("c-a", "c-b")])
        let students = (1...9).map(Self.student)
        var records: [Person.ID: [Competency.ID: MasteryRecord]] = [:]
        // s1: prerequisite missing; s2–s4: far below; s5–s7: close; s8, s9: mastered.
        for (n, a, b) in [
            (1, 2.0, 2.5), (2, 3, 1), (3, 3, 1.5), (4, 3, 1.9), (5, 3, 2.5), (6, 3, 2.2), (7, 3, nil),
            (8, 3, 3.5), (9, 3, 4),
        ] as [(Int, Double, Double?)] {
            records[.init("s\(n)")] = ["c-a": Self.record("c-a", a), "c-b": Self.record("c-b", b)]
        }
        let placements = FlexibleGroups.suggest(
            students: students, competencies: [target], records: records, thresholds: ["c-b": 3], prerequisites: graph,
            maxSize: 3, codes: ["c-a": "A"])
        let kinds = Dictionary(uniqueKeysWithValues: placements.map { ($0.studentID.rawValue, $0.kind) })
        #expect(kinds["s1"] == .reteach && kinds["s2"] == .reteach && kinds["s4"] == .reteach)
        #expect(kinds["s5"] == .practice && kinds["s7"] == .practice && kinds["s8"] == .extend)
        #expect(placements.first { $0.studentID == "s1" }?.reason == "a prerequisite is not mastered yet (A)")
        #expect(placements.first { $0.studentID == "s7" }?.reason == "no evidence yet")
        // Four to reteach with at most three a group: two groups of two.
        let reteach = Dictionary(grouping: placements.filter { $0.kind == .reteach }, by: \.group).mapValues(\.count)
        #expect(reteach == ["Reteach 1": 2, "Reteach 2": 2])
        #expect(Set(placements.filter { $0.kind == .extend }.map(\.group)) == ["Extend"])
    }

    @Test("Regenerating shows who moved; a rotation visits every station once")
    func movesAndRotation() {
        let before = [
            FlexibleGroups.Placement(studentID: "s1", group: "Reteach", kind: .reteach, reason: "at 1"),
            FlexibleGroups.Placement(studentID: "s2", group: "Practice", kind: .practice, reason: "at 2.5"),
        ]
        let now = [
            FlexibleGroups.Placement(studentID: "s1", group: "Practice", kind: .practice, reason: "at 2.4"),
            FlexibleGroups.Placement(studentID: "s2", group: "Practice", kind: .practice, reason: "at 2.6"),
        ]
        let moves = FlexibleGroups.moves(from: before, to: now)
        #expect(moves.count == 1 && moves[0].now.studentID == "s1" && moves[0].before.kind == .reteach)
        let rotation = FlexibleGroups.rotation(groups: 3, stations: 4)
        #expect(rotation.count == 4 && rotation[0] == [0, 1, 2])
        for group in 0..<3 { #expect(Set(rotation.map { $0[group] }) == [0, 1, 2, 3]) }
        for block in rotation { #expect(Set(block).count == block.count) }
        // More groups than stations: one group with the teacher per block, each group with the teacher once
        // and at every station.
        for (groups, stations) in [(6, 4), (5, 4), (9, 3), (2, 2)] {
            let many = FlexibleGroups.rotation(groups: groups, stations: stations)
            #expect(many.count == max(groups, stations))
            for block in many { #expect(block.filter { $0 == 0 }.count == 1, "\(groups) groups, \(stations) stations") }
            for group in 0..<groups {
                let visits = many.map { $0[group] }
                #expect(visits.filter { $0 == 0 }.count == 1 && Set(visits) == Set(0..<stations))
            }
            #expect(many[0][0] == 0)
        }
    }
}

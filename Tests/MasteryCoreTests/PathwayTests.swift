import Foundation
import MasteryCore
import Testing

@Suite("Learning progressions")
struct PrerequisiteGraphTests {
    typealias Graph = PrerequisiteGraph<String>

    @Test(
        "Cycles are found and named",
        arguments: [
            ([("a", "b"), ("b", "c")], nil),
            ([("a", "b"), ("b", "a")], ["a", "b", "a"]),
            ([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")], ["a", "b", "c", "a"]),
            ([("a", "a")], ["a", "a"]),
            ([("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")], nil),
        ] as [([(String, String)], [String]?)])
    func cycles(_ edges: [(String, String)], _ expected: [String]?) {
        let graph = Graph(edges: edges.map { (prerequisite: $0.0, competency: $0.1) })
        #expect(graph.cycle(order: ["a", "b", "c", "d", "x", "y"]) == expected)
    }

    @Test("What is unlocked, what blocks, and everything a competency needs")
    func unlocks() {
        let graph = Graph(edges: [("a", "c"), ("b", "c"), ("c", "d")])
        let table: [(mastered: Set<String>, node: String, unlocked: Bool, blockers: [String])] = [
            ([], "a", true, []),
            ([], "c", false, ["a", "b"]),
            (["a"], "c", false, ["b"]),
            (["a", "b"], "c", true, []),
            (["a", "b"], "d", false, ["c"]),
            (["c"], "d", true, []),
        ]
        for row in table {
            #expect(graph.isUnlocked(row.node, mastered: row.mastered) == row.unlocked, "\(row)")
            #expect(graph.blockers(of: row.node, mastered: row.mastered) == row.blockers, "\(row)")
        }
        #expect(graph.allPrerequisites(of: "d") == ["a", "b", "c"])
    }

    @Test("A topological order keeps the given order among independent competencies")
    func order() {
        let graph = Graph(edges: [("b", "a"), ("d", "c")])
        #expect(graph.topologicalOrder(["a", "b", "c", "d", "e"]) == ["b", "a", "d", "c", "e"])
        #expect(Graph(edges: [("a", "b"), ("b", "a")]).topologicalOrder(["a", "b"]) == nil)
    }
}

@Suite("Next-step advisor")
struct NextStepAdvisorTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let day: TimeInterval = 86_400

    static func competency(_ code: String, _ position: Int) -> Competency {
        Competency(
            id: .init(code), frameworkID: "fw", strandID: "st", code: code, title: "I can \(code)", kind: .academic,
            position: position)
    }

    static func record(_ code: String, _ value: Double, mastered: Bool) -> MasteryRecord {
        MasteryRecord(
            studentID: "s", competencyID: .init(code), status: .assessed, value: value, levelValue: value.rounded(),
            mastered: mastered, evidenceCount: 2, lastObservedAt: start, method: "decaying-average")
    }

    static let competencies = ["A", "B", "C", "D", "E"].enumerated().map { competency($1, $0) }

    static func advisor(pacing: Pathway.Pacing = .selfPaced) -> NextStepAdvisor {
        let graph = PrerequisiteGraph<Competency.ID>(edges: [("A", "B"), ("B", "C"), ("A", "D")])
        let pathway = Pathway(
            id: "pw", courseID: "course", title: "Math 7", pacing: pacing,
            steps: [
                .init(competencyIDs: ["A"], targetDate: start - 10 * day),
                .init(competencyIDs: ["B", "D"], targetDate: start - day),
                .init(competencyIDs: ["C"], targetDate: start + 10 * day),
            ])
        let checkpoint = PlaylistItem(
            id: "i-check", kind: .checkpoint, title: "Unit rate check", isRequired: true, modality: .onlineTool,
            minutes: 15, targetLevel: 3)
        let playlist = Playlist(
            id: "pl-b", title: "Unit rates", competencyIDs: ["B"],
            items: [
                .init(id: "i-video", kind: .resource, title: "Watch", isRequired: false, modality: .video, minutes: 8),
                .init(id: "i-read", kind: .resource, title: "Read", isRequired: false, modality: .reading, minutes: 10),
                .init(
                    id: "i-practice", kind: .practice, title: "Practice set", isRequired: true, modality: .handsOn,
                    minutes: 20),
                checkpoint,
                .init(
                    id: "i-reteach", kind: .smallGroup, title: "Reteach group", isRequired: true, modality: .discussion,
                    minutes: 15, release: .init(checkpointID: "i-check", highest: 2.4)),
                .init(
                    id: "i-extend", kind: .project, title: "Extension project", isRequired: false, modality: .handsOn,
                    minutes: 40, release: .init(checkpointID: "i-check", lowest: 3)),
            ])
        return NextStepAdvisor(
            catalog: .init(
                competencies: competencies, prerequisites: graph,
                thresholds: Dictionary(uniqueKeysWithValues: competencies.map { ($0.id, 3.0) }), pathways: [pathway],
                playlists: [playlist]))
    }

    @Test("Only unlocked, unmastered competencies are recommended, pathway and pace first, with reasons")
    func ranking() {
        let student = NextStepAdvisor.Student(
            records: ["A": Self.record("A", 3.2, mastered: true), "D": Self.record("D", 2.5, mastered: false)],
            goals: ["D": ["Finish geometry"]])
        let steps = Self.advisor().advise(student, at: Self.start)
        // D serves a goal; both D and B are on the overdue step (a branch); E is off the pathway.
        #expect(steps.map(\.competency.code) == ["D", "B", "E"])
        let b = steps[1]
        #expect(b.isOverdue)
        #expect(b.reasons.contains("You mastered A, so this is unlocked."))
        #expect(b.reasons.contains("It is next on your pathway “Math 7” (step 2 of 3)."))
        #expect(b.reasons.contains { $0.hasPrefix("Its target date was") })
        #expect(steps[0].reasons.contains("It serves your goal “Finish geometry”."))
        #expect(steps[0].reasons.contains("You are at 2.5; mastery is 3."))
        #expect(steps[2].reasons == ["You have no evidence on it yet."])
        #expect(!steps.contains { $0.competency.code == "C" })
        let blocked = Self.advisor().blocked(student, at: Self.start)
        #expect(blocked.map(\.competency.code) == ["C"] && blocked[0].blockers == ["B"])
    }

    @Test("Playlist items: must-dos first, preferred modalities next; a checkpoint result releases its route")
    func playlistItems() {
        var student = NextStepAdvisor.Student(
            records: ["A": Self.record("A", 3, mastered: true)], preferredModalities: [.reading])
        var b = Self.advisor().advise(student, at: Self.start)[0]
        #expect(b.items.map(\.item.id.rawValue) == ["i-practice", "i-check", "i-read", "i-video"])
        #expect(b.items[2].reason == "May-do: your choice; reading is how you like to learn")
        student.progress["i-check"] = ItemProgress(studentID: "s", itemID: "i-check", status: .done, score: 2)
        student.progress["i-video"] = ItemProgress(studentID: "s", itemID: "i-video", status: .started)
        b = Self.advisor().advise(student, at: Self.start)[0]
        // The scored checkpoint stays (the competency is not mastered: it can be tried again) with its score.
        #expect(b.items.map(\.item.id.rawValue) == ["i-video", "i-practice", "i-check", "i-reteach", "i-read"])
        #expect(b.items[2].score == 2 && b.items[2].status == .done)
        #expect(b.reasons.contains("You have started “Watch”."))
        student.progress["i-check"]?.score = 3.5
        b = Self.advisor().advise(student, at: Self.start)[0]
        #expect(b.items.contains { $0.item.id == "i-extend" } && !b.items.contains { $0.item.id == "i-reteach" })
    }

    @Test("Ready for a checkpoint: every released must-do done, the checkpoint not yet handed in")
    func checkpointReady() throws {
        let playlist = try #require(Self.advisor().catalog.playlists.first)
        var progress: [PlaylistItem.ID: ItemProgress] = [:]
        func mark(_ id: PlaylistItem.ID, _ status: ItemProgress.Status, score: Double? = nil) {
            progress[id] = ItemProgress(studentID: "s", itemID: id, status: status, score: score)
        }
        #expect(playlist.checkpointReady(progress: progress) == nil)
        mark("i-video", .done)
        #expect(playlist.checkpointReady(progress: progress) == nil)  // a may-do is not enough
        mark("i-practice", .done)
        #expect(playlist.checkpointReady(progress: progress)?.id == "i-check")
        mark("i-check", .started)
        #expect(playlist.checkpointReady(progress: progress)?.id == "i-check")
        mark("i-check", .submitted)
        #expect(playlist.checkpointReady(progress: progress) == nil)
        // Scored low: the reteach group is released and must be done; the checkpoint is done, so not ready.
        mark("i-check", .done, score: 2)
        mark("i-reteach", .done)
        #expect(playlist.checkpointReady(progress: progress) == nil)
    }

    @Test("Working on an item needs it released and its competency open; the refusal says why")
    func itemRefusals() {
        let advisor = Self.advisor()
        var student = NextStepAdvisor.Student(records: [:])
        // B needs A: its playlist is locked.
        #expect(
            advisor.refusal(of: "i-practice", for: student, at: Self.start)?.english
                == "“Practice set” is locked until you master A.")
        student.records["A"] = Self.record("A", 3, mastered: true)
        #expect(advisor.refusal(of: "i-practice", for: student, at: Self.start) == nil)
        // The reteach group opens only with a checkpoint result of 2.4 or less.
        #expect(
            advisor.refusal(of: "i-reteach", for: student, at: Self.start)?.english.contains("not open yet") == true)
        student.progress["i-check"] = ItemProgress(studentID: "s", itemID: "i-check", status: .done, score: 2)
        #expect(advisor.refusal(of: "i-reteach", for: student, at: Self.start) == nil)
        #expect(advisor.refusal(of: "i-extend", for: student, at: Self.start) != nil)
        #expect(advisor.refusal(of: "nope", for: student, at: Self.start) == .notInCourses)
        // On a teacher-paced pathway, B's step opens on its date; a mastered competency stays open for review.
        let paced = Self.advisor(pacing: .teacherPaced)
        #expect(
            paced.refusal(of: "i-practice", for: student, at: Self.start - 20 * Self.day)
                == .notOpenOnPathway(item: "Practice set"))
        student.records["B"] = Self.record("B", 3.5, mastered: true)
        #expect(paced.refusal(of: "i-practice", for: student, at: Self.start - 20 * Self.day) == nil)
    }

    @Test("A playlist the teacher assigned ranks its competency with the goals, and says so")
    func assignedPlaylist() {
        let student = NextStepAdvisor.Student(
            records: ["A": Self.record("A", 3.2, mastered: true), "D": Self.record("D", 2.9, mastered: false)],
            assigned: ["pl-b"])
        let steps = Self.advisor().advise(student, at: Self.start)
        // Without the assignment D (closer to mastery) would come first on the shared overdue step.
        #expect(steps.map(\.competency.code).prefix(2) == ["B", "D"])
        #expect(steps[0].reasons.contains("Your teacher assigned you “Unit rates”."))
        let plain = Self.advisor().advise(.init(records: student.records), at: Self.start)
        #expect(plain.map(\.competency.code).prefix(2) == ["D", "B"])
    }

    @Test("A teacher-paced pathway opens steps on their dates")
    func teacherPaced() {
        let student = NextStepAdvisor.Student(
            records: [
                "A": Self.record("A", 3, mastered: true), "B": Self.record("B", 3, mastered: true),
                "D": Self.record("D", 3, mastered: true),
            ])
        // Five days before the start only step 1 is due, so the teacher has opened steps 1 and 2, not 3.
        let early = Self.start - 5 * Self.day
        #expect(Self.advisor(pacing: .selfPaced).advise(student, at: early).map(\.competency.code) == ["C", "E"])
        let paced = Self.advisor(pacing: .teacherPaced)
        #expect(paced.advise(student, at: early).map(\.competency.code) == ["E"])
        #expect(paced.blocked(student, at: early).first?.notYetOpen == true)
        #expect(paced.advise(student, at: Self.start + 11 * Self.day).map(\.competency.code) == ["C", "E"])
    }

    @Test("A teacher-paced pathway without dates opens the steps the teacher opens, one more each time")
    func teacherOpensSteps() {
        let student = NextStepAdvisor.Student(
            records: [
                "A": Self.record("A", 3, mastered: true), "B": Self.record("B", 3, mastered: true),
                "D": Self.record("D", 3, mastered: true),
            ])
        var catalog = Self.advisor(pacing: .teacherPaced).catalog
        for index in catalog.pathways[0].steps.indices { catalog.pathways[0].steps[index].targetDate = nil }
        #expect(catalog.pathways[0].lastOpenStep(at: Self.start) == 0)
        // Nothing due and nothing opened: only the first step; C (step 3) waits although B is mastered.
        #expect(
            !NextStepAdvisor(catalog: catalog).advise(student, at: Self.start).contains { $0.competency.code == "C" })
        catalog.pathways[0].openedSteps = 3
        #expect(catalog.pathways[0].lastOpenStep(at: Self.start) == 2)
        #expect(
            NextStepAdvisor(catalog: catalog).advise(student, at: Self.start).contains { $0.competency.code == "C" })
    }

    @Test("Position and pace on a pathway")
    func pace() {
        let pathway = Self.advisor().catalog.pathways[0]
        #expect(pathway.position(mastered: []) == 0)
        #expect(pathway.position(mastered: ["A", "D"]) == 2)
        #expect(pathway.position(mastered: ["B"]) == 0 && pathway.completedSteps(mastered: ["B"]) == 1)
        #expect(pathway.pace(mastered: ["A"], at: Self.start) == .behind(by: 1))
        #expect(pathway.pace(mastered: ["A", "B"], at: Self.start) == .onPace)
        #expect(pathway.pace(mastered: ["A", "B", "C"], at: Self.start) == .ahead(by: 1))
    }

    @Test("Seeded random graphs: never a locked or mastered competency, and the same answer every time")
    func neverLocked() {
        var random = SeededGenerator(seed: 2026)
        for round in 0..<200 {
            let count = 5 + Int(random.next() % 40)
            let competencies = (0..<count).map { Self.competency("K\($0)", $0) }
            var edges: [(prerequisite: Competency.ID, competency: Competency.ID)] = []
            for target in 1..<count {
                for source in 0..<target where random.nextUnit() < 0.08 {
                    edges.append((competencies[source].id, competencies[target].id))
                }
            }
            let graph = PrerequisiteGraph(edges: edges)
            var records: [Competency.ID: MasteryRecord] = [:]
            for competency in competencies where random.nextUnit() < 0.5 {
                let value = random.nextUnit() * 4
                records[competency.id] = Self.record(competency.code, value, mastered: value >= 3)
            }
            let steps = (0..<count).filter { _ in random.nextUnit() < 0.3 }.map {
                Pathway.Step(competencyIDs: [competencies[$0].id], targetDate: Self.start + Double($0) * Self.day)
            }
            let advisor = NextStepAdvisor(
                catalog: .init(
                    competencies: competencies, prerequisites: graph,
                    thresholds: Dictionary(uniqueKeysWithValues: competencies.map { ($0.id, 3.0) }),
                    pathways: [Pathway(id: "p", courseID: "c", title: "P", pacing: .selfPaced, steps: steps)]))
            let student = NextStepAdvisor.Student(records: records)
            let advice = advisor.advise(student, at: Self.start + 5 * Self.day, limit: 1000)
            let mastered = student.mastered
            for step in advice {
                #expect(!mastered.contains(step.competency.id), "round \(round)")
                #expect(graph.isUnlocked(step.competency.id, mastered: mastered), "round \(round)")
            }
            let unlocked = competencies.filter {
                !mastered.contains($0.id) && graph.isUnlocked($0.id, mastered: mastered)
            }
            #expect(advice.count == unlocked.count, "round \(round)")
            #expect(advisor.advise(student, at: Self.start + 5 * Self.day, limit: 1000) == advice, "round \(round)")
        }
    }
}

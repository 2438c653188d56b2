import ArgumentParser
import Foundation
import MasteryCore

/// `masterly bench next-steps`: the next-step advisor for many students on a large progression graph.
struct BenchNextSteps: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next-steps",
        abstract: "Next steps for many students on a generated progression graph; prints the total time (one core).",
        discussion: "Build with -c release for meaningful numbers: swift run -c release masterly bench next-steps")

    @Option(help: "Students.") var students = 1_000
    @Option(help: "Competencies in the progression graph.") var competencies = 500
    @Option(help: "Prerequisites per competency, at most (edges only point backwards, so the graph is acyclic).")
    var prerequisites = 3
    @Option(help: "Rounds (the best is reported).") var rounds = 5
    @Option(help: "Seed of the generated data.") var seed: UInt64 = 11

    func run() throws {
        #if DEBUG
            print("note: this is a debug build; use `swift run -c release masterly bench next-steps` for real figures")
        #endif
        var random = SeededGenerator(seed: seed)
        let nodes = (0..<competencies).map {
            Competency(
                id: .init("c\($0)"), frameworkID: "fw", strandID: .init("s\($0 / 25)"), code: "C.\($0)",
                title: "Competency \($0)", kind: .academic, position: $0 % 25)
        }
        var edges: [CompetencyPrerequisite] = []
        for index in 1..<competencies {
            let count = Int(random.next() % UInt64(prerequisites + 1))
            for _ in 0..<count {
                let source = Int(random.next() % UInt64(index))
                edges.append(CompetencyPrerequisite(prerequisite: nodes[source].id, competency: nodes[index].id))
            }
        }
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let pathway = Pathway(
            id: "pw", courseID: "course", title: "Generated", pacing: .selfPaced,
            steps: nodes.enumerated().map { .init(competencyIDs: [$1.id], targetDate: start + Double($0) * 86_400) })
        let playlists = nodes.map { node in
            Playlist(
                id: .init("pl-\(node.id.rawValue)"), title: node.title, competencyIDs: [node.id],
                items: PlaylistItem.Kind.allCases.enumerated().map { index, kind in
                    PlaylistItem(
                        id: .init("\(node.id.rawValue)-\(index)"), kind: kind, title: kind.label,
                        isRequired: index % 2 == 0,
                        modality: PlaylistItem.Modality.allCases[index % PlaylistItem.Modality.allCases.count],
                        minutes: 10 + index)
                })
        }
        let advisor = NextStepAdvisor(
            catalog: .init(
                competencies: nodes, prerequisites: PrerequisiteGraph(edges),
                thresholds: Dictionary(uniqueKeysWithValues: nodes.map { ($0.id, 3.0) }), pathways: [pathway],
                playlists: playlists))
        // Students progress roughly in order: the first part of the graph mastered, some beyond.
        let states = (0..<students).map { number -> NextStepAdvisor.Student in
            let reach = Int(random.next() % UInt64(competencies))
            var records: [Competency.ID: MasteryRecord] = [:]
            for (index, node) in nodes.enumerated() where index < reach + 20 {
                let value = index < reach ? 3 + random.nextUnit() : random.nextUnit() * 3
                records[node.id] = MasteryRecord(
                    studentID: .init("s\(number)"), competencyID: node.id, status: .assessed, value: value,
                    levelValue: value.rounded(), mastered: value >= 3, evidenceCount: 3, lastObservedAt: start,
                    method: "decaying-average")
            }
            return NextStepAdvisor.Student(records: records, preferredModalities: [.video])
        }
        print(
            "graph: \(competencies) competencies, \(edges.count) prerequisites; \(students) students; "
                + "\(playlists.count) playlists of \(PlaylistItem.Kind.allCases.count) items")
        var best = Double.infinity
        var recommended = 0
        for _ in 0..<rounds {
            let clock = ContinuousClock()
            var count = 0
            let elapsed = clock.measure {
                for state in states { count += advisor.advise(state, at: start + 100 * 86_400).count }
            }
            recommended = count
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            best = min(best, seconds)
        }
        print(
            String(
                format:
                    "next steps for %d students: %.1f ms total (best of %d), %.1f µs a student, %d steps recommended",
                students, best * 1000, rounds, best * 1e6 / Double(students), recommended))
        print(String(format: "target: under 100 ms on one core → %.2f× the budget", best * 1000 / 100))
    }
}

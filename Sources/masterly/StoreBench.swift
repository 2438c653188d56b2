import Foundation
import MasteryCore
import MasteryStore

/// Recompute on SQLite against a plain full scan of the evidence table, in the same run.
struct StoreBench {
    let students: Int
    let competencies: Int
    let evidence: Int
    let scores: [Double]

    func run() async throws {
        print("\n== SQLite: recompute vs a plain scan of the evidence table ==")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "masterly-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(.sqlite(path: folder.appendingPathComponent("bench.sqlite").path))
        try await store.migrate()
        let loadStart = Date()
        try await store.insert(school())
        print(
            "generated and loaded in \(BenchData.format(Date().timeIntervalSince(loadStart))) s (load includes a first recompute)"
        )

        var scanBest = Double.infinity
        var recomputeBest = Double.infinity
        var report: Store.RecomputeReport?
        for _ in 0..<3 {
            let scanStart = Date()
            let rows = try await store.scanEvidence()
            scanBest = min(scanBest, Date().timeIntervalSince(scanStart))
            precondition(rows == students * competencies * evidence)
            let recomputeStart = Date()
            report = try await store.recompute()
            recomputeBest = min(recomputeBest, Date().timeIntervalSince(recomputeStart))
        }
        print("plain scan (SELECT … FROM evidence_events into memory): \(String(format: "%.3f", scanBest)) s")
        print(
            "recompute (all records checked, \(report?.changed ?? -1) changed):  \(String(format: "%.3f", recomputeBest)) s"
        )
        print("ratio recompute / scan: \(String(format: "%.2f", recomputeBest / scanBest))×  (target ≤ 3×)")
        await store.close()
    }

    func school() -> SchoolData {
        var data = SchoolData()
        data.organizations = [Organization(id: "school", kind: .school, name: "Bench School")]
        data.scales = [
            try! ProficiencyScale(
                id: "scale", name: "0–4",
                levels: (0...4).map { ProficiencyLevel(value: Double($0), label: "L\($0)", colour: "#ffffff") },
                masteryThreshold: 3)
        ]
        data.frameworks = [Framework(id: "fw", code: "B", title: "Bench", scaleID: "scale")]
        data.strands = [Strand(id: "st", frameworkID: "fw", code: "S", title: "S", position: 0)]
        data.competencies = (0..<competencies).map {
            Competency(
                id: .init("c\($0)"), frameworkID: "fw", strandID: "st", code: "C\($0)", title: "C\($0)",
                kind: .academic, position: $0)
        }
        data.people =
            [Person(id: "t", role: .teacher, givenName: "T", familyName: "T", organizationID: "school")]
            + (0..<students).map {
                Person(
                    id: .init("s\($0)"), role: .student, givenName: "S", familyName: "\($0)", organizationID: "school")
            }
        let start = Date(timeIntervalSince1970: 1_760_000_000)
        var sequence: Int64 = 0
        data.evidence.reserveCapacity(scores.count)
        for student in 0..<students {
            for competency in 0..<competencies {
                for piece in 0..<evidence {
                    let score = scores[sequence.asInt]
                    sequence += 1
                    data.evidence.append(
                        EvidenceEvent(
                            id: .init("e\(sequence)"), sequence: sequence, action: .record,
                            studentID: .init("s\(student)"),
                            competencyID: .init("c\(competency)"), score: score,
                            observedAt: start.addingTimeInterval(Double(piece) * 86_400), recordedAt: start,
                            recordedBy: "t",
                            source: .manual))
                }
            }
        }
        return data
    }
}

extension Int64 {
    var asInt: Int { Int(self) }
}

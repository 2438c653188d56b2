import MasteryCore
import Testing

@Suite("A course's curriculum limited to some strands")
struct CurriculumLimitTests {
    @Test("Limiting to strands keeps other frameworks whole")
    func limitedCurriculum() throws {
        let scale = try DemoScale.fourLevels()
        let frameworks = ["a", "b"].map {
            Framework(id: .init($0), code: $0, title: $0, scaleID: scale.id)
        }
        let strands = [
            Strand(id: "a1", frameworkID: "a", code: "", title: "A1", position: 0),
            Strand(id: "a2", frameworkID: "a", code: "", title: "A2", position: 1),
            Strand(id: "b1", frameworkID: "b", code: "", title: "B1", position: 0),
        ]
        let competencies = strands.enumerated().map { index, strand in
            Competency(
                id: .init("c-\(strand.id.rawValue)"), frameworkID: strand.frameworkID, strandID: strand.id,
                code: "C\(index)", title: "C", kind: .academic, position: index)
        }
        let curriculum = Curriculum(
            frameworks: frameworks, scales: [scale.id: scale], strands: strands, competencies: competencies,
            indicators: [:])
        #expect(curriculum.limited(toStrands: []) == curriculum)
        let limited = curriculum.limited(toStrands: ["a2"])
        #expect(limited.strands.map(\.id) == ["a2", "b1"] as [Strand.ID])
        #expect(limited.competencies.map(\.id) == ["c-a2", "c-b1"] as [Competency.ID])
    }
}

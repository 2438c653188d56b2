import Foundation
import MasteryCore
import Testing

@Suite("Growth over time")
struct GrowthSeriesTests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    static func record(
        _ id: String, _ sequence: Int64, _ competency: String, _ score: Double, day: Double
    )
        -> EvidenceEvent
    {
        EvidenceEvent(
            id: .init(id), sequence: sequence, action: .record, studentID: "s1", competencyID: .init(competency),
            targetID: nil, score: score, observedAt: start.addingTimeInterval(day * 86_400), recordedAt: start,
            recordedBy: "t1", source: .manual)
    }

    @Test("Each score in time order, with the average of the competencies' values so far, by their method")
    func series() throws {
        let scale = try DemoScale.fourLevels()
        let framework = Framework(
            id: "fw", code: "M", title: "Math", scaleID: scale.id, policy: try MasteryPolicy(method: .mean))
        let competencies = ["c1", "c2", "c3"].enumerated().map { index, code in
            Competency(
                id: .init(code), frameworkID: "fw", strandID: "st", code: code, title: code, kind: .academic,
                position: index)
        }
        let curriculum = Curriculum(
            frameworks: [framework], scales: [scale.id: scale], strands: [], competencies: competencies,
            indicators: [:])
        let events = [
            Self.record("a", 1, "c1", 2, day: 1), Self.record("b", 2, "c2", 4, day: 2),
            Self.record("c", 3, "c1", 4, day: 3), Self.record("d", 4, "c3", 1, day: 0),
        ]
        var evidence: [Competency.ID: [Evidence]] = [:]
        for competency in competencies {
            evidence[competency.id] = EvidenceLedger.effectiveEvidence(
                events.filter { $0.competencyID == competency.id })
        }
        // c3 is left out of the chart (as habits are); the rest in time order.
        let points = GrowthSeries.points(
            evidence: evidence, competencies: Array(competencies.prefix(2)), curriculum: curriculum)
        #expect(points.map(\.score) == [2, 4, 4])
        // c1 = 2; then c1 = 2, c2 = 4 → 3; then c1 = mean(2, 4) = 3, c2 = 4 → 3.5.
        #expect(points.map(\.average) == [2, 3, 3.5])
        #expect(GrowthSeries.points(evidence: [:], competencies: competencies, curriculum: curriculum).isEmpty)
    }

    @Test(
        "A section override changes the chart as it changes the gradebook: the one rule picks the first section by id")
    func sectionOverride() throws {
        let scale = try DemoScale.fourLevels()
        let framework = Framework(
            id: "fw", code: "M", title: "Math", scaleID: scale.id, policy: try MasteryPolicy(method: .mean))
        let other = Framework(
            id: "fw2", code: "E", title: "ELA", scaleID: scale.id, policy: try MasteryPolicy(method: .mean))
        let competency = Competency(
            id: "c1", frameworkID: "fw", strandID: "st", code: "c1", title: "c1", kind: .academic, position: 0)
        let curriculum = Curriculum(
            frameworks: [framework, other], scales: [scale.id: scale], strands: [], competencies: [competency],
            indicators: [:])
        let overrides = [
            SectionPolicyOverride(sectionID: "sec-b", frameworkID: "fw", policy: try MasteryPolicy(method: .highest)),
            SectionPolicyOverride(sectionID: "sec-a", frameworkID: "fw", policy: try MasteryPolicy(method: .latest)),
            SectionPolicyOverride(sectionID: "sec-0", frameworkID: "fw2", policy: try MasteryPolicy(method: .mode)),
        ]
        #expect(EffectivePolicy.policy(for: framework, overrides: overrides).method == .latest)
        #expect(EffectivePolicy.policy(for: other, overrides: overrides).method == .mode)
        #expect(EffectivePolicy.policy(for: framework, overrides: []).method == .mean)
        let events = [Self.record("a", 1, "c1", 4, day: 1), Self.record("b", 2, "c1", 2, day: 2)]
        let evidence: [Competency.ID: [Evidence]] = ["c1": EvidenceLedger.effectiveEvidence(events)]
        let policies = EffectivePolicy.policies(in: curriculum, overrides: overrides)
        // By the framework's mean the line ends at 3; by the section's "latest" it ends at 2.
        #expect(
            GrowthSeries.points(evidence: evidence, competencies: [competency], curriculum: curriculum).last?.average
                == 3)
        #expect(
            GrowthSeries.points(
                evidence: evidence, competencies: [competency], curriculum: curriculum, policies: policies
            ).last?.average == 2)
    }
}

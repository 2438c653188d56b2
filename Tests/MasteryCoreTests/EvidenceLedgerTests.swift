import Foundation
import MasteryCore
import Testing

@Suite("Evidence ledger: append-only events fold into the evidence that counts")
struct EvidenceLedgerTests {
    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    static func event(
        _ id: String, _ sequence: Int64, _ action: EvidenceEvent.Action = .record, target: String? = nil,
        score: Double? = nil, day: Double = 0, reason: String? = nil
    ) -> EvidenceEvent {
        EvidenceEvent(
            id: .init(id), sequence: sequence, action: action, studentID: "s1", competencyID: "c1",
            targetID: target.map { .init($0) }, score: score, observedAt: start.addingTimeInterval(day * Self.day),
            recordedAt: start, recordedBy: "t1", source: .manual, reason: reason)
    }

    @Test("Ordered by observation time, ties by the order recorded")
    func ordering() {
        let events = [
            Self.event("e1", 1, score: 1, day: 2), Self.event("e2", 2, score: 2, day: 1),
            Self.event("e3", 3, score: 3, day: 2), Self.event("e4", 4, score: 4, day: 1),
        ]
        let evidence = EvidenceLedger.effectiveEvidence(events.reversed())
        #expect(evidence.map(\.id.rawValue) == ["e2", "e4", "e1", "e3"])
    }

    @Test("The trail of corrections: newest first, each with the score before and after")
    func correctionTrail() {
        let events = [
            Self.event("e1", 1, score: 2, day: 0), Self.event("e2", 2, score: 3, day: 1),
            Self.event("x1", 3, .supersede, target: "e1", score: 3, reason: "typo"),
            Self.event("x2", 4, .supersede, target: "e1", score: 4, reason: "regraded"),
            Self.event("x3", 5, .exclude, target: "e1", reason: "wrong task"),
            Self.event("x4", 6, .exclude, target: "nope", reason: "unknown target"),
        ]
        let trail = EvidenceCorrection.trail(events.reversed())
        #expect(trail.map(\.event.id.rawValue) == ["x3", "x2", "x1"])
        #expect(trail.map(\.before) == [4, 3, 2] && trail.map(\.after) == [nil, 4, 3])
        #expect(trail.allSatisfy { $0.original.id == "e1" })
        #expect(EvidenceCorrection.trail(Array(events.prefix(2))).isEmpty)
    }

    @Test("A correction replaces the score and keeps the original's place; an exclusion removes it")
    func correctionsAndExclusions() {
        let events = [
            Self.event("e1", 1, score: 1, day: 0), Self.event("e2", 2, score: 2, day: 1),
            Self.event("e3", 3, score: 3, day: 2),
            Self.event("x1", 4, .supersede, target: "e1", score: 4, day: 5, reason: "typo"),
            Self.event("x2", 5, .exclude, target: "e2", reason: "wrong student"),
            Self.event("x3", 6, .supersede, target: "e1", score: 3.5, day: 6, reason: "regraded"),
        ]
        let evidence = EvidenceLedger.effectiveEvidence(events)
        #expect(evidence.map(\.id.rawValue) == ["e1", "e3"])
        #expect(evidence.map(\.score) == [3.5, 3])
        #expect(evidence[0].corrections.map(\.rawValue) == ["x1", "x3"])
    }

    @Test("Invalid events are refused with the reason")
    func validation() throws {
        let scale = try DemoScale.fourLevels()
        let existing = [Self.event("e1", 1, score: 2), Self.event("x", 2, .exclude, target: "e1", reason: "dup")]
        let cases: [(EvidenceEvent, String)] = [
            (Self.event("n", 3, score: 9), "outside the scale"),
            (Self.event("n", 3, .supersede, target: "nope", score: 2, reason: "r"), "no evidence nope"),
            (Self.event("n", 3, .supersede, target: "e1", score: 2, reason: "r"), "already excluded"),
            (Self.event("n", 3, .supersede, score: 2, reason: "r"), "needs the id"),
        ]
        for (event, message) in cases {
            #expect {
                try EvidenceLedger.validate(event, after: existing, scale: scale)
            } throws: { error in
                "\(error)".contains(message)
            }
        }
        let fresh = [Self.event("e1", 1, score: 2)]
        #expect(throws: MasteryCoreError.self) {
            try EvidenceLedger.validate(
                Self.event("n", 2, .exclude, target: "e1", reason: " "), after: fresh, scale: scale)
        }
        try EvidenceLedger.validate(
            Self.event("n", 2, .exclude, target: "e1", reason: "duplicate"), after: fresh, scale: scale)
    }

    @Test("A record is a pure function of the events, in any order")
    func engineIsPure() throws {
        let scale = try DemoScale.fourLevels()
        var random = SeededGenerator(seed: 7)
        var events: [EvidenceEvent] = []
        for index in 0..<20 {
            events.append(
                Self.event("e\(index)", Int64(index), score: Double(random.next() % 5), day: Double(random.next() % 4)))
        }
        events.append(Self.event("x", 100, .exclude, target: "e3", reason: "r"))
        let policy = MasteryPolicy.standard
        let a = MasteryEngine.record(studentID: "s1", competencyID: "c1", events: events, policy: policy, scale: scale)
        events.shuffle(using: &random)
        let b = MasteryEngine.record(studentID: "s1", competencyID: "c1", events: events, policy: policy, scale: scale)
        #expect(a == b)
        #expect(a.evidenceCount == 19)
    }
}

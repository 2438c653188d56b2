import Foundation
import Testing

@testable import MasteryCore

@Suite("Playlist items open on a level reached or a checkpoint result; handed-in files are recognised by their bytes")
struct PlaylistReleaseTests {
    let ratio = Competency.ID("c-ratio")
    let tables = Competency.ID("c-tables")

    func playlist() -> Playlist {
        Playlist(
            id: "pl-1", title: "Ratios", competencyIDs: [ratio, tables],
            items: [
                PlaylistItem(
                    id: "warm-up", kind: .practice, title: "Warm-up", isRequired: true, modality: .reading, minutes: 10),
                PlaylistItem(
                    id: "check", kind: .checkpoint, title: "Checkpoint", isRequired: true, modality: .handsOn,
                    minutes: 20, release: .mastery(ratio, atLeast: 2), competencyIDs: [ratio, tables]),
                PlaylistItem(
                    id: "reteach", kind: .smallGroup, title: "Reteach", isRequired: true, modality: .discussion,
                    minutes: 15, release: .init(checkpointID: "check", highest: 2.5)),
            ])
    }

    @Test("A mastery release opens at the level and not below; a checkpoint release on the score's range")
    func releases() {
        let list = playlist()
        #expect(list.released(checkpointScores: [:], levels: [ratio: 1]).map(\.id) == ["warm-up"])
        #expect(list.released(checkpointScores: [:], levels: [ratio: 2]).map(\.id) == ["warm-up", "check"])
        #expect(list.released(checkpointScores: ["check": 2], levels: [ratio: 3]).map(\.id).count == 3)
        #expect(list.released(checkpointScores: ["check": 3], levels: [ratio: 3]).map(\.id) == ["warm-up", "check"])
        #expect(list.items[1].scoredCompetencies(in: list) == [ratio, tables])
        #expect(list.items[0].scoredCompetencies(in: list) == [ratio, tables])
    }

    @Test("Items stored before mastery releases existed still read, and new ones round-trip")
    func storedItems() throws {
        let old =
            #"[{"id":"a","kind":"small-group","title":"T","details":"","isRequired":true,"modality":"video","minutes":5,"release":{"checkpointID":"c","highest":2.5}}]"#
        let items = try JSONDecoder().decode([PlaylistItem].self, from: Data(old.utf8))
        #expect(items[0].release == .checkpoint("c", lowest: nil, highest: 2.5) && items[0].competencyIDs.isEmpty)
        let again = try JSONDecoder().decode(
            [PlaylistItem].self, from: try JSONEncoder().encode(playlist().items))
        #expect(again == playlist().items)
    }

    @Test("Only teachers' playlists for the student's sections, or assigned to them, are offered; retired ones never")
    func offered() {
        var list = playlist()
        #expect(list.isOffered(toStudentIn: [], assigned: false))
        list.authorID = "t-1"
        list.sectionIDs = ["s-1"]
        #expect(list.isOffered(toStudentIn: ["s-1"], assigned: false))
        #expect(!list.isOffered(toStudentIn: ["s-2"], assigned: false))
        #expect(list.isOffered(toStudentIn: ["s-2"], assigned: true))
        list.isRetired = true
        #expect(!list.isOffered(toStudentIn: ["s-1"], assigned: true))
    }

    @Test("A file's kind comes from its bytes: a renamed program is refused, a photo named .txt is a photo")
    func fileTypes() {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])
        #expect(WorkFileType.detect(name: "notes.txt", data: png) == .png)
        #expect(WorkFileType.detect(name: "photo.jpg", data: Data([0xFF, 0xD8, 0xFF, 0xE0])) == .jpeg)
        #expect(WorkFileType.detect(name: "essay.pdf", data: Data("%PDF-1.7".utf8)) == .pdf)
        #expect(WorkFileType.detect(name: "essay.docx", data: Data([0x50, 0x4B, 0x03, 0x04, 1])) == .docx)
        #expect(WorkFileType.detect(name: "game.zip", data: Data([0x50, 0x4B, 0x03, 0x04, 1])) == nil)
        #expect(WorkFileType.detect(name: "run.exe", data: Data("MZ\u{90}".utf8)) == nil)
        #expect(WorkFileType.detect(name: "notes.txt", data: Data("Plain words".utf8)) == .text)
        #expect(WorkFileType.detect(name: "notes.txt", data: Data([0x41, 0, 0x42])) == nil)
        let heic = Data([0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0])
        #expect(WorkFileType.detect(name: "IMG_1.HEIC", data: heic) == .heic)
    }
}

@Suite("Where a class stands on scoring a task")
struct TaskScoringTests {
    func event(
        _ id: String, _ sequence: Int64, student: Person.ID, action: EvidenceEvent.Action = .record,
        target: String? = nil, score: Double? = 2, criterion: RubricCriterion.ID? = "cr-1", at: Double = 0
    ) -> EvidenceEvent {
        EvidenceEvent(
            id: .init(id), sequence: sequence, action: action, studentID: student, competencyID: "c-1",
            targetID: target.map { .init($0) }, score: score, observedAt: Date(timeIntervalSince1970: at),
            recordedAt: Date(timeIntervalSince1970: at), recordedBy: "t-1", source: .rubric, sectionID: "s-1",
            taskID: "task-1", criterionID: criterion, comment: nil, reason: nil)
    }

    @Test("Scored, absent and waiting; an excluded save is waiting again; the next one waiting wraps round")
    func statuses() {
        let a: Person.ID = "a", b: Person.ID = "b", c: Person.ID = "c", d: Person.ID = "d"
        let events = [
            event("e1", 1, student: a, at: 10), event("e2", 2, student: a, score: 3, criterion: "cr-2", at: 10),
            event("e3", 3, student: b, at: 20), event("x3", 4, student: b, action: .exclude, target: "e3", at: 30),
            event("s1", 5, student: a, action: .supersede, target: "e1", score: 4, at: 40),
        ]
        let scoring = TaskScoring(students: [a, b, c, d], events: events, marks: [c: .absent])
        #expect(scoring.status(of: a) == .scored(levels: ["cr-1": 4, "cr-2": 3], at: Date(timeIntervalSince1970: 10)))
        #expect(scoring.status(of: b) == .waiting && scoring.status(of: c) == .absent)
        #expect(scoring.lastSave[a]?.events.map(\.id) == ["e1", "e2"] && scoring.lastSave[b] == nil)
        #expect(scoring.nextWaiting(after: nil) == b && scoring.nextWaiting(after: b) == d)
        #expect(scoring.nextWaiting(after: d) == b && scoring.waitingCount == 2)
    }
}

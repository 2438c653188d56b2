import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("Scoring a task through the class: the list, skip and absent, reopening where it stopped, undo")
struct ScoringFlowTests {
    @Test(
        "Save goes to the next student still waiting; skip writes no evidence but is remembered; absent is kept; overall feedback goes with each level; reopening starts at the first one waiting; undo asks, then excludes the save"
    )
    func throughTheClass() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let section = try await store.sections(of: teacher.id, as: .teacher)[1]
            let data = try await SectionData.load(section.id, store: store)
            let students = data.students
            var tasks: [PerformanceTask] = []
            for framework in data.course.frameworkIDs { tasks += try await store.tasks(framework: framework) }
            let task = try #require(tasks.first { !$0.criteria.isEmpty })
            let criterion = try #require(task.criteria.first)
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let base = "/sections/\(section.id.rawValue)/tasks/\(task.id.rawValue)"
            func levels(_ student: Person) -> [(String, String)] {
                [("student", student.id.rawValue), ("next", "1")]
                    + task.criteria.map {
                        ("level-\($0.id.rawValue)", DisplayRounding.text($0.descriptors.first!.levelValue))
                    }
            }

            func scoring() async throws -> TaskScoring {
                TaskScoring(
                    students: students.map(\.id),
                    events: try await store.taskEvents(task.id, students: students.map(\.id)),
                    marks: try await store.taskMarks(task: task.id, section: section.id))
            }
            func person(_ id: Person.ID?) throws -> Person { try #require(students.first { $0.id == id }) }
            let before = try await scoring()
            try #require(before.waitingCount >= 4)
            let w1 = try person(before.nextWaiting(after: nil))
            let w2 = try person(before.nextWaiting(after: w1.id))
            let w3 = try person(before.nextWaiting(after: w2.id))
            let w4 = try person(before.nextWaiting(after: w3.id))

            let first = try await browser.get("\(base)/score")
            #expect(first.body.contains("<h1>\(w1.displayName)</h1>") && first.body.contains("Class list"))
            // The first waiting scored (with overall feedback), the next skipped (no evidence), the third absent.
            let saved = try await browser.post(
                "\(base)/score",
                levels(w1) + [
                    ("feedback-\(criterion.id.rawValue)", "Clear steps."),
                    ("feedback-overall", "Check units next time."),
                ])
            #expect(saved.location?.contains("student=\(w2.id.rawValue)") == true)
            let skipped = try await browser.post("\(base)/score", [("student", w2.id.rawValue), ("skip", "1")])
            #expect(skipped.location?.contains("student=\(w3.id.rawValue)") == true)
            #expect(try await store.taskEvents(task.id, students: [w2.id]).isEmpty)
            let absent = try await browser.post("\(base)/score", [("student", w3.id.rawValue), ("absent", "1")])
            #expect(absent.location?.contains("student=\(w4.id.rawValue)") == true)
            #expect(
                try await store.taskMarks(task: task.id, section: section.id) == [w2.id: .skipped, w3.id: .absent])
            let comments = try await store.taskEvents(task.id, students: [w1.id]).map(\.comment)
            #expect(comments.contains("Clear steps.\n\nCheck units next time."))
            #expect(
                comments.count == task.criteria.count
                    && comments.allSatisfy { $0?.hasSuffix("Check units next time.") == true })

            // Reopened, the task starts at the first student still waiting (not the skipped one), and the list says
            // who is scored, skipped and absent; once nobody else waits, the skipped student comes back.
            let reopened = try await browser.get("\(base)/score")
            #expect(reopened.body.contains("<h1>\(w4.displayName)</h1>"))
            #expect(
                reopened.body.contains(">scored<") && reopened.body.contains(">absent<")
                    && reopened.body.contains(">skipped<"))
            let skippedPage = try await browser.get("\(base)/score?student=\(w2.id.rawValue)")
            #expect(skippedPage.body.contains("Skipped earlier."))
            var onlySkipped = try await scoring()
            for id in onlySkipped.order where onlySkipped.status(of: id) == .waiting {
                onlySkipped.statuses[id] = .absent
            }
            #expect(onlySkipped.nextWaiting(after: nil) == w2.id)
            // Scoring the skipped student takes the mark away.
            _ = try await browser.post("\(base)/score", levels(w2))
            #expect(try await store.taskMarks(task: task.id, section: section.id) == [w3.id: .absent])
            // Skip or absent on a scored student marks nothing (undoing the save would leave a stale mark), and
            // skipping an absent student keeps them absent.
            _ = try await browser.post("\(base)/score", [("student", w1.id.rawValue), ("skip", "1")])
            _ = try await browser.post("\(base)/score", [("student", w1.id.rawValue), ("absent", "1")])
            _ = try await browser.post("\(base)/score", [("student", w3.id.rawValue), ("skip", "1")])
            #expect(try await store.taskMarks(task: task.id, section: section.id)[w1.id] == nil)
            #expect(try await store.taskMarks(task: task.id, section: section.id)[w3.id] == .absent)
            let again = try await browser.get("\(base)/score?student=\(w1.id.rawValue)")
            #expect(again.body.contains("Already scored"))

            // Undo: asked first, nothing changed; confirmed, the save's events are excluded and the student waits.
            let asked = try await browser.post("\(base)/undo", [("student", w1.id.rawValue)])
            #expect(asked.status == .ok && asked.body.contains("Undo the levels saved for"))
            let counting = try await store.evidence(student: w1.id)[criterion.competencyID]?.count ?? 0
            let undone = try await browser.post(
                "\(base)/undo", [("student", w1.id.rawValue), ("confirm", "yes")])
            #expect(undone.status == .seeOther)
            let shared = task.criteria.filter { $0.competencyID == criterion.competencyID }.count
            #expect(
                (try await store.evidence(student: w1.id)[criterion.competencyID]?.count ?? 0)
                    == counting - shared)
            let events = try await store.events(student: w1.id, competency: criterion.competencyID)
            #expect(events.last?.action == .exclude && events.last?.reason == "Undone right after scoring")
            #expect(try await browser.get("\(base)/score").body.contains("<h1>\(w1.displayName)</h1>"))
            // Nothing left to undo.
            #expect(
                try await browser.post("\(base)/undo", [("student", w1.id.rawValue)]).status == .conflict)
        }
    }
}

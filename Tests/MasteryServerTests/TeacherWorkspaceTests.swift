import Foundation
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("Teacher workspace")
struct TeacherWorkspaceTests {
    @Test("Gradebook filters: a strand narrows the columns, a level the rows, and rows sort by a competency's level")
    func filters() async throws {
        try await withApp { client, services in
            let store = services.store
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let section = try await store.sections(of: teacher.id, as: .teacher)[0]
            let data = try await SectionData.load(section.id, store: store)
            let strand = try #require(data.gradebook.groups.first?.strand)
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let page = try await browser.get("/sections/\(section.id.rawValue)?strand=\(strand.id.rawValue)")
            #expect(page.status == .ok && page.body.contains("id=\"gradebook-filter\""))
            #expect(page.body.components(separatedBy: "class=\"strand\"").count - 1 == 1)
            #expect(page.body.contains("At each level"))
            let filtered = data.gradebook.filtered(.init(level: 1))
            #expect(filtered.rows.allSatisfy { row in row.cells.contains { $0.level?.value == 1 } })
            let competency = try #require(data.gradebook.competencies.first)
            let sorted = data.gradebook.filtered(.init(sort: .level(competency.id, ascending: true)))
            let values = sorted.rows.map { $0.cells.first { $0.competency.id == competency.id }?.record?.value ?? -1 }
            #expect(values == values.sorted())
            let levelPage = try await browser.get(
                "/sections/\(section.id.rawValue)?level=1&sort=asc:\(competency.id.rawValue)")
            #expect(levelPage.body.components(separatedBy: "data-student-id=").count - 1 == filtered.rows.count)
            // Ordered by one competency, highest first, with the order and direction apart.
            let highest = try await browser.get(
                "/sections/\(section.id.rawValue)?order=\(competency.id.rawValue)&direction=desc")
            let top = try #require(
                data.gradebook.filtered(.init(sort: .level(competency.id, ascending: false))).rows.first)
            let firstRow = try #require(highest.body.range(of: "data-student-id=\""))
            #expect(highest.body[firstRow.upperBound...].hasPrefix(top.student.id.rawValue))
            // The footer counts each level beside its colour and its name.
            let topLevel = try #require(data.curriculum.scale(for: competency)?.levels.max { $0.value < $1.value })
            let colour = try #require(ProficiencyLevel.normalizedColour(topLevel.colour))
            #expect(
                highest.body.contains(
                    "<span class=\"swatch\" style=\"background:\(colour)\" aria-hidden=\"true\"></span>\(topLevel.label): "
                ))
            // Jumping to a student: their row alone, whatever the case or accents typed.
            let student = try #require(data.gradebook.rows.first?.student)
            let found = try await browser.get(
                "/sections/\(section.id.rawValue)?student=\(TestBrowser.encode(student.familyName.uppercased()))")
            #expect(found.body.contains("data-student-id=\"\(student.id.rawValue)\""))
            #expect(
                found.body.components(separatedBy: "data-student-id=").count - 1
                    == data.gradebook.filtered(.init(studentName: student.familyName)).rows.count)
            // Compact cells: the same grid, marked for the colour-and-initial view.
            let compact = try await browser.get("/sections/\(section.id.rawValue)?view=compact")
            #expect(compact.body.contains("class=\"gradebook compact\""))
            // A strand shown as totals: one column, each student's mastered count of its competencies.
            let group = try #require(data.gradebook.groups.first)
            let totals = try await browser.get(
                "/sections/\(section.id.rawValue)?collapse=\(group.strand.id.rawValue)")
            #expect(
                totals.body.components(separatedBy: "class=\"cell strand-total\"").count - 1
                    == data.gradebook.rows.count)
            let topRow = try #require(data.gradebook.rows.first)
            let expectedCount = topRow.cells.prefix(group.competencies.count).filter(\.mastered).count
            #expect(totals.body.contains(">\(expectedCount)/\(group.competencies.count)</td>"))
            #expect(!totals.body.contains("<span class=\"code\">\(group.competencies[0].code)</span>"))
            // The drill-down keeps the way back and goes on to the next student in the gradebook's order.
            let rows = data.gradebook.rows
            try #require(rows.count >= 2)
            let drill = try await browser.get(
                "/students/\(rows[0].student.id.rawValue)/competencies/\(competency.id.rawValue)")
            #expect(drill.body.contains("href=\"/sections/\(section.id.rawValue)\""))
            #expect(
                drill.body.contains(
                    "href=\"/students/\(rows[1].student.id.rawValue)/competencies/\(competency.id.rawValue)\" rel=\"next\""
                ))
        }
    }

    @Test("A quick check saves one level per chosen student at once; others are skipped; only the teacher may")
    func quickCheck() async throws {
        try await withApp { client, services in
            let store = services.store
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let section = try await store.sections(of: teacher.id, as: .teacher)[1]
            let students = try await store.members(of: section.id, as: .student)
            let data = try await SectionData.load(section.id, store: store)
            let competency = try #require(data.curriculum.leafCompetencies.first)
            let before = try await store.events(student: students[0].id, competency: competency.id).count
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let form = try await browser.get(
                "/sections/\(section.id.rawValue)/quick-check?competency=\(competency.id.rawValue)")
            #expect(form.status == .ok && form.body.contains("id=\"quick-check-form\""))
            let saved = try await browser.post(
                "/sections/\(section.id.rawValue)/quick-check",
                [
                    ("competency", competency.id.rawValue), ("score-\(students[0].id.rawValue)", "3"),
                    ("score-\(students[1].id.rawValue)", "skip"), ("comment", "Exit ticket"),
                ])
            // Saved, then back to the form by GET (a reload records nothing twice), with the updated levels.
            #expect(saved.status == .seeOther)
            let shown = try await browser.get(try #require(saved.location))
            #expect(shown.status == .ok && shown.body.contains("Saved 1 piece of evidence"))
            let events = try await store.events(student: students[0].id, competency: competency.id)
            #expect(
                events.count == before + 1 && events.last?.source == .quickCheck
                    && events.last?.comment == "Exit ticket")
            let bad = try await browser.post(
                "/sections/\(section.id.rawValue)/quick-check",
                [("competency", competency.id.rawValue), ("score-\(students[0].id.rawValue)", "9")])
            #expect(bad.status == .unprocessableContent && bad.body.contains("'9' for \(students[0].displayName)"))
            #expect(bad.body.contains("id=\"quick-check-form\""))
            let nothing = try await browser.post(
                "/sections/\(section.id.rawValue)/quick-check",
                [("competency", competency.id.rawValue), ("score-\(students[0].id.rawValue)", "skip")])
            #expect(nothing.status == .unprocessableContent && nothing.body.contains("at least one student"))
            #expect(try await store.events(student: students[0].id, competency: competency.id).count == before + 1)
            var other = TestBrowser(client)
            _ = try await other.login("teacher5")
            #expect(try await other.get("/sections/\(section.id.rawValue)/quick-check").status == .forbidden)
        }
    }

    @Test("Scoring a rubric writes one piece of evidence per criterion and moves on to the next student")
    func rubricScoring() async throws {
        try await withApp { client, services in
            let store = services.store
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let section = try await store.sections(of: teacher.id, as: .teacher)[1]
            let students = try await store.members(of: section.id, as: .student)
            let data = try await SectionData.load(section.id, store: store)
            var tasks: [PerformanceTask] = []
            for framework in data.course.frameworkIDs { tasks += try await store.tasks(framework: framework) }
            let task = try #require(tasks.first { !$0.criteria.isEmpty })
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            #expect(try await browser.get("/sections/\(section.id.rawValue)/tasks").body.contains(task.title))
            let base = "/sections/\(section.id.rawValue)/tasks/\(task.id.rawValue)/score"
            let screen = try await browser.get("\(base)?student=\(students[2].id.rawValue)")
            #expect(
                screen.status == .ok && screen.body.contains("/assets/scoring.js")
                    && screen.body.contains("data-key=\"1\""))
            #expect(try await browser.get("/assets/scoring.js").body.contains("closest(\".criterion\")"))
            var fields: [(String, String)] = [("student", students[2].id.rawValue), ("next", "1")]
            for criterion in task.criteria {
                fields.append(
                    ("level-\(criterion.id.rawValue)", DisplayRounding.text(criterion.descriptors.last!.levelValue)))
                fields.append(("feedback-\(criterion.id.rawValue)", "Feedback on \(criterion.title)"))
            }
            let saved = try await browser.post(base, fields)
            // On to the next student still waiting for this task.
            let scoring = TaskScoring(
                students: data.students.map(\.id),
                events: try await store.taskEvents(task.id, students: data.students.map(\.id)),
                marks: try await store.taskMarks(task: task.id, section: section.id))
            let expected = try #require(scoring.nextWaiting(after: students[2].id))
            #expect(saved.status == .seeOther && saved.location?.contains("student=\(expected.rawValue)") == true)
            for criterion in task.criteria {
                let last = try await store.events(student: students[2].id, competency: criterion.competencyID).last
                #expect(last?.source == .rubric && last?.criterionID == criterion.id && last?.taskID == task.id)
            }
            let next = try await browser.get(try #require(saved.location))
            #expect(next.body.contains("Saved for \(students[2].displayName)"))
            // Nothing picked, or a level the rubric does not have: the same screen with the problem and what
            // was typed, nothing saved.
            let criterion = try #require(task.criteria.first)
            let counted = try await store.events(student: students[4].id, competency: criterion.competencyID).count
            let empty = try await browser.post(
                base, [("student", students[4].id.rawValue), ("feedback-\(criterion.id.rawValue)", "Keep this")])
            #expect(empty.status == .unprocessableContent && empty.body.contains("Pick a level for at least one"))
            #expect(empty.body.contains("Keep this"))
            let wrong = try await browser.post(
                base, [("student", students[4].id.rawValue), ("level-\(criterion.id.rawValue)", "7")])
            #expect(wrong.status == .unprocessableContent && wrong.body.contains("'7' is not a level of"))
            #expect(
                try await store.events(student: students[4].id, competency: criterion.competencyID).count == counted)
        }
    }

    @Test("A conference note needs the note; an observation is recorded as one")
    func observationKinds() async throws {
        try await withApp { client, services in
            let store = services.store
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let section = try await store.sections(of: teacher.id, as: .teacher)[1]
            let student = try await store.members(of: section.id, as: .student)[4]
            let competency = try #require(
                try await SectionData.load(section.id, store: store).curriculum.leafCompetencies.first)
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let base = "/students/\(student.id.rawValue)/competencies/\(competency.id.rawValue)"
            _ = try await browser.get(base)
            let refused = try await browser.post("\(base)/evidence", [("score", "3"), ("kind", "conference")])
            #expect(refused.status == .unprocessableContent && refused.body.contains("needs the note"))
            let saved = try await browser.post(
                "\(base)/evidence", [("score", "3"), ("kind", "conference"), ("comment", "Explained her strategy")])
            #expect(saved.status == .seeOther)
            let last = try await store.events(student: student.id, competency: competency.id).last
            #expect(last?.source == .observation && last?.comment == "Conference: Explained her strategy")
        }
    }
}

extension TeacherWorkspaceTests {
    @Test("Flexible groups: suggested with reasons, a student moved by the teacher, saved for a day with a rotation")
    func groups() async throws {
        try await withApp { client, services in
            let store = services.store
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let section = try await store.sections(of: teacher.id, as: .teacher)[0]
            let data = try await SectionData.load(section.id, store: store)
            let competency = try #require(data.curriculum.leafCompetencies.first { $0.kind == .academic })
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let page = try await browser.get(
                "/sections/\(section.id.rawValue)/groups?competency=\(competency.id.rawValue)&size=5")
            #expect(page.status == .ok && page.body.contains("id=\"groups-form\""))
            let student = try #require(data.students.first)
            let saved = try await browser.post(
                "/sections/\(section.id.rawValue)/groups",
                [
                    ("competency", competency.id.rawValue), ("size", "5"), ("day", "2026-11-24"),
                    ("group-\(student.id.rawValue)", "Extend"),
                ])
            #expect(saved.status == .seeOther)
            let grouping = try #require(try await store.groupings(section: section.id).first { $0.day == "2026-11-24" })
            let placement = try #require(grouping.placements.first { $0.studentID == student.id })
            #expect(placement.group == "Extend" && placement.kind == .extend)
            #expect(grouping.placements.count == data.students.count)
            let shown = try await browser.get(try #require(saved.location))
            #expect(shown.status == .ok && shown.body.contains("id=\"rotation\"") && shown.body.contains("Teacher-led"))
            var other = TestBrowser(client)
            _ = try await other.login("teacher5")
            #expect(try await other.get("/sections/\(section.id.rawValue)/groups").status == .forbidden)
        }
    }
}

extension TeacherWorkspaceTests {
    @Test("The gradebook is rendered once per change: a repeat is the same, new evidence shows at once")
    func gradebookCache() async throws {
        try await withApp { client, services in
            let store = services.store
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let section = try await store.sections(of: teacher.id, as: .teacher)[1]
            let student = try await store.members(of: section.id, as: .student)[6]
            let competency = try #require(
                try await SectionData.load(section.id, store: store).gradebook.competencies.first)
            let api = try await APIClient.signIn(client, "teacher")
            func count() async throws -> Int? {
                let book = try await api.call("/api/v1/sections/\(section.id.rawValue)/gradebook")
                let cells = book.object["cells"] as? [[String: Any]] ?? []
                return cells.first {
                    $0["studentId"] as? String == student.id.rawValue
                        && $0["competencyId"] as? String == competency.id.rawValue
                }?["evidenceCount"] as? Int
            }
            let before = try #require(try await count())
            #expect(try await count() == before)
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let page = try await browser.get("/sections/\(section.id.rawValue)")
            #expect(page.status == .ok && page.body.contains("id=\"logout-form\""))
            // A page kept for one viewer is never another's: a teacher of other sections is still refused.
            var other = TestBrowser(client)
            _ = try await other.login("teacher5")
            #expect(try await other.get("/sections/\(section.id.rawValue)").status == .forbidden)
            #expect(try await browser.get("/sections/\(section.id.rawValue)").status == .ok)
            let recorded = try await api.call(
                "/api/v1/evidence", method: .post,
                json: ["studentId": student.id.rawValue, "competencyId": competency.id.rawValue, "score": 3])
            #expect(recorded.status == .created)
            #expect(try await count() == before + 1)
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("Flex-mod days in the product")
struct FlexDayTests {
    @Test(
        "A coordinator builds a day, the solver proposes it from mastery, an adjustment is checked, publishing shows each day; the session's teacher takes attendance with evidence"
    )
    func flexDay() async throws {
        // A school of its own: other tests record evidence in the shared school's sections meanwhile.
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            var coach = TestBrowser(client)
            _ = try await coach.login("coach")
            _ = try await coach.get("/schedule")
            let created = try await coach.post("/schedule", [("day", "2026-11-25"), ("mods", "4")])
            #expect(created.status == .seeOther)
            let path = try #require(created.location)
            let id = FlexDay.ID(String(path.split(separator: "/").last!))
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let section = try await store.sections(of: teacher.id, as: .teacher)[0]
            let competency = try #require(
                try await SectionData.load(section.id, store: store).gradebook.competencies.first)
            let added = try await coach.post(
                "\(path)/sessions",
                [
                    ("title", "Ratios workshop"), ("teacher", teacher.id.rawValue), ("room", "B12"), ("start", "1"),
                    ("length", "2"), ("capacity", "10"), ("competency", competency.id.rawValue),
                ])
            #expect(added.status == .seeOther)
            let wrong = try await coach.post(
                "\(path)/sessions", [("title", "Too long"), ("start", "3"), ("length", "3"), ("capacity", "5")])
            #expect(wrong.status == .unprocessableContent)
            #expect(try await coach.post("\(path)/propose", []).status == .seeOther)
            var day = try #require(try await store.flexDay(id))
            let instance = FlexDayPlan(day: day, requests: [], choices: [], records: [:], thresholds: [:]).instance
            #expect(FeasibilityChecker.check(instance, day.solution).violations.isEmpty)
            let workshop = try #require(day.sessions.first { $0.title == "Ratios workshop" })
            let attendees = day.students.filter { (day.assignments[$0] ?? []).contains(workshop.id) }
            #expect(attendees.count == 10)  // ten seats, and the workshop is worth more than open study
            // Moving an eleventh student in would overfill it: refused with the reason, nothing saved.
            let outsider = try #require(day.students.first { !attendees.contains($0) })
            let over = try await coach.post(
                "\(path)/adjust", [("student", outsider.rawValue), ("session", workshop.id)])
            #expect(over.status == .unprocessableContent && over.body.contains("capacity"))
            // Moving an attendee to open study is fine.
            let moved = try await coach.post(
                "\(path)/adjust", [("student", attendees[0].rawValue), ("session", "open-1")])
            #expect(moved.status == .seeOther)
            day = try #require(try await store.flexDay(id))
            #expect(!(day.assignments[attendees[0]] ?? []).contains(workshop.id))
            #expect(FeasibilityChecker.check(instance, day.solution).violations.isEmpty)
            #expect(try await coach.post("\(path)/publish", []).status == .seeOther)

            var teacherBrowser = TestBrowser(client)
            _ = try await teacherBrowser.login("teacher")
            let mine = try await teacherBrowser.get("/my-day")
            #expect(mine.status == .ok && mine.body.contains("Ratios workshop"))
            let present = attendees[1]
            let before = try await store.events(student: present, competency: competency.id).count
            let absentBefore = try await store.events(student: attendees[2], competency: competency.id).count
            // Attendance starts empty: the page offers Present and Absent with neither chosen.
            let sheet = try await teacherBrowser.get("/my-day")
            #expect(sheet.body.contains("name=\"attendance-\(present.rawValue)\""))
            #expect(
                !sheet.body.contains("value=\"present\" checked") && !sheet.body.contains("value=\"absent\" checked"))
            var fields: [(String, String)] = [
                ("attendance-\(present.rawValue)", "present"), ("level-\(present.rawValue)", "3"),
            ]
            // Marked absent: no evidence, whatever level was picked. Not marked at all: no mark is saved.
            fields.append(("attendance-\(attendees[2].rawValue)", "absent"))
            fields.append(("level-\(attendees[2].rawValue)", "4"))
            fields.append(("level-\(attendees[3].rawValue)", "4"))
            // The levels are on one of the session's competencies; another is refused and nothing is saved.
            let elsewhere = try await teacherBrowser.post(
                "/schedule/\(id.rawValue)/sessions/\(workshop.id)/attendance", fields + [("competency", "nope")])
            #expect(elsewhere.status == .unprocessableContent)
            #expect(try await store.events(student: present, competency: competency.id).count == before)
            fields.append(("competency", competency.id.rawValue))
            let marked = try await teacherBrowser.post(
                "/schedule/\(id.rawValue)/sessions/\(workshop.id)/attendance", fields)
            #expect(marked.status == .seeOther)
            let events = try await store.events(student: present, competency: competency.id)
            #expect(events.count == before + 1 && events.last?.score == 3)
            let attendance = try await store.attendance(day: id, session: workshop.id)
            #expect(attendance[present] == true && attendance[attendees[2]] == false && attendance[attendees[3]] == nil)
            #expect(try await store.events(student: attendees[2], competency: competency.id).count == absentBefore)
            // The evidence names the session as its source.
            #expect(events.last?.source == .flexSession)

            var other = TestBrowser(client)
            _ = try await other.login("teacher2")
            #expect(
                try await other.post("/schedule/\(id.rawValue)/sessions/\(workshop.id)/attendance", []).status
                    == .forbidden)
            let studentPerson = try #require(try await store.people([attendees[1]]).first)
            if let username = studentPerson.username {
                var student = TestBrowser(client)
                _ = try await student.login(username)
                let page = try await student.get("/my-day")
                #expect(page.status == .ok && page.body.contains("Ratios workshop"))
            }
            var studentUser = TestBrowser(client)
            _ = try await studentUser.login("student")
            #expect(try await studentUser.get("/schedule").status == .forbidden)
        }
    }
}

import Foundation
import HTTPTypes
import MasteryCore
import MasteryServer
import MasteryStore
import Testing

@Suite("Recording and correcting evidence")
struct EvidenceTests {
    /// A student and a competency; each test writes to its own `offset` so parallel tests never share a pair.
    func target(_ services: AppServices, offset: Int) async throws -> (Person, Competency.ID) {
        let student = try #require(try await services.store.credentials(username: "student")?.person)
        let section = try #require(try await services.store.sections(of: student.id, as: .student).first)
        let curriculum = try await services.store.curriculum(course: section.courseID)
        let academics = curriculum.competencies.filter { $0.kind == .academic }
        return (student, academics[academics.count - 1 - offset].id)
    }

    @Test("A form with a missing or invalid field comes back with the error, and nothing is saved")
    func invalidForm() async throws {
        try await withApp { client, services in
            let (student, competency) = try await target(services, offset: 1)
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let before = try await services.store.events(student: student.id, competency: competency).count
            let uri = "/students/\(student.id.rawValue)/competencies/\(competency.rawValue)/evidence"
            let missing = try await browser.post(uri, [("comment", "hi")])
            #expect(missing.status == .unprocessableContent && missing.body.contains("Choose the level"))
            let outside = try await browser.post(uri, [("score", "9")])
            #expect(outside.status == .unprocessableContent && outside.body.contains("not on the scale"))
            let badDate = try await browser.post(uri, [("score", "3"), ("observed", "2026-02-31")])
            #expect(badDate.status == .unprocessableContent && badDate.body.contains("not a date"))
            #expect(try await services.store.events(student: student.id, competency: competency).count == before)
        }
    }

    @Test("A saved form shows the updated mastery at once; corrections need a reason")
    func recordAndCorrect() async throws {
        try await withApp { client, services in
            let (student, competency) = try await target(services, offset: 0)
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let base = "/students/\(student.id.rawValue)/competencies/\(competency.rawValue)"
            let saved = try await browser.post(
                "\(base)/evidence", [("score", "4"), ("observed", "2026-11-10"), ("comment", "Great model")])
            #expect(saved.status == .seeOther)
            let page = try await browser.get(try #require(saved.location))
            #expect(page.body.contains("Saved.") && page.body.contains("Great model"))
            let events = try await services.store.events(student: student.id, competency: competency)
            let last = try #require(events.last)
            #expect(last.score == 4 && last.recordedBy.rawValue == "p-teacher-1")
            let noReason = try await browser.post("\(base)/evidence/\(last.id.rawValue)/exclude", [("reason", " ")])
            #expect(noReason.status == .unprocessableContent)
            let excluded = try await browser.post(
                "\(base)/evidence/\(last.id.rawValue)/exclude", [("reason", "entered twice")])
            #expect(excluded.status == .seeOther)
            let after = try await services.store.events(student: student.id, competency: competency)
            #expect(after.count == events.count + 1 && after.last?.action == .exclude)
            // The drill-down keeps the change in view: what, who and why.
            let trail = try await browser.get(try #require(excluded.location))
            #expect(trail.body.contains("Changes to the evidence") && trail.body.contains("entered twice"))
            #expect(trail.body.contains("excluded the evidence of Nov 10, 2026 (4)"))
            #expect(try await services.store.recompute().changed == 0)
        }
    }

    @Test("Only the student's teacher may record evidence")
    func forbiddenWriters() async throws {
        try await withApp { client, services in
            let (student, competency) = try await target(services, offset: 2)
            let before = try await services.store.events(student: student.id, competency: competency).count
            for username in ["student", "guardian", "coach", "teacher2", "admin"] {
                var browser = TestBrowser(client)
                _ = try await browser.login(username)
                let response = try await browser.post(
                    "/students/\(student.id.rawValue)/competencies/\(competency.rawValue)/evidence", [("score", "4")])
                #expect(response.status == .forbidden, "\(username)")
            }
            #expect(try await services.store.events(student: student.id, competency: competency).count == before)
        }
    }

    @Test("A teacher of the student's other course may not correct or exclude this course's evidence")
    func correctionsStayInTheCourse() async throws {
        // A school where "student" is also in a section of another course (another teacher's).
        try await withOwnApp(adjust: { data in
            guard let person = data.people.first(where: { $0.username == "student" }),
                let own = data.enrollments.first(where: { $0.personID == person.id && $0.role == .student }),
                let ownCourse = data.sections.first(where: { $0.id == own.sectionID })?.courseID,
                let ownFrameworks = data.courses.first(where: { $0.id == ownCourse })?.frameworkIDs,
                let section = data.sections.first(where: { section in
                    // A course on other frameworks (habits may be shared; the competency below is academic).
                    let frameworks = data.courses.first { $0.id == section.courseID }?.frameworkIDs ?? []
                    return !Set(ownFrameworks).subtracting(frameworks).isEmpty
                })
            else { return }
            data.enrollments.append(Enrollment(sectionID: section.id, personID: person.id, role: .student))
        }) { client, services in
            let store = services.store
            let student = try #require(try await store.credentials(username: "student")?.person)
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            var competency: Competency.ID?
            var other: Person?
            for section in try await store.sections(of: student.id, as: .student) {
                let teachers = try await store.members(of: section.id, as: .teacher)
                let curriculum = try await store.curriculum(course: section.courseID)
                if teachers.contains(where: { $0.id == teacher.id }) {
                    competency = curriculum.competencies.last { $0.kind == .academic }?.id
                } else {
                    other = teachers.first
                }
            }
            let competencyID = try #require(competency)
            let otherTeacher = try #require(other)
            let written = try await store.append(
                [.record(student: student.id, competency: competencyID, score: 2)], by: teacher.id, at: TestSchool.now)
            let event = try #require(written.events.first)
            let base =
                "/students/\(student.id.rawValue)/competencies/\(competencyID.rawValue)/evidence/\(event.id.rawValue)"
            var browser = TestBrowser(client)
            _ = try await browser.login(try #require(otherTeacher.username))
            // They teach the student, so they may record; changing another course's evidence is not theirs.
            #expect(try await browser.post("\(base)/exclude", [("reason", "not mine")]).status == .forbidden)
            #expect(
                try await browser.post("\(base)/correct", [("reason", "not mine"), ("score", "4")]).status
                    == .forbidden)
            #expect(try await store.events(student: student.id, competency: competencyID).last?.id == event.id)
            var own = TestBrowser(client)
            _ = try await own.login("teacher")
            #expect(try await own.post("\(base)/exclude", [("reason", "entered twice")]).status == .seeOther)
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("Pathways, playlists and next steps")
struct LearningTests {
    @Test("The next-steps API: unlocked competencies only, with reasons; the student, their guardian and teacher only")
    func nextStepsAPI() async throws {
        try await withApp { client, services in
            let store = services.store
            // A student no other test writes for: the last of the teacher's second section.
            let teacherPerson = try #require(try await store.credentials(username: "teacher")?.person)
            let section = try await store.sections(of: teacherPerson.id, as: .teacher)[1]
            let person = try #require(try await store.members(of: section.id, as: .student).last)
            let id = person.id.rawValue
            let teacher = try await APIClient.signIn(client, "teacher")
            let response = try await teacher.call("/api/v1/students/\(id)/next-steps")
            #expect(response.status == .ok)
            let steps = try #require(response.object["steps"] as? [[String: Any]])
            #expect(!steps.isEmpty)
            let records = try await store.records(student: person.id)
            let mastered = Set(records.filter { $0.value.mastered }.keys.map(\.rawValue))
            let edges = try await store.prerequisites()
            for step in steps {
                let competency = try #require(step["competencyId"] as? String)
                #expect(!mastered.contains(competency))
                let needs = edges.filter { $0.competency.rawValue == competency }.map(\.prerequisite.rawValue)
                #expect(needs.allSatisfy(mastered.contains), "\(competency) is locked")
                #expect((step["reason"] as? String)?.isEmpty == false)
            }
            let blocked = try #require(response.object["blocked"] as? [[String: Any]])
            #expect(
                blocked.allSatisfy {
                    ($0["blockedBy"] as? [String])?.isEmpty == false || $0["notYetOpen"] as? Bool == true
                })
            let guardianName = try #require(try await store.guardians(ofStudent: person.id).first?.username)
            let guardian = try await APIClient.signIn(client, guardianName)
            #expect(try await guardian.call("/api/v1/students/\(id)/next-steps").status == .ok)
            let own = try await APIClient.signIn(client, try #require(person.username))
            #expect(try await own.call("/api/v1/students/\(id)/next-steps").status == .ok)
            let classmate = try #require(
                try await store.members(of: section.id, as: .student).first { $0.id != person.id })
            #expect(try await own.call("/api/v1/students/\(classmate.id.rawValue)/next-steps").status == .forbidden)
            #expect(
                try await guardian.call("/api/v1/students/\(classmate.id.rawValue)/next-steps").status == .forbidden)
            let other = try await APIClient.signIn(client, "teacher5")
            #expect(try await other.call("/api/v1/students/\(id)/next-steps").status == .forbidden)
        }
    }

    @Test(
        "Next steps stay short: an activity covering several recommended competencies is shown once (later steps point to it); only the first step's playlist is open"
    )
    func playlistShownOnce() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let student = try #require(try await store.credentials(username: "student")?.person)
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let base = "/students/\(student.id.rawValue)"
            let api = try await APIClient.signIn(client, "student")
            func steps() async throws -> [[String: Any]] {
                try #require(try await api.call("/api/v1\(base)/next-steps").object["steps"] as? [[String: Any]])
            }
            let before = try await steps()
            try #require(before.count >= 3)
            let (first, second) = (before[0], before[1])
            let firstID = try #require(first["competencyId"] as? String)
            let secondID = try #require(second["competencyId"] as? String)
            // A teacher's activity on the first two recommendations, for the student's section.
            let teaching = Set(try await store.sections(of: teacher.id, as: .teacher).map(\.id))
            let section = try #require(
                try await store.sections(of: student.id, as: .student).first { teaching.contains($0.id) })
            let teacherAPI = try await APIClient.signIn(client, "teacher")
            let created = try await teacherAPI.call(
                "/api/v1/playlists", method: .post,
                json: [
                    "title": "Both at once", "sectionIds": [section.id.rawValue],
                    "items": [
                        ["title": "Rates and fractions mixed", "kind": "must", "competencyIds": [firstID, secondID]]
                    ],
                ])
            try #require(created.status == .created)
            let shared = try #require((created.object["items"] as? [[String: Any]])?.first?["id"] as? String)
            let after = try await steps()
            let listing = after.filter {
                ($0["items"] as? [[String: Any]] ?? []).contains { $0["itemId"] as? String == shared }
            }
            try #require(listing.count == 2, "the API lists the activity under both steps")

            var browser = TestBrowser(client)
            _ = try await browser.login("student")
            let page = try await browser.get("\(base)/next-steps").body
            #expect(page.components(separatedBy: "id=\"item-\(shared)\"").count == 2, "the activity is not shown once")
            #expect(page.contains("More activities for this: see step 1"))
            // Every item id on the page is unique, and later steps' playlists are folded away.
            let ids = page.components(separatedBy: "id=\"item-").dropFirst().map { $0.prefix { $0 != "\"" } }
            #expect(Set(ids).count == ids.count)
            #expect(page.components(separatedBy: "<details class=\"step-playlist\" open").count == 2)
            #expect(page.components(separatedBy: "<details class=\"step-playlist\"").count - 1 >= 3)
        }
    }

    @Test("A teacher assigns a playlist to students and to groups of a saved grouping")
    func assignToGroups() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let section = try await store.sections(of: teacher.id, as: .teacher)[0]
            let students = try await store.members(of: section.id, as: .student)
            let data = try await LearningData.load(sections: [section], store: store)
            let playlist = try #require(data.advisor.catalog.playlists.first)
            let grouping = Grouping(
                id: "g-test", sectionID: section.id, day: "2026-11-20", competencyIDs: playlist.competencyIDs,
                placements: [
                    .init(studentID: students[0].id, group: "Reteach 1", kind: .reteach, reason: "below"),
                    .init(studentID: students[1].id, group: "Reteach 1", kind: .reteach, reason: "below"),
                    .init(studentID: students[2].id, group: "Extend 1", kind: .extend, reason: "mastered"),
                ], createdAt: TestSchool.now)
            try await store.save(grouping, by: teacher.id)
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let base = "/sections/\(section.id.rawValue)"
            let map = try await browser.get("\(base)/pathway")
            #expect(map.body.contains("Reteach 1 — 2026-11-20") && map.body.contains("value=\"g-test|Reteach 1\""))
            let assigned = try await browser.post(
                "\(base)/assignments",
                [
                    ("playlist", playlist.id.rawValue), ("group", "g-test|Reteach 1"),
                    ("student", students[3].id.rawValue),
                ])
            #expect(assigned.status == .seeOther)
            for (index, student) in students.prefix(5).enumerated() {
                let has = try await store.assignedPlaylists(student: student.id).contains(playlist.id)
                #expect(has == [0, 1, 3].contains(index), "student \(index)")
            }
            let none = try await browser.post("\(base)/assignments", [("playlist", playlist.id.rawValue)])
            #expect(none.status == .unprocessableContent && none.body.contains("at least one student or group"))
            // Every must-do done: the map says the student is ready to take the checkpoint.
            let checkpoint = try #require(playlist.items.first { $0.kind == .checkpoint })
            var learner: Person?
            for student in students where learner == nil {
                let records = try await store.records(student: student.id)
                if playlist.competencyIDs.contains(where: { records[$0]?.mastered != true }) { learner = student }
            }
            let ready = try #require(learner)
            for item in playlist.items where item.isRequired && item.kind != .checkpoint && item.release == nil {
                try await store.setProgress(
                    .done, student: ready.id, item: item.id, playlist: playlist.id, by: ready.id, at: TestSchool.now)
            }
            let map2 = try await browser.get("\(base)/pathway")
            #expect(map2.body.contains("Ready for “\(checkpoint.title)”"))
            // Playlist activity counts as activity: over one day, that student is not stuck; the others are.
            let recent = try await browser.get("\(base)/pathway?days=1").body
            func row(_ id: Person.ID) -> Substring? {
                guard let start = recent.range(of: "data-student-id=\"\(id.rawValue)\"") else { return nil }
                return recent[start.upperBound...].split(separator: "</tr>").first
            }
            #expect(row(ready.id).map { !$0.contains("Stuck") } == true)
            let other = try #require(students.first { $0.id != ready.id })
            #expect(row(other.id)?.contains("Stuck: no evidence or playlist activity in 1 day<") == true)
        }
    }

    @Test("Working on an item of a locked competency is refused, saying what unlocks it")
    func lockedItem() async throws {
        // A school of its own: no other test records evidence that could unlock the competency meanwhile.
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let student = try #require(try await store.credentials(username: "student")?.person)
            let data = try await LearningData.load(student: student.id, store: store)
            let state = try await LearningData.state(of: student.id, store: store)
            let lockedIDs = Set(
                data.advisor.blocked(state, at: TestSchool.now).filter { !$0.blockers.isEmpty }.map(\.competency.id))
            let lockedItem = try #require(
                data.advisor.catalog.playlists.first { playlist in playlist.competencyIDs.allSatisfy(lockedIDs.contains)
                }?
                .items.first { $0.release == nil })
            var browser = TestBrowser(client)
            _ = try await browser.login("student")
            let locked = try await browser.post(
                "/students/\(student.id.rawValue)/items/\(lockedItem.id.rawValue)/start", [])
            #expect(locked.status == .unprocessableContent && locked.body.contains("is locked until you master"))
            #expect(try await store.progress(student: student.id)[lockedItem.id] == nil)
        }
    }

    @Test(
        "A student starts an item and hands in a checkpoint; the teacher scores it and the competency opens what follows"
    )
    func checkpointFlow() async throws {
        try await withApp { client, services in
            let store = services.store
            let student = try #require(try await store.credentials(username: "student")?.person)
            let section = try #require(try await store.sections(of: student.id, as: .student).first)
            // A next step that has a dependent, so mastering it unlocks something.
            let data = try await LearningData.load(student: student.id, store: store)
            let state = try await LearningData.state(of: student.id, store: store)
            let steps = data.advisor.advise(state, at: TestSchool.now, limit: 100)
            let graph = data.advisor.catalog.prerequisites
            let step = try #require(steps.first { !(graph.dependents[$0.competency.id] ?? []).isEmpty })
            let checkpoint = try #require(step.items.first { $0.item.kind == .checkpoint })
            let practice = try #require(step.items.first { $0.item.kind == .practice })

            var browser = TestBrowser(client)
            _ = try await browser.login("student")
            let page = try await browser.get("/students/\(student.id.rawValue)/next-steps")
            #expect(
                page.status == .ok && page.body.contains("What to do next") && page.body.contains(step.competency.code))
            let base = "/students/\(student.id.rawValue)/items"
            let started = try await browser.post("\(base)/\(practice.item.id.rawValue)/start", [])
            #expect(started.status == .seeOther)
            #expect(try await store.progress(student: student.id)[practice.item.id]?.status == .started)
            let refused = try await browser.post("\(base)/\(checkpoint.item.id.rawValue)/done", [])
            #expect(refused.status == .unprocessableContent)
            // Handing in carries work: with nothing written, linked or attached it is refused.
            #expect(
                try await browser.post("\(base)/\(checkpoint.item.id.rawValue)/submit", [("choice", "project")]).status
                    == .unprocessableContent)
            #expect(
                try await browser.post(
                    "\(base)/\(checkpoint.item.id.rawValue)/submit",
                    [("choice", "project"), ("text", "My project plan and answers.")]
                ).status == .seeOther)
            #expect(try await store.progress(student: student.id)[checkpoint.item.id]?.choice == .project)
            #expect(try await browser.post("\(base)/no-such-item/start", []).status == .notFound)

            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            let map = try await teacher.get("/sections/\(section.id.rawValue)/pathway")
            #expect(
                map.status == .ok && map.body.contains("Checkpoints to score")
                    && map.body.contains(checkpoint.item.title))
            #expect(map.body.contains("shown by: a project"))
            let before = try await store.events(student: student.id, competency: step.competency.id).count
            var mastered = false
            for _ in 0..<3 where !mastered {
                let scored = try await teacher.post(
                    "/sections/\(section.id.rawValue)/checkpoints",
                    [("student", student.id.rawValue), ("item", checkpoint.item.id.rawValue), ("score", "4")])
                #expect(scored.status == .seeOther)
                mastered = try await store.records(student: student.id)[step.competency.id]?.mastered == true
            }
            #expect(mastered)
            let events = try await store.events(student: student.id, competency: step.competency.id)
            #expect(events.count > before && events.last?.source == .checkpoint)
            #expect(try await store.progress(student: student.id)[checkpoint.item.id]?.score == 4)
            let after = data.advisor.advise(
                try await LearningData.state(of: student.id, store: store), at: TestSchool.now, limit: 100)
            #expect(!after.contains { $0.competency.id == step.competency.id })
            let blocked = data.advisor.blocked(
                try await LearningData.state(of: student.id, store: store), at: TestSchool.now)
            #expect(!blocked.contains { $0.blockers.contains(step.competency.id) })

            // A guardian reads but cannot act; another teacher cannot see the map.
            var guardian = TestBrowser(client)
            _ = try await guardian.login("guardian")
            #expect(try await guardian.get("/students/\(student.id.rawValue)/next-steps").status == .ok)
            #expect(try await guardian.post("\(base)/\(practice.item.id.rawValue)/done", []).status == .forbidden)
            var other = TestBrowser(client)
            _ = try await other.login("teacher5")
            #expect(try await other.get("/sections/\(section.id.rawValue)/pathway").status == .forbidden)
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("Playlists a teacher writes, work a student hands in, and the queue it is scored from")
struct PlaylistWorkTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: UInt8(7), count: 64))

    @Test(
        "A checkpoint released at Developing on one competency: refused (409, naming what opens it) until the student reaches it, then work with a photo is handed in, queued, scored on two competencies with feedback, and shown to the student"
    )
    func releaseHandInQueueAndScore() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let teacherAPI = try await APIClient.signIn(client, "teacher")
            let studentAPI = try await APIClient.signIn(client, "student")
            let outsider = try await APIClient.signIn(client, "teacher5")
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let student = try #require(try await store.credentials(username: "student")?.person)
            let section = try #require(try await store.sections(of: teacher.id, as: .teacher).first)
            let grid = try await SectionData.load(section.id, store: store).gradebook
            let records = try await store.records(student: student.id)
            // The release waits on a competency the student has not reached Developing (2) on.
            let gate = try #require(grid.competencies.first { (records[$0.id]?.levelValue ?? 0) < 2 })
            let scored = Array(grid.competencies.filter { $0.id != gate.id }.prefix(2))
            try #require(scored.count == 2)

            let created = try await teacherAPI.call(
                "/api/v1/playlists", method: .post,
                json: [
                    "title": "Ratios, one more time", "sectionIds": [section.id.rawValue],
                    "items": [
                        [
                            "title": "Warm-up set", "kind": "must", "competencyIds": [scored[0].id.rawValue],
                            "checkpoint": false, "minutes": 10,
                        ],
                        [
                            "title": "Show me: ratio tables", "kind": "must", "checkpoint": true,
                            "competencyIds": scored.map(\.id.rawValue),
                            "release": ["competencyId": gate.id.rawValue, "atLeast": 2],
                        ],
                    ],
                ])
            #expect(created.status == .created)
            let playlistID = try #require(created.object["id"] as? String)
            let items = try #require(created.object["items"] as? [[String: Any]])
            let checkpointID = try #require(items.last?["id"] as? String)
            #expect(items.last?["competencyIds"] as? [String] == scored.map(\.id.rawValue))
            // Read back; another school's teacher may not read it.
            #expect(
                try await teacherAPI.call("/api/v1/playlists/\(playlistID)").object["title"] as? String
                    == "Ratios, one more time")
            #expect(try await outsider.call("/api/v1/playlists/\(playlistID)").status == .forbidden)
            // A level that is not on the scale, and a competency the section does not assess, are refused by field.
            let badLevel = try await teacherAPI.call(
                "/api/v1/playlists", method: .post,
                json: [
                    "title": "x", "sectionIds": [section.id.rawValue],
                    "items": [
                        [
                            "title": "y", "kind": "must", "competencyIds": [gate.id.rawValue],
                            "release": ["competencyId": gate.id.rawValue, "atLeast": 99],
                        ]
                    ],
                ])
            #expect(badLevel.status == .unprocessableContent && badLevel.errorField == "items[0].release.atLeast")
            let assigned = try await teacherAPI.call(
                "/api/v1/playlists/\(playlistID)/assignments", method: .post,
                json: ["studentIds": [student.id.rawValue]])
            #expect(assigned.status == .ok)
            #expect(try await store.assignedPlaylists(student: student.id).contains(.init(playlistID)))

            let handIn: [String: Any] = [
                "itemId": checkpointID, "text": "My table doubles each row.",
                "files": [["name": "table.png", "content": Self.png.base64EncodedString()]],
            ]
            let locked = try await studentAPI.call(
                "/api/v1/students/\(student.id.rawValue)/submissions", method: .post, json: handIn)
            #expect(locked.status == .conflict)
            let lockedMessage = ((locked.object["error"] as? [String: Any])?["message"] as? String) ?? ""
            #expect(lockedMessage.contains("opens when you reach") && lockedMessage.contains(gate.code))

            try await store.append(
                [.record(student: student.id, competency: gate.id, score: 2, section: section.id)], by: teacher.id,
                at: TestSchool.now)
            let wrongType = try await studentAPI.call(
                "/api/v1/students/\(student.id.rawValue)/submissions", method: .post,
                json: ["itemId": checkpointID, "files": [["name": "run.exe", "content": "TVqQAAMAAAAEAAAA"]]])
            #expect(wrongType.status == .unsupportedMediaType)
            let tooBig = try await studentAPI.call(
                "/api/v1/students/\(student.id.rawValue)/submissions", method: .post,
                json: [
                    "itemId": checkpointID,
                    "files": [
                        [
                            "name": "huge.pdf",
                            "content": (Data("%PDF-1.7\n".utf8) + Data(count: WorkFileType.maxFileBytes))
                                .base64EncodedString(),
                        ]
                    ],
                ])
            #expect(tooBig.status == .contentTooLarge)
            #expect(try await store.submissions(students: [student.id]).isEmpty)

            let handed = try await studentAPI.call(
                "/api/v1/students/\(student.id.rawValue)/submissions", method: .post, json: handIn)
            #expect(handed.status == .created && handed.object["version"] as? Int == 1)
            let submissionID = try #require(handed.object["id"] as? String)
            let fileURL = try #require((handed.object["files"] as? [[String: Any]])?.first?["url"] as? String)

            let queue = try await teacherAPI.call("/api/v1/sections/\(section.id.rawValue)/queue")
            let waiting = try #require(queue.object["work"] as? [[String: Any]])
            #expect(waiting.compactMap { ($0["submission"] as? [String: Any])?["id"] as? String } == [submissionID])
            #expect(try await outsider.call("/api/v1/sections/\(section.id.rawValue)/queue").status == .forbidden)
            // The teacher is told, linked to the queue; another school's teacher is not.
            let queueURL = "/sections/\(section.id.rawValue)/queue"
            func told(_ api: APIClient) async throws -> [[String: Any]] {
                (try await api.call("/api/v1/me/notifications").object["items"] as? [[String: Any]] ?? [])
                    .filter { $0["url"] as? String == queueURL }
            }
            let notice = try await told(teacherAPI)
            #expect(notice.count == 1 && notice.first?["kind"] as? String == "work-waiting")
            #expect((notice.first?["text"] as? String)?.hasPrefix("1 piece of work waits for your feedback") == true)
            #expect(try await told(outsider).isEmpty)

            // The photo opens for the teacher (as a photo) and not for another school's teacher.
            var teacherBrowser = TestBrowser(client)
            _ = try await teacherBrowser.login("teacher")
            let photo = try await teacherBrowser.get(fileURL)
            #expect(photo.status == .ok && photo.headers[.contentType] == "image/png")
            var outsiderBrowser = TestBrowser(client)
            _ = try await outsiderBrowser.login("teacher5")
            #expect(try await outsiderBrowser.get(fileURL).status == .forbidden)
            // The teacher's home says what waits, and links to it.
            let home = try await teacherBrowser.get("/").body
            #expect(home.contains("1 piece of work to score"))
            // And who is ready for a checkpoint or stuck, as the pathway map counts them.
            let map = try await LearningRoutes(services: services).pathwayMap(
                section.id, viewer: teacher, stuckDays: 14, message: nil)
            let stuck = map.rows.filter(\.stuck).count
            let ready = map.rows.filter { !$0.ready.isEmpty }.count
            #expect(stuck == 0 || home.contains("\(stuck) with nothing new for two weeks"))
            #expect(ready == 0 || home.contains("\(ready) ready to take a checkpoint"))
            let queuePage = try await teacherBrowser.get("/sections/\(section.id.rawValue)/queue")
            #expect(queuePage.status == .ok && queuePage.body.contains("My table doubles each row."))

            let before = try await store.events(student: student.id, competency: scored[1].id).count
            let review = try await teacherAPI.call(
                "/api/v1/sections/\(section.id.rawValue)/queue/\(submissionID)/review", method: .post,
                json: [
                    "scores": [
                        ["competencyId": scored[0].id.rawValue, "level": 3],
                        ["competencyId": scored[1].id.rawValue, "level": 2],
                    ], "feedback": "Clear table; label the columns next time.",
                ])
            #expect(review.status == .ok)
            #expect(try await store.events(student: student.id, competency: scored[1].id).count == before + 1)
            #expect(
                try await store.events(student: student.id, competency: scored[0].id).last?.score == 3)
            #expect(
                (try await teacherAPI.call("/api/v1/sections/\(section.id.rawValue)/queue").object["work"] as? [Any])?
                    .isEmpty == true)
            // Scoring again is refused: it is no longer waiting.
            #expect(
                try await teacherAPI.call(
                    "/api/v1/sections/\(section.id.rawValue)/queue/\(submissionID)/review", method: .post,
                    json: ["feedback": "again"]
                ).status == .conflict)

            let mine = try await studentAPI.call("/api/v1/students/\(student.id.rawValue)/submissions")
            let latest = try #require((mine.object["submissions"] as? [[String: Any]])?.first)
            #expect(
                (latest["review"] as? [String: Any])?["feedback"] as? String
                    == "Clear table; label the columns next time.")
            var studentBrowser = TestBrowser(client)
            _ = try await studentBrowser.login("student")
            let page = try await studentBrowser.get("/students/\(student.id.rawValue)/next-steps")
            #expect(page.body.contains("Clear table; label the columns next time."))
            // The student features the scored work in their conference report: the work shows with it.
            let scoredEvent = try #require(try await store.events(student: student.id, competency: scored[0].id).last)
            #expect(
                try await studentBrowser.post(
                    "/students/\(student.id.rawValue)/conference/picks", [("evidence", scoredEvent.id.rawValue)]
                ).status == .seeOther)
            let conference = try await studentBrowser.get("/students/\(student.id.rawValue)/conference")
            #expect(conference.body.contains("My table doubles each row.") && conference.body.contains(fileURL))
            // The backpack carries the scored work, its scores and feedback — and, featured, the photo itself.
            let backpack = try await studentAPI.call("/api/v1/students/\(student.id.rawValue)/backpack")
            let work = try #require(
                (backpack.object["work"] as? [[String: Any]])?.first { $0["id"] as? String == submissionID })
            #expect(work["featured"] as? Bool == true && work["text"] as? String == "My table doubles each row.")
            #expect(work["feedback"] as? String == "Clear table; label the columns next time.")
            #expect((work["scores"] as? [[String: Any]])?.count == 2)
            let carried = try #require((work["files"] as? [[String: Any]])?.first)
            #expect(carried["mediaType"] as? String == "image/png" && carried["name"] as? String == "table.png")
            #expect(carried["content"] as? String == Self.png.base64EncodedString())
            // After feedback the student adds to the work: a new version, queued with the earlier one and its
            // feedback beside it.
            let again = try await studentAPI.call(
                "/api/v1/students/\(student.id.rawValue)/submissions", method: .post,
                json: ["itemId": checkpointID, "text": "Labelled the columns: x and 2x."])
            #expect(again.status == .created && again.object["version"] as? Int == 2)
            let requeued = try await teacherBrowser.get("/sections/\(section.id.rawValue)/queue").body
            let earlierStart = try #require(requeued.range(of: "<h3>Before</h3>"))
            let now = try #require(requeued.range(of: "<h3>Now</h3>"))
            #expect(earlierStart.upperBound < now.lowerBound)
            let earlier = String(requeued[earlierStart.upperBound..<now.lowerBound])
            #expect(earlier.contains("My table doubles each row.") && earlier.contains("Feedback given"))
            #expect(earlier.contains("Clear table; label the columns next time."))
            #expect(requeued[now.upperBound...].contains("Labelled the columns: x and 2x."))
        }
    }

    @Test(
        "A teacher builds a playlist in the browser, adds and moves items, assigns it to a group, copies and retires it"
    )
    func authoringPages() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let sections = try await store.sections(of: teacher.id, as: .teacher)
            let section = try #require(sections.first)
            let competency = try #require(
                try await SectionData.load(section.id, store: store).gradebook.competencies.first)
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let base = "/sections/\(section.id.rawValue)/playlists"
            #expect(try await browser.get(base).body.contains("New playlist"))
            // Without a title, refused naming the field; nothing saved.
            let untitled = try await browser.post(
                base, [("title", " "), ("item-title", "Read"), ("item-competency", competency.id.rawValue)])
            #expect(untitled.status == .unprocessableContent)
            let made = try await browser.post(
                base,
                [
                    ("title", "Fractions lab"), ("item-title", "Watch the video"), ("item-activity", "resource"),
                    ("item-kind", "may"), ("item-minutes", "8"), ("item-url", "https://example.org/video"),
                    ("item-competency", competency.id.rawValue),
                ])
            #expect(made.status == .seeOther)
            let location = try #require(made.location?.split(separator: "?").first.map(String.init))
            let id = Playlist.ID(String(try #require(location.split(separator: "/").last)))
            _ = try await browser.post(
                "\(location)/items",
                [
                    ("item-title", "Checkpoint"), ("item-activity", "checkpoint"), ("item-kind", "must"),
                    ("item-competency", competency.id.rawValue),
                ])
            var playlist = try #require(try await store.playlist(id))
            #expect(playlist.items.map(\.title) == ["Watch the video", "Checkpoint"])
            #expect(playlist.items.first?.url == "https://example.org/video" && playlist.authorID == teacher.id)
            _ = try await browser.post("\(location)/items/\(playlist.items[1].id.rawValue)/up", [])
            playlist = try #require(try await store.playlist(id))
            #expect(playlist.items.map(\.title) == ["Checkpoint", "Watch the video"])

            // An item changed in place (same id), to open only after a weak result on the checkpoint.
            let video = playlist.items[1]
            let checkpointID = playlist.items[0].id
            #expect(try await browser.get("\(location)?edit=\(video.id.rawValue)").body.contains("Change an item"))
            let changed = try await browser.post(
                "\(location)/items/\(video.id.rawValue)/edit",
                [
                    ("item-title", "Watch it again"), ("item-activity", "resource"), ("item-kind", "may"),
                    ("item-competency", competency.id.rawValue), ("release-checkpoint", checkpointID.rawValue),
                    ("release-result", "atmost:2.00"),
                ])
            #expect(changed.status == .seeOther)
            playlist = try #require(try await store.playlist(id))
            #expect(playlist.items[1].id == video.id && playlist.items[1].title == "Watch it again")
            #expect(playlist.items[1].release == .checkpoint(checkpointID, lowest: nil, highest: 2))
            // It cannot open on its own result.
            let itself = try await browser.post(
                "\(location)/items/\(checkpointID.rawValue)/edit",
                [
                    ("item-title", "Checkpoint"), ("item-activity", "checkpoint"),
                    ("item-competency", competency.id.rawValue), ("release-checkpoint", checkpointID.rawValue),
                    ("release-result", "atleast:3.00"),
                ])
            #expect(itself.status == .unprocessableContent)

            // A saved grouping's group gets it.
            let students = try await store.members(of: section.id, as: .student)
            let grouping = Grouping(
                id: "grp-test", sectionID: section.id, day: "2026-12-08", competencyIDs: [competency.id],
                placements: students.prefix(3).map {
                    .init(studentID: $0.id, group: "Reteach", kind: .reteach, reason: "test")
                },
                createdAt: TestSchool.now)
            try await store.save(grouping, by: teacher.id)
            #expect(try await browser.post("\(location)/assign", [("group", "grp-test|Reteach")]).status == .seeOther)
            for student in students.prefix(3) {
                #expect(try await store.assignedPlaylists(student: student.id).contains(id))
            }
            if sections.count > 1 {
                let copied = try await browser.post("\(location)/duplicate", [("section", sections[1].id.rawValue)])
                #expect(copied.status == .seeOther || copied.status == .unprocessableContent)
            }
            #expect(try await browser.post("\(location)/retire", []).status == .seeOther)
            #expect(try await store.playlist(id)?.isRetired == true)
            #expect(!(try await browser.get(base).body.contains("Fractions lab")))
            // Another school's teacher cannot change it.
            var outsider = TestBrowser(client)
            _ = try await outsider.login("teacher5")
            #expect(
                try await outsider.post("\(location)/items/\(playlist.items[0].id.rawValue)/down", []).status
                    == .forbidden)
        }
    }
}

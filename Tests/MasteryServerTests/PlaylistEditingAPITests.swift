import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("Changing playlists and writing pathways through the JSON API")
struct PlaylistEditingAPITests {
    @Test("Reorder, change and remove items, copy and retire a playlist; write the course's pathway whole")
    func editing() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let api = try await APIClient.signIn(client, "teacher")
            let outsider = try await APIClient.signIn(client, "teacher5")
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let section = try #require(try await store.sections(of: teacher.id, as: .teacher).first)
            let competencies = try await store.curriculum(course: section.courseID).leafCompetencies
                .filter { $0.kind == .academic }
            let (a, b) = (competencies[0].id.rawValue, competencies[1].id.rawValue)
            let created = try await api.call(
                "/api/v1/playlists", method: .post,
                json: [
                    "title": "Two steps", "sectionIds": [section.id.rawValue],
                    "items": [
                        ["title": "Read", "kind": "may", "competencyIds": [a]],
                        ["title": "Check", "kind": "must", "checkpoint": true, "competencyIds": [a, b]],
                    ],
                ])
            let id = try #require(created.object["id"] as? String)
            let items = try #require(created.object["items"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            let path = "/api/v1/playlists/\(id)"

            let partial = try await api.call(path, method: .patch, json: ["itemOrder": [items[1]]])
            #expect(partial.status == .unprocessableContent && partial.errorField == "itemOrder")
            let reordered = try await api.call(path, method: .patch, json: ["itemOrder": Array(items.reversed())])
            #expect(
                (reordered.object["items"] as? [[String: Any]])?.compactMap { $0["title"] as? String } == [
                    "Check", "Read",
                ])
            // The reading opens only after a weak checkpoint result.
            let changed = try await api.call(
                "\(path)/items/\(items[0])", method: .put,
                json: [
                    "title": "Read again", "kind": "must", "competencyIds": [a],
                    "release": ["checkpointId": items[1], "atMost": 2],
                ])
            #expect(changed.status == .ok)
            let stored = try #require(try await store.playlist(.init(id)))
            #expect(stored.item(.init(items[0]))?.release == .checkpoint(.init(items[1]), lowest: nil, highest: 2))
            #expect(try await outsider.call("\(path)/items/\(items[0])", method: .delete).status == .forbidden)
            let removed = try await api.call("\(path)/items/\(items[0])", method: .delete)
            #expect((removed.object["items"] as? [Any])?.count == 1)
            let copy = try await api.call("\(path)/copies", method: .post, json: ["sectionId": section.id.rawValue])
            #expect(copy.status == .created && copy.object["id"] as? String != id)
            let retired = try await api.call(path, method: .patch, json: ["retired": true])
            #expect(retired.object["retired"] as? Bool == true)

            // The course's pathway, written whole: a step and a branch, teacher-paced with one step opened.
            let pathway = "/api/v1/sections/\(section.id.rawValue)/pathway"
            let twice = try await api.call(
                pathway, method: .put,
                json: [
                    "title": "Route", "pacing": "teacher-paced",
                    "steps": [["competencyIds": [a]], ["competencyIds": [a]]],
                ])
            #expect(twice.status == .unprocessableContent && twice.errorField == "steps[1].competencyIds")
            let written = try await api.call(
                pathway, method: .put,
                json: [
                    "title": "Route", "pacing": "teacher-paced", "openedSteps": 1,
                    "steps": [
                        ["competencyIds": [a], "targetDate": "2027-01-15"],
                        ["competencyIds": [b, competencies[2].id.rawValue]],
                    ],
                ])
            #expect(written.status == .ok)
            let read = try await api.call(pathway)
            #expect(read.object["pacing"] as? String == "teacher-paced" && read.object["openedSteps"] as? Int == 1)
            #expect((read.object["steps"] as? [[String: Any]])?.first?["targetDate"] as? String == "2027-01-15")
            #expect(
                try await outsider.call(
                    pathway, method: .put, json: ["title": "x", "pacing": "self-paced", "steps": []]
                ).status == .forbidden)
        }
    }
}

import Foundation
import HTTPTypes
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

/// Cached gradebooks scale with the district: evidence moves only the versions of its student's sections, so a
/// teacher recording in one section leaves every other section's cache valid; anything else moves the
/// district-wide version. No page is ever stale after an acknowledged write.
@Suite("Change versions per section")
struct ChangeVersionTests {
    @Test("Evidence elsewhere leaves a section's versions alone; evidence in it moves only it; other writes move all")
    func versions() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let teacher5 = try #require(try await store.person(username: "teacher5"))
            let far = try #require(try await store.sections(of: teacher5.id, as: .teacher).first)
            let farStudent = try #require(try await store.members(of: far.id, as: .student).first)
            let farCompetency = try #require(
                try await store.curriculum(course: far.courseID).leafCompetencies.first { $0.kind == .academic })
            let here = try #require(try await store.members(of: "sec-1", as: .student).first)
            let sectionOne = try #require(try await store.section("sec-1"))
            let hereCompetency = try #require(
                try await store.curriculum(course: sectionOne.courseID).leafCompetencies.first { $0.kind == .academic })
            #expect(!(try await store.members(of: far.id, as: .student)).contains { $0.id == here.id })

            let global = try await store.changeVersion()
            let sec1 = try await store.sectionVersion("sec-1")
            let farVersion = try await store.sectionVersion(far.id)

            let other = try await APIClient.signIn(client, "teacher5")
            let recorded = try await other.call(
                "/api/v1/evidence", method: .post,
                json: ["studentId": farStudent.id.rawValue, "competencyId": farCompetency.id.rawValue, "score": 3])
            #expect(recorded.status == .created)
            #expect(try await store.sectionVersion("sec-1") == sec1)
            #expect(try await store.changeVersion() == global)
            #expect(try await store.sectionVersion(far.id) > farVersion)

            // Evidence in sec-1: its version moves, and the gradebook shows it at once (never stale).
            let api = try await APIClient.signIn(client, "teacher")
            let before = try await api.call("/api/v1/sections/sec-1/gradebook")
            func count(_ result: APIClient.Result) -> Int? {
                (result.object["cells"] as? [[String: Any]])?.first {
                    $0["studentId"] as? String == here.id.rawValue
                        && $0["competencyId"] as? String == hereCompetency.id.rawValue
                }?["evidenceCount"] as? Int
            }
            let countBefore = try #require(count(before))
            let mine = try await api.call(
                "/api/v1/evidence", method: .post,
                json: ["studentId": here.id.rawValue, "competencyId": hereCompetency.id.rawValue, "score": 3])
            #expect(mine.status == .created)
            #expect(try await store.sectionVersion("sec-1") > sec1)
            #expect(try await store.changeVersion() == global)
            #expect(count(try await api.call("/api/v1/sections/sec-1/gradebook")) == countBefore + 1)

            // Anything else (here a section's calculation setting) moves the district-wide version.
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            _ = try await browser.post("/sections/sec-1/settings", [("method", "framework")])
            #expect(try await store.changeVersion() > global)
        }
    }

    @Test("The gradebook page keeps what evidence cannot change and reads it again after any other write")
    func pageFrame() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let first = try await browser.get("/sections/sec-1")
            #expect(first.status == .ok)
            #expect(
                !first.body.contains("(this section&#39;s choice)") && !first.body.contains("(this section's choice)"))
            // Evidence: the page changes at once (its records are read again), its frame stays.
            let here = try #require(try await services.store.members(of: "sec-1", as: .student).first)
            let section = try #require(try await services.store.section("sec-1"))
            let competency = try #require(
                try await services.store.curriculum(course: section.courseID).leafCompetencies.first {
                    $0.kind == .academic
                })
            let api = try await APIClient.signIn(client, "teacher")
            for score in [4, 4, 4] {
                let recorded = try await api.call(
                    "/api/v1/evidence", method: .post,
                    json: ["studentId": here.id.rawValue, "competencyId": competency.id.rawValue, "score": score])
                #expect(recorded.status == .created)
            }
            let second = try await browser.get("/sections/sec-1")
            #expect(second.body != first.body)
            // A section's own calculation is part of the frame: the next view names it.
            _ = try await browser.post("/sections/sec-1/settings", [("method", "mean"), ("minimum", "1")])
            let third = try await browser.get("/sections/sec-1")
            #expect(third.body.contains("this section&#39;s choice") || third.body.contains("this section's choice"))
        }
    }

    @Test(
        "Only a gradebook's paths name the section whose version is read with the sign-in",
        arguments: [
            ("/sections/sec-1", "sec-1"), ("/api/v1/sections/sec-1/gradebook", "sec-1"),
            ("/sections/sec-1/settings", nil),
            ("/sections/", nil), ("/api/v1/sections/sec-1", nil), ("/students/sec-1", nil),
            ("/api/v1/sections//gradebook", nil),
        ] as [(String, String?)])
    func gradebookPaths(_ path: String, _ section: String?) {
        #expect(AuthMiddleware.gradebookSection(path)?.rawValue == section)
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("Teachers write a course's pathway: steps, branches, dates, and opening steps by hand")
struct PathwayEditorTests {
    @Test("Create a teacher-paced pathway, add a step and a branch, refuse a repeat, reorder, open the next step")
    func editor() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let section = try #require(try await store.sections(of: teacher.id, as: .teacher).first)
            let competencies = try await store.curriculum(course: section.courseID).leafCompetencies
            try #require(competencies.count >= 3)
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let base = "/sections/\(section.id.rawValue)/pathway/edit"
            #expect(try await browser.get(base).status == .ok)
            // The demo course has a pathway already: retitle it teacher-paced, then build steps on it.
            var pathway = try #require(try await store.pathways(courses: [section.courseID]).first)
            for _ in pathway.steps { _ = try await browser.post("\(base)/steps/0/remove", []) }
            #expect(
                try await browser.post("\(base)/settings", [("title", "Our route"), ("pacing", "teacher-paced")]).status
                    == .seeOther)
            _ = try await browser.post("\(base)/step", [("competency", competencies[0].id.rawValue)])
            _ = try await browser.post(
                "\(base)/step",
                [("competency", competencies[1].id.rawValue), ("competency", competencies[2].id.rawValue)])
            let repeated = try await browser.post("\(base)/step", [("competency", competencies[0].id.rawValue)])
            #expect(repeated.status == .unprocessableContent && repeated.body.contains("already a step"))
            pathway = try #require(try await store.pathways(courses: [section.courseID]).first)
            #expect(pathway.title == "Our route" && pathway.pacing == .teacherPaced)
            #expect(pathway.steps.map(\.competencyIDs.count) == [1, 2])
            _ = try await browser.post("\(base)/steps/1/up", [])
            pathway = try #require(try await store.pathways(courses: [section.courseID]).first)
            #expect(pathway.steps.first?.isBranch == true)
            // Without dates only the first step is open until the teacher opens the next.
            #expect(pathway.lastOpenStep(at: TestSchool.now) == 0)
            #expect(try await browser.get(base).body.contains("Open the next step"))
            _ = try await browser.post("\(base)/open", [])
            pathway = try #require(try await store.pathways(courses: [section.courseID]).first)
            #expect(pathway.lastOpenStep(at: TestSchool.now) == 1)
            #expect(try await store.auditLog(limit: 20).contains { $0.action == "pathway.open" })
            // Another school's teacher may not change it.
            var outsider = TestBrowser(client)
            _ = try await outsider.login("teacher5")
            #expect(try await outsider.post("\(base)/open", []).status == .forbidden)
        }
    }
}

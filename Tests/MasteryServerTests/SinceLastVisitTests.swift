import Foundation
import HTTPTypes
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

/// A family's home says what changed since their previous visit: the competencies with new evidence, in the
/// child's "I can" words, with the level now.
@Suite("What changed since a family's last visit")
struct SinceLastVisitTests {
    @Test("The family's home lists what is new since their previous sign-in, in their language")
    func sinceLastVisit() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            // A first visit knows no previous one: the last two weeks.
            var first = TestBrowser(client)
            _ = try await first.login("guardian")
            #expect(try await first.get("/").body.contains("In the last two weeks"))
            // The next visit counts from the first: nothing new yet.
            var second = TestBrowser(client)
            _ = try await second.login("guardian")
            let quiet = try await second.get("/")
            #expect(quiet.body.contains("Since your last visit on"))
            #expect(quiet.body.contains("No new evidence since then."))
            // A teacher records evidence: the family's home names the competency, its level now, one new piece.
            let guardian = try #require(try await store.credentials(username: "guardian")?.person)
            let child = try #require(try await store.children(ofGuardian: guardian.id).first)
            let section = try #require(try await store.sections(of: child.id, as: .student).first)
            let competency = try #require(
                try await store.curriculum(course: section.courseID).leafCompetencies.first { $0.kind == .academic })
            let teacher = try #require(try await store.members(of: section.id, as: .teacher).first)
            _ = try await store.append(
                [.record(student: child.id, competency: competency.id, score: 3, observedAt: TestSchool.now)],
                by: teacher.id, at: TestSchool.now)
            let news = try await second.get("/")
            let list = try #require(news.body.components(separatedBy: "since-visit").last)
            #expect(list.contains("“\(competency.title)”") || list.contains("“\(HTMLEscaping.text(competency.title))”"))
            #expect(list.contains("1 new piece of evidence"))
            #expect(!list.contains("No new evidence since then."))
            // In Spanish.
            let spanish = try await second.get("/?lang=es")
            #expect(spanish.body.contains("Desde tu última visita") && spanish.body.contains("1 evidencia nueva"))
        }
    }
}

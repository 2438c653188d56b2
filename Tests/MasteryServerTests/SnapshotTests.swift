import Foundation
import MasteryCore
import MasteryStore
import Plot
import Testing

@testable import MasteryServer

/// The gradebook, the drill-down and a student's tracker rendered from the deterministic demo school, compared with the HTML kept
/// in `Snapshots/`. A change to the markup shows up here as a diff to review; to accept it, run the tests
/// with MASTERLY_RECORD_SNAPSHOTS=1 and commit the new files.
@Suite("HTML snapshots")
struct SnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let recording = ProcessInfo.processInfo.environment["MASTERLY_RECORD_SNAPSHOTS"] == "1"

    func check(_ html: String, _ name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        // One element per line, so a difference is readable.
        let text = html.replacingOccurrences(of: "><", with: ">\n<") + "\n"
        if Self.recording {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try #require(
            try? String(contentsOf: url, encoding: .utf8),
            "no snapshot \(name): run the tests with MASTERLY_RECORD_SNAPSHOTS=1 to record it")
        if expected != text {
            let mine = text.split(separator: "\n", omittingEmptySubsequences: false)
            let theirs = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(mine, theirs)).firstIndex { $0.0 != $0.1 } ?? min(mine.count, theirs.count)
            Issue.record(
                "\(name) differs at line \(line + 1):\n  now:      \(line < mine.count ? mine[line] : "(end)")\n  snapshot: \(line < theirs.count ? theirs[line] : "(end)")"
            )
        }
    }

    /// A section no other test writes to (the second teacher's).
    func section(_ store: Store) async throws -> SectionData {
        let teacher = try #require(try await store.credentials(username: "teacher2")?.person)
        let section = try #require(try await store.sections(of: teacher.id, as: .teacher).last)
        return try await SectionData.load(section.id, store: store)
    }

    @Test("The gradebook's markup")
    func gradebook() async throws {
        let services = try await TestSchool.shared.services()
        let data = try await section(services.store)
        let page = SectionPage(
            section: data.section, courseTitle: data.course.title, teachers: data.teachers, gradebook: data.gradebook,
            totalStudents: data.gradebook.rows.count, curriculum: data.curriculum, policySummary: data.policySummary,
            canRecord: true)
        try check(page.content.render(), "gradebook.html")
    }

    @Test("The drill-down's markup")
    func drillDown() async throws {
        let services = try await TestSchool.shared.services()
        let store = services.store
        let data = try await section(store)
        let student = try #require(data.students.first)
        let competency = try #require(data.gradebook.competencies.first)
        let (policy, scale) = try await store.policy(student: student.id, competency: competency.id)
        let evidence = try await store.evidence(student: student.id)[competency.id] ?? []
        let page = CompetencyPage(
            student: student, competency: competency, curriculum: data.curriculum, scale: scale, policy: policy,
            evidence: evidence, explanation: MasteryEngine.explain(evidence: evidence, policy: policy, scale: scale),
            comparison: MasteryEngine.compareMethods(evidence: evidence, policy: policy, scale: scale, tracing: nil),
            canRecord: false, message: nil, formError: nil)
        try check(
            page.render(PageContext(user: nil, csrfToken: "snapshot", path: "/snapshot")).render(), "drill-down.html")
    }

    @Test("The student tracker's markup")
    func tracker() async throws {
        let services = try await TestSchool.shared.services()
        let data = try await section(services.store)
        let student = try #require(data.students.first)
        let page = try await StudentRoutes(services: services).trackerPage(student, viewer: student)
        try check(
            page.render(PageContext(user: nil, csrfToken: "snapshot", path: "/snapshot")).render(), "tracker.html")
    }
}

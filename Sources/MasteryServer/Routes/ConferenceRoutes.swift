import Foundation
import Hummingbird
import MasteryCore
import MasteryStore
import NIOCore

/// The student-led conference report: a printable page the student presents (strengths, growth charts,
/// goals, the evidence and reflections they chose to feature, next steps).
struct ConferenceRoutes {
    let services: AppServices
    var store: Store { services.store }

    func register(on router: Router<AppRequestContext>) {
        router.get("/students/{id}/conference") { request, context in
            let scope = try await StudentScope.load(context, .viewStudentRecord, store: store)
            let page = try await conferencePage(
                scope, message: request.uri.queryParameters["saved"].map { _ in "Saved." })
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.get("/assets/print.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Self.printScript)))
        }
        router.post("/students/{id}/conference/picks") { _, context in
            let scope = try await StudentScope.load(context, .writeStudentVoice, store: store)
            let evidence = Set(try await store.evidence(student: scope.student.id).values.joined().map(\.id))
            let picks = Set(context.form.all("evidence").map { EvidenceEvent.ID($0) }).intersection(evidence)
            try await store.setConferencePicks(
                picks, student: scope.student.id, by: scope.user.id, at: services.clock())
            return HTMLResponse.redirect("\(scope.base)/conference?saved=1")
        }
    }

    /// Shows the page's Print buttons (hidden without script) in place of the hint, and prints when one is
    /// pressed.
    static let printScript = """
        document.querySelectorAll('[data-print]').forEach(function (button) {
          button.hidden = false;
          button.addEventListener('click', function () { window.print(); });
        });
        document.querySelectorAll('.print-hint').forEach(function (hint) { hint.hidden = true; });
        """

    /// The school and the student's current classes, with their teachers, for the report's header.
    func header(_ student: Person) async throws -> ConferencePage.Header {
        var header = ConferencePage.Header(school: try await store.organization(student.organizationID)?.name)
        let today = Section.isoDay(services.clock())
        for section in try await store.sections(of: student.id, as: .student) where !section.isArchived(today: today) {
            guard let course = try await store.course(section.courseID) else { continue }
            let teachers = try await store.members(of: section.id, as: .teacher).map(\.displayName)
            header.classes.append(
                .init(course: course.title, section: section.name, term: section.term, teachers: teachers))
        }
        header.classes.sort { ($0.course, $0.section) < ($1.course, $1.section) }
        return header
    }

    func conferencePage(_ scope: StudentScope, message: String?) async throws -> ConferencePage {
        let id = scope.student.id
        let now = services.clock()
        let (competencies, curriculum) = try await StudentCompetencies.load(id, store: store)
        let records = try await store.records(student: id)
        let evidence = try await store.evidence(student: id)
        let picks = try await store.conferencePicks(student: id)
        let featured = evidence.values.joined().filter { picks.contains($0.id) }.sorted {
            $0.observedAt < $1.observedAt
        }
        // Charts: the competencies of the featured evidence, else the three with the most evidence.
        var chartIDs: [Competency.ID] = []
        for piece in featured where !chartIDs.contains(piece.competencyID) { chartIDs.append(piece.competencyID) }
        if chartIDs.isEmpty {
            chartIDs = competencies.filter { $0.kind == .academic }
                .sorted { (evidence[$0.id]?.count ?? 0, $1.code) > (evidence[$1.id]?.count ?? 0, $0.code) }
                .prefix(3).map(\.id)
        }
        var charts: [ConferencePage.Chart] = []
        for competencyID in chartIDs.prefix(4) {
            guard let competency = curriculum.competency(competencyID) else { continue }
            let (policy, scale) = try await store.policy(student: id, competency: competencyID)
            var points: [GrowthChart.Point] = []
            var scores: [Double] = []
            for piece in evidence[competencyID] ?? [] {
                guard let score = piece.score else { continue }
                scores.append(score)
                points.append(
                    .init(
                        date: piece.observedAt, score: score,
                        running: MasteryCalculator.value(
                            of: scores, method: policy.method, scale: scale.calculationScale)))
            }
            charts.append(.init(competency: competency, points: points, scale: scale))
        }
        let strengths = competencies.filter { records[$0.id]?.mastered == true }
            .sorted { (records[$0.id]?.value ?? 0, $1.code) > (records[$1.id]?.value ?? 0, $0.code) }
        let learning = try await LearningData.load(student: id, store: store)
        let state = try await LearningData.state(of: id, store: store)
        let reflections = ReflectionRoutes.visible(try await store.reflections(student: id), in: scope)
        return ConferencePage(
            student: scope.student, isOwn: scope.isOwn, strengths: Array(strengths.prefix(6)), charts: charts,
            goals: try await store.goals(student: id).filter { !$0.withdrawn }, records: records, featured: featured,
            allEvidence: evidence.values.joined().sorted { $0.observedAt > $1.observedAt }, picks: picks,
            reflections: reflections, nextSteps: learning.advisor.advise(state, at: now, limit: 3),
            curriculum: curriculum, now: now, message: message,
            work: try await store.submissions(behind: featured.map(\.id)), header: try await header(scope.student))
    }
}

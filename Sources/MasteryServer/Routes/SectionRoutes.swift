import Foundation
import HTTPTypes
import Hummingbird
import MasteryCore
import MasteryInterop
import MasteryStore
import Plot

/// A section's gradebook page and its CSV export.
struct SectionRoutes {
    let services: AppServices
    var authorizer: Authorizer { Authorizer(store: services.store) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/sections/{id}") { request, context in
            let user = try context.requireUser()
            let id = Section.ID(try context.parameters.require("id"))
            // The gradebook is the same for every teacher of the section until the data changes: it is rendered
            // once per change version (read before the data, so a concurrent change is never cached as current),
            // and the whole page once per viewer, kept with its gzip encoding. A viewer's page is kept only once
            // they were allowed to see it, and every change to who may see what is a change to the version: a
            // page found for this viewer at this version was authorized on the same data.
            let version = try await services.changeVersion(context)
            // Evidence moves only its students' sections' versions: a write in another section keeps this cache.
            let sectionVersion = try await services.sectionVersion(id, context)
            // A section's term can end without a write: the day is part of every key.
            let today = Section.isoDay(services.clock())
            // The page's frame is in the reader's language, which a cookie or the browser can change without a write.
            let pageKey =
                "gradebook-page|\(id.rawValue)|v\(sectionVersion)|\(request.uri.query ?? "")|\(user.id.rawValue)|"
                + "\(context.csrfToken)|\(request.uri.path)|\(today)|\(context.translator.code)"
            if let body = await services.bodies.value(pageKey, version: version) {
                services.metrics.countGradebook(hit: true)
                return body.response(for: request)
            }
            services.metrics.countGradebook(hit: false)
            let services = services
            // The viewer's page, once however many of their requests arrive while it is made (single flight).
            let body = try await services.bodies.value(pageKey, version: version) {
                let canRecord = try await Authorizer(store: services.store, today: services.clock).require(
                    user, .viewGradebook, section: id, answering: .recordEvidence)
                let fragment = try await Self.fragment(
                    id, sectionVersion: sectionVersion, request: request, canRecord: canRecord, today: today,
                    version: version, services: services)
                let frame = Layout.page(
                    fragment.title, PageContext(context, path: request.uri.path), wide: true, .raw(Splice.marker)
                ).render()
                let html = Splice.place(fragment.html, into: frame)
                return CachedBody(html.utf8, contentType: "text/html; charset=utf-8")
            }
            return body.response(for: request)
        }
        router.get("/sections/{id}/gradebook.csv") { request, context in
            let user = try context.requireUser()
            let id = Section.ID(try context.parameters.require("id"))
            try await authorizer.require(user, .viewGradebook, section: id)
            let data = try await SectionData.load(id, store: services.store)
            let csv = GradebookCSV.export(data.gradebook)
            let name = data.section.name.filter { $0.isLetter || $0.isNumber || $0 == " " }.replacingOccurrences(
                of: " ", with: "-")
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"gradebook-\(name).csv\"",
                ],
                body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
    }

    /// The section's gradebook for its teachers (the same for each of them), rendered once per section version,
    /// change version and filter however many viewers ask at once (single flight).
    static func fragment(
        _ id: Section.ID, sectionVersion: Int64, request: Request, canRecord: Bool, today: String, version: Int64,
        services: AppServices
    ) async throws -> PageFragment {
        let key =
            "gradebook-fragment|\(id.rawValue)|v\(sectionVersion)|\(canRecord)|\(request.uri.query ?? "")|\(today)"
        let store = services.store
        let frames = services.frames
        let records = services.sectionRecords
        // One render per key and version, however many viewers arrive at once (single flight).
        let metrics = services.metrics
        let fragment = try await services.fragments.value(key, version: version) {
            try await metrics.timeRender {
                try await renderFragment()
            }
        }
        @Sendable func renderFragment() async throws -> PageFragment {
            // Evidence moves only the section's version: the rest of the page's data is kept under the change
            // version, and only the records are read again.
            let frame = try await frames.value("section-frame|\(id.rawValue)", version: version) {
                try await SectionFrame.load(id, store: store)
            }
            let query = request.uri.queryParameters
            func value(_ key: String) -> String? {
                query[Substring(key)].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            }
            // As the gradebook stood on a past date (`?asOf=`): recomputed from the log, nothing kept.
            let asOf = try SectionGrades.asOf(value("asOf"))
            let snapshot = try await records.snapshot(frame, changeVersion: version, store: store)
            var shown = snapshot.records
            if let asOf { shown = try await SectionGrades.pastRecords(frame, period: nil, asOf: asOf, store: store) }
            let data = SectionData.load(frame, records: shown)
            var filter = GradebookFilter(
                strand: value("strand").map { Strand.ID($0) },
                kind: value("kind").flatMap(CompetencyKind.init(rawValue:)),
                level: value("level").flatMap(Double.init), notYetAssessed: value("assessed") == "not-yet")
            if let sort = value("sort"), let competency = sort.split(separator: ":").last, sort.contains(":") {
                filter.sort = .level(Competency.ID(String(competency)), ascending: !sort.hasPrefix("desc"))
            }
            // Ordered by one competency (`order`), lowest or highest first (`direction`).
            if let order = value("order") {
                filter.sort = .level(Competency.ID(order), ascending: value("direction") != "desc")
            }
            filter.studentName = value("student").map { String($0.prefix(100)) }
            var page = SectionPage(
                section: data.section, courseTitle: data.course.title, teachers: data.teachers,
                gradebook: data.gradebook.filtered(filter), filter: filter,
                totalStudents: data.gradebook.rows.count, curriculum: data.curriculum,
                policySummary: data.policySummary, canRecord: canRecord, compact: value("view") == "compact",
                collapsed: Set(
                    request.uri.queryParameters.getAll("collapse").map { Strand.ID(String($0)) }),
                archivedOn: data.section.isArchived(today: today) ? data.section.endsOn : nil)
            page.asOf = value("asOf")
            guard asOf == nil else { return PageFragment(title: data.section.name, html: page.renderedContent().0) }
            page.rows = snapshot.rows
            let (html, rows) = page.renderedContent()
            await records.keep(rows, from: snapshot, section: id, changeVersion: version)
            return PageFragment(title: data.section.name, html: html)
        }
        return fragment
    }
}

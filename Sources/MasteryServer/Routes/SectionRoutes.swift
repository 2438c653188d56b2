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
            let sectionVersion = try await services.store.sectionVersion(id)
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
            let canRecord = try await Authorizer(store: services.store, today: services.clock).require(
                user, .viewGradebook, section: id, answering: .recordEvidence)
            let key =
                "gradebook-fragment|\(id.rawValue)|v\(sectionVersion)|\(canRecord)|\(request.uri.query ?? "")|\(today)"
            let store = services.store
            // One render per key and version, however many viewers arrive at once (single flight).
            let metrics = services.metrics
            let fragment = try await services.fragments.value(key, version: version) {
                try await metrics.timeRender {
                    try await renderFragment()
                }
            }
            @Sendable func renderFragment() async throws -> PageFragment {
                let data = try await SectionData.load(id, store: store)
                let query = request.uri.queryParameters
                func value(_ key: String) -> String? {
                    query[Substring(key)].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
                }
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
                let page = SectionPage(
                    section: data.section, courseTitle: data.course.title, teachers: data.teachers,
                    gradebook: data.gradebook.filtered(filter), filter: filter,
                    totalStudents: data.gradebook.rows.count, curriculum: data.curriculum,
                    policySummary: data.policySummary, canRecord: canRecord, compact: value("view") == "compact",
                    collapsed: Set(
                        request.uri.queryParameters.getAll("collapse").map { Strand.ID(String($0)) }),
                    archivedOn: data.section.isArchived(today: today) ? data.section.endsOn : nil)
                return PageFragment(title: data.section.name, html: page.content.render())
            }
            let html = Layout.page(
                fragment.title, PageContext(context, path: request.uri.path), wide: true, .raw(fragment.html)
            ).render()
            let body = CachedBody(html.utf8, contentType: "text/html; charset=utf-8")
            await services.bodies.store(body, for: pageKey, version: version)
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
}

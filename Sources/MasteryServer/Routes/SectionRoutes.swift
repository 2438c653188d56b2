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
            try await authorizer.require(user, .viewGradebook, section: id)
            let canRecord = try await authorizer.allows(user, .recordEvidence, section: id)
            // The gradebook is the same for every teacher of the section until the data changes: it is rendered
            // once per change version (read before the data, so a concurrent change is never cached as current).
            let version = try await services.store.changeVersion()
            let key = "gradebook-page|\(id.rawValue)|\(canRecord)|\(request.uri.query ?? "")"
            let cached = await services.fragments.text(key, version: version)
            let parts: (title: String, html: String)
            if let cached, let split = cached.firstIndex(of: "\u{0}") {
                parts = (String(cached[..<split]), String(cached[cached.index(after: split)...]))
            } else {
                let data = try await SectionData.load(id, store: services.store)
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
                let page = SectionPage(
                    section: data.section, courseTitle: data.course.title, teachers: data.teachers,
                    gradebook: data.gradebook.filtered(filter), filter: filter,
                    totalStudents: data.gradebook.rows.count, curriculum: data.curriculum,
                    policySummary: data.policySummary, canRecord: canRecord)
                parts = (data.section.name, page.content.render())
                await services.fragments.store("\(parts.title)\u{0}\(parts.html)", for: key, version: version)
            }
            return HTMLResponse.render(
                Layout.page(parts.title, PageContext(context, path: request.uri.path), wide: true, .raw(parts.html)))
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

import Foundation
import HTTPTypes
import Hummingbird
import MasteryCore
import MasteryInterop
import MasteryStore

/// A section's gradebook page and its CSV export.
struct SectionRoutes {
    let services: AppServices
    var authorizer: Authorizer { Authorizer(store: services.store) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/sections/{id}") { request, context in
            let user = try context.requireUser()
            let id = Section.ID(try context.parameters.require("id"))
            try await authorizer.require(user, .viewGradebook, section: id)
            let data = try await SectionData.load(id, store: services.store)
            let page = SectionPage(
                section: data.section, courseTitle: data.course.title, teachers: data.teachers,
                gradebook: data.gradebook,
                curriculum: data.curriculum, policySummary: data.policySummary)
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
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

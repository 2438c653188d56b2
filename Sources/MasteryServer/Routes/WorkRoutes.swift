import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// Handed-in work in the browser: a file opens for whoever may see the student's record; the section's queue
/// lists what waits, oldest first, and the teacher scores it there.
struct WorkRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/work/{submission}/files/{file}") { _, context in
            let user = try context.requireUser()
            let id = Submission.ID(try context.parameters.require("submission"))
            guard let submission = try await store.submission(id) else { throw AppError.notFound("That work") }
            try await authorizer.require(user, .viewStudentRecord, student: submission.studentID)
            guard let (file, data) = try await store.workFile(.init(try context.parameters.require("file")), of: id)
            else { throw AppError.notFound("That file") }
            // Photos open in the page; everything else downloads. Never sniffed, never run as a page.
            let disposition = file.type.isImage ? "inline" : "attachment"
            let name = file.name.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 }
            return Response(
                status: .ok,
                headers: [
                    .contentType: file.type.mediaType,
                    .contentDisposition: "\(disposition); filename=\"\(String(name))\"",
                    .cacheControl: "private, max-age=300",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get("/sections/{id}/queue") { request, context in
            let user = try context.requireUser()
            let id = Section.ID(try context.parameters.require("id"))
            let waiting = try await WorkService(services: services, user: user).queue(section: id)
            guard let section = try await store.section(id) else { throw AppError.notFound("The section") }
            let page = WorkQueuePage(
                section: section, waiting: waiting,
                message: request.uri.queryParameters["saved"].map { _ in "Scored. The next piece of work is below." })
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/sections/{id}/queue/{submission}") { _, context in
            let user = try context.requireUser()
            let id = Section.ID(try context.parameters.require("id"))
            let submission = Submission.ID(try context.parameters.require("submission"))
            var scores: [Competency.ID: Double] = [:]
            for (name, value) in context.form.fields where name.hasPrefix("level-") && !value.isEmpty {
                guard let level = Double(value), level.isFinite else {
                    throw AppError.invalid(message: "Choose a level.", field: name)
                }
                scores[Competency.ID(String(name.dropFirst("level-".count)))] = level
            }
            _ = try await WorkService(services: services, user: user).review(
                submission, in: id, scores: scores, feedback: context.form.text("feedback") ?? "")
            return HTMLResponse.redirect("/sections/\(id.rawValue)/queue?saved=1")
        }
    }
}

import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// The administrator's import page (check a file, see what would change and every problem, then confirm)
/// and framework exports.
struct ImportRoutes {
    let services: AppServices
    var store: Store { services.store }

    func register(on router: Router<AppRequestContext>) {
        router.get("/admin/import") { request, context in
            _ = try await requireImporter(context)
            return HTMLResponse.render(
                ImportPage(frameworks: try await store.frameworks(), stage: .choose)
                    .render(PageContext(context, path: request.uri.path)))
        }
        router.post("/admin/import") { request, context in
            let user = try await requireImporter(context)
            let kind = ImportKind(rawValue: context.form["kind"] ?? "")
            guard let kind, let file = context.form.file("file") else {
                return HTMLResponse.render(
                    ImportPage(
                        frameworks: try await store.frameworks(), stage: .choose,
                        notice: kind == nil ? "Choose what the file holds." : "Choose a file to check."
                    ).render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
            }
            try await Authorizer(store: store).require(
                user, Importer.action(for: kind), organization: user.organizationID)
            let outcome = try await Importer(store: store).run(
                kind, data: file.data, fileName: file.fileName, by: user.id, at: services.clock(), dryRun: true)
            var token: String?
            if outcome.succeeded {
                token = try await services.uploads.keep(
                    .init(
                        kind: kind, fileName: file.fileName, data: file.data, owner: user.id, storedAt: services.clock()
                    ))
            }
            return HTMLResponse.render(
                ImportPage(
                    frameworks: try await store.frameworks(),
                    stage: .preview(kind: kind, fileName: file.fileName, outcome: outcome, token: token)
                ).render(PageContext(context, path: request.uri.path)),
                status: outcome.succeeded ? .ok : .unprocessableContent)
        }
        router.post("/admin/import/confirm") { request, context in
            let user = try await requireImporter(context)
            guard let token = context.form["token"],
                let upload = try await services.uploads.take(token, owner: user.id, at: services.clock())
            else {
                return HTMLResponse.render(
                    ImportPage(
                        frameworks: try await store.frameworks(), stage: .choose,
                        notice: "That check has expired or was already imported. Choose the file again."
                    ).render(PageContext(context, path: "/admin/import")), status: .unprocessableContent)
            }
            try await Authorizer(store: store).require(
                user, Importer.action(for: upload.kind), organization: user.organizationID)
            let outcome = try await Importer(store: store).run(
                upload.kind, data: upload.data, fileName: upload.fileName, by: user.id, at: services.clock(),
                dryRun: false)
            return HTMLResponse.render(
                ImportPage(
                    frameworks: try await store.frameworks(),
                    stage: .done(kind: upload.kind, fileName: upload.fileName, outcome: outcome)
                ).render(PageContext(context, path: "/admin/import")),
                status: outcome.succeeded ? .ok : .unprocessableContent)
        }
        router.get("/frameworks/{id}/export/{format}") { request, context in
            let user = try context.requireUser()
            try await Authorizer(store: store).require(user, .viewFrameworks, organization: user.organizationID)
            let id = try context.parameters.require("id")
            let format = try context.parameters.require("format")
            let (kind, type, suffix): (FrameworkImporter.Format, String, String) =
                switch format {
                case "case.json": (.caseJSON, "application/json", "json")
                case "moodle.csv": (.moodleCSV, "text/csv; charset=utf-8", "csv")
                default: throw AppError.notFound("That export format")
                }
            guard let framework = try await store.framework(key: id),
                let data = try await FrameworkImporter(store: store).export(framework.id.rawValue, format: kind)
            else { throw AppError.notFound("The framework") }
            let name = framework.code.filter { $0.isLetter || $0.isNumber || $0 == "-" }
            return Response(
                status: .ok,
                headers: [
                    .contentType: type,
                    .contentDisposition: "attachment; filename=\"\(name.isEmpty ? "framework" : name).\(suffix)\"",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    /// The signed-in administrator (the page is theirs; each import checks its own permission too).
    func requireImporter(_ context: AppRequestContext) async throws -> Person {
        let user = try context.requireUser()
        guard user.role == .admin else { throw AppError.forbidden }
        return user
    }
}

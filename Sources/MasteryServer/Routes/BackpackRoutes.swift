import Foundation
import Hummingbird
import MasteryCore
import MasteryInterop
import MasteryStore

/// The data backpack in the browser: one page gathering the student's record across sections and years,
/// and its JSON download (the same document as `GET /api/v1/students/{id}/backpack`).
struct BackpackRoutes {
    let services: AppServices
    var store: Store { services.store }

    func register(on router: Router<AppRequestContext>) {
        router.get("/students/{id}/backpack") { request, context in
            // The page lists work by name; only the download carries featured files' bytes.
            let (scope, backpack) = try await load(context, files: false)
            let page = BackpackPage(student: scope.student, isOwn: scope.isOwn, backpack: backpack)
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.get("/students/{id}/backpack.json") { _, context in
            let (scope, backpack) = try await load(context)
            let name = "\(scope.student.familyName)-\(scope.student.givenName)".filter { $0.isLetter || $0 == "-" }
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/json; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"backpack-\(name).json\"",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: try backpack.data())))
        }
    }

    func load(_ context: AppRequestContext, files: Bool = true) async throws -> (StudentScope, Backpack) {
        let scope = try await StudentScope.load(context, .viewBackpack, store: store)
        guard
            let backpack = try await BackpackService(store: store).backpack(
                of: scope.student.id, includeSensitive: scope.allows(.viewSensitiveProfile),
                includePrivateReflections: scope.allows(.readPrivateReflections), includeFiles: files,
                at: services.clock())
        else { throw AppError.notFound("The student") }
        return (scope, backpack)
    }
}

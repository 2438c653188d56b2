import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// The "needs you" list: `GET /api/v1/me/notifications`, and marking it read (`POST /api/v1/me/notifications/read`
/// for the API, `POST /me/notifications/read` from a page).
struct NeedsYouRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get("/api/v1/me/notifications") { _, context in
            let user = try context.requireUser()
            return APIResponse.json(try await body(user, context.translator))
        }
        router.post("/api/v1/me/notifications/read") { _, context in
            let user = try await markRead(context)
            return APIResponse.json(try await body(user, context.translator))
        }
        router.post("/me/notifications/read") { _, context in
            _ = try await markRead(context)
            return HTMLResponse.redirect("/")
        }
    }

    /// Marks the caller's list read (their own account's setting, audited) and returns them.
    private func markRead(_ context: AppRequestContext) async throws -> Person {
        let user = try context.requireUser()
        try Authorizer(store: services.store).require(user, .changeOwnSettings, account: user.id)
        try await services.store.markNotificationsSeen(by: user.id, at: services.clock())
        return user
    }

    private func body(_ user: Person, _ t: Translator) async throws -> APIModels.NotificationList {
        let entries = try await NeedsYouService(services: services).entries(for: user, t)
        return APIModels.NotificationList(
            items: entries.map {
                .init(kind: $0.kind.rawValue, text: $0.text, url: $0.url, createdAt: $0.createdAt, read: $0.read)
            })
    }
}

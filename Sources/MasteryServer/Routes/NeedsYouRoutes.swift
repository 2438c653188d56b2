import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// The "needs you" list: `GET /api/v1/me/notifications`, and marking it read (`POST /api/v1/me/notifications/read`
/// for the API, `POST /me/notifications/read` from a page).
struct NeedsYouRoutes {
    let services: AppServices

    struct Body: Encodable {
        struct Item: Encodable {
            var kind: String
            var text: String
            var url: String
            var createdAt: Date
            var read: Bool
        }
        var items: [Item]
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/api/v1/me/notifications") { _, context in
            let user = try context.requireUser()
            return APIResponse.json(try await body(user, context.translator))
        }
        router.post("/api/v1/me/notifications/read") { _, context in
            let user = try markRead(context)
            try await services.store.markNotificationsSeen(by: user.id, at: services.clock())
            return APIResponse.json(try await body(user, context.translator))
        }
        router.post("/me/notifications/read") { _, context in
            let user = try markRead(context)
            try await services.store.markNotificationsSeen(by: user.id, at: services.clock())
            return HTMLResponse.redirect("/")
        }
    }

    private func markRead(_ context: AppRequestContext) throws -> Person {
        let user = try context.requireUser()
        try Authorizer(store: services.store).require(user, .changeOwnSettings, account: user.id)
        return user
    }

    private func body(_ user: Person, _ t: Translator) async throws -> Body {
        let entries = try await NeedsYouService(store: services.store, now: services.clock()).entries(for: user, t)
        return Body(
            items: entries.map {
                .init(kind: $0.kind.rawValue, text: $0.text, url: $0.url, createdAt: $0.createdAt, read: $0.read)
            })
    }
}

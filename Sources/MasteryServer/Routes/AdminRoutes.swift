import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// The audit log.
struct AdminRoutes {
    let services: AppServices
    var store: Store { services.store }

    func register(on router: Router<AppRequestContext>) {
        router.get("/admin/audit") { request, context in
            let user = try context.requireUser()
            try await Authorizer(store: store).require(user, .viewAuditLog, organization: user.organizationID)
            guard let organization = try await store.organization(user.organizationID) else {
                throw AppError.notFound("Your organization")
            }
            let schools =
                organization.kind == .school
                ? [organization.id]
                : try await store.organizations().filter { $0.parentID == organization.id }.map(\.id)
            let entries = try await store.auditLog(schools: schools, limit: 200)
            let ids = Array(Set(entries.flatMap { [$0.actorID] + ($0.studentID.map { [$0] } ?? []) }))
            let names = Dictionary(uniqueKeysWithValues: try await store.people(ids).map { ($0.id, $0.displayName) })
            return HTMLResponse.render(
                AuditPage(entries: entries, names: names).render(PageContext(context, path: request.uri.path)))
        }
    }
}

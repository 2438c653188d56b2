import Foundation
import Hummingbird
import MasteryCore
import MasteryInterop
import MasteryStore

/// The audit log: every write, newest first, filtered by person, student, action and dates, paged, and
/// downloadable as CSV with the same filters.
struct AdminRoutes {
    let services: AppServices
    var store: Store { services.store }
    static let pageSize = 100

    func register(on router: Router<AppRequestContext>) {
        router.get("/admin/audit") { request, context in
            let size = try Self.pageSize(request)
            let (query, filters) = try await auditQuery(request, context, limit: size + 1)
            let entries = try await store.auditLog(query)
            let shown = Array(entries.prefix(size))
            return HTMLResponse.render(
                AuditPage(
                    entries: shown, names: try await names(shown), filters: filters,
                    older: entries.count > size ? shown.last?.sequence : nil,
                    limit: size == Self.pageSize ? nil : size
                ).render(PageContext(context, path: request.uri.path)))
        }
        router.get("/admin/audit.csv") { request, context in
            let (query, _) = try await auditQuery(request, context, limit: 10_000)
            let entries = try await store.auditLog(query)
            let names = try await names(entries)
            let rows = entries.map { entry in
                [
                    String(entry.sequence), AuditPage.csvTimestamp(entry.at), entry.actorID.rawValue,
                    names[entry.actorID] ?? "", entry.action, entry.studentID?.rawValue ?? "",
                    entry.studentID.flatMap { names[$0] } ?? "", entry.subject, entry.detail,
                ]
            }
            let csv = CSVWriter.document(
                header: [
                    "sequence", "at_utc", "actor_id", "actor", "action", "student_id", "student", "subject", "detail",
                ],
                rows: rows)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                    .contentDisposition: "attachment; filename=\"audit-log.csv\"",
                ],
                body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
    }

    /// Entries per page: `limit` (1–1000), else 100.
    static func pageSize(_ request: Request) throws -> Int {
        guard let text = request.uri.queryParameters["limit"] else { return pageSize }
        guard let size = Int(String(text)), (1...1_000).contains(size) else {
            throw AppError.invalid(message: "'limit' must be a whole number from 1 to 1000.", field: "limit")
        }
        return size
    }

    /// The query for the signed-in administrator's schools and the request's filters (`person`, `student`:
    /// a username or an id; `action`: a prefix; `from`, `to`: dates; `before`: a sequence for the next page).
    func auditQuery(
        _ request: Request, _ context: AppRequestContext, limit: Int
    ) async throws -> (AuditQuery, AuditPage.Filters) {
        let user = try context.requireUser()
        try await Authorizer(store: store).require(user, .viewAuditLog, organization: user.organizationID)
        guard let organization = try await store.organization(user.organizationID) else {
            throw AppError.notFound("Your organization")
        }
        let parameters = request.uri.queryParameters
        func text(_ name: String) throws -> String? {
            guard let value = parameters[Substring(name)].map(String.init)?.trimmingCharacters(in: .whitespaces),
                !value.isEmpty
            else { return nil }
            try InputRules.check(value, field: name, limit: 200)
            return value
        }
        let filters = AuditPage.Filters(
            person: try text("person"), student: try text("student"), action: try text("action"),
            from: try text("from"), to: try text("to"))
        var query = AuditQuery(
            schools: organization.kind == .school ? [organization.id] : nil, actionPrefix: filters.action, limit: limit)
        // A school administrator reads their school's entries; a district administrator the whole district's
        // (one database holds one district), system entries such as sign-in lockouts included.
        if let person = filters.person { query.actor = try await personID(person) }
        if let student = filters.student { query.student = try await personID(student) }
        if let from = filters.from {
            guard let date = FormDates.parse(from) else {
                throw AppError.invalid(message: "The date '\(from)' is not a date (use YYYY-MM-DD).", field: "from")
            }
            query.from = Calendar.utc.startOfDay(for: date)
        }
        if let to = filters.to {
            guard let date = FormDates.parse(to) else {
                throw AppError.invalid(message: "The date '\(to)' is not a date (use YYYY-MM-DD).", field: "to")
            }
            query.to = Calendar.utc.startOfDay(for: date).addingTimeInterval(86_400)
        }
        if let before = try text("before") {
            guard let sequence = Int64(before), sequence > 0 else {
                throw AppError.invalid(message: "'before' must be an entry number.", field: "before")
            }
            query.beforeSequence = sequence
        }
        return (query, filters)
    }

    /// A person named by username or by id (an unknown one still filters: it matches nothing).
    func personID(_ text: String) async throws -> Person.ID {
        if let found = try await store.credentials(username: text)?.person { return found.id }
        if let found = try await store.person(username: text) { return found.id }
        return Person.ID(text)
    }

    func names(_ entries: [AuditEntry]) async throws -> [Person.ID: String] {
        let ids = Array(Set(entries.flatMap { [$0.actorID] + ($0.studentID.map { [$0] } ?? []) }))
        return Dictionary(
            try await store.people(ids).map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
    }
}

extension Calendar {
    static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import MasteryCore
import MasteryStore

/// `/api/v1`: the JSON API, with the same authorization as the pages. Callers authenticate with a bearer
/// token from `POST /api/v1/sessions`.
struct APIRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        // RFC 3339 date-times, with or without fractional seconds ("2026-11-23T09:30:00.250Z").
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = RFC3339.date(text) { return date }
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an ISO 8601 date-time such as 2026-11-23T09:30:00Z")
        }
        return decoder
    }()

    func register(on router: Router<AppRequestContext>) {
        // Liveness (the process answers) and readiness (the database answers and its schema is current) are
        // separate: a load balancer takes a server out while it is not ready, without restarting it.
        router.get("/health") { _, _ in APIResponse.json(["status": "ok"]) }
        // Aggregates by route pattern only (no ids, no people); block it at the proxy from outside the network.
        router.get("/metrics") { _, _ in
            services.metrics.observe(store.poolUse)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: services.metrics.exposition())))
        }
        router.get("/ready") { _, _ in
            let pending: Int
            do {
                pending = try await store.pendingMigrations()
            } catch {
                throw AppError.unavailable(retryAfter: 5)
            }
            // Another server is migrating (or this one is newer than the schema): not yet.
            guard pending == 0 else { throw AppError.unavailable(retryAfter: 30) }
            return APIResponse.json(["status": "ready"])
        }
        router.get("/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
        router.get("/api/v1/me") { _, context in try await me(context) }
        router.get("/api/v1/me/tokens") { _, context in
            let user = try context.requireUser()
            return APIResponse.json(["tokens": try await store.apiTokens(of: user.id, at: services.clock())])
        }
        router.delete("/api/v1/me/tokens/{tokenId}") { _, context in
            let user = try context.requireUser()
            let id = try context.parameters.require("tokenId")
            guard try await store.revokeAPITokens(of: user.id, id: id) > 0 else { throw AppError.notFound("The token") }
            try await store.audit(
                at: services.clock(), actor: user.id, action: "token.revoke", student: nil, subject: "token \(id)",
                detail: "revoked by its owner")
            return Response(status: .noContent)
        }
        router.delete("/api/v1/people/{personId}/tokens") { _, context in
            let user = try context.requireUser()
            let id = Person.ID(try context.parameters.require("personId"))
            guard let person = try await store.person(id) else { throw AppError.notFound("The person") }
            try await authorizer.require(user, .manageRoster, organization: person.organizationID)
            let revoked = try await store.revokeAPITokens(of: person.id, id: nil)
            try await store.audit(
                at: services.clock(), actor: user.id, action: "token.revoke", student: nil,
                subject: "tokens of \(person.id.rawValue)", detail: "\(revoked) revoked by an administrator")
            return APIResponse.json(["revoked": revoked])
        }
        router.get("/api/v1/sections") { _, context in try await sections(context) }
        router.get("/api/v1/sections/{id}/gradebook") { request, context in try await gradebook(request, context) }
        router.post("/api/v1/evidence") { request, context in try await recordEvidence(request, context) }
        router.get("/api/v1/students/{id}/mastery") { _, context in try await mastery(context) }
        registerLearning(on: router)
        registerPeople(on: router)
        registerFlexDays(on: router)
        registerPlaylists(on: router)
        registerPlaylistEditing(on: router)
        registerGrades(on: router)
        registerExtendedLearning(on: router)
    }

    func me(_ context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        var body = APIModels.Me(
            id: user.id.rawValue, role: user.role.rawValue, name: user.displayName,
            language: user.language ?? context.translator.code)
        if user.role == .guardian {
            body.children = try await store.children(ofGuardian: user.id).map {
                .init(id: $0.id.rawValue, name: $0.displayName)
            }
        }
        return APIResponse.json(body)
    }

    static func item(_ section: Section) -> APIModels.SectionItem {
        .init(
            id: section.id.rawValue, name: section.name, term: section.term, courseId: section.courseID.rawValue,
            schoolId: section.schoolID.rawValue)
    }

    /// The sections the caller may see.
    func visibleSections(_ user: Person) async throws -> [Section] {
        switch user.role {
        case .teacher: return try await store.sections(of: user.id, as: .teacher)
        case .student: return try await store.sections(of: user.id, as: .student)
        case .mentor: return []
        case .guardian:
            var sections: [Section] = []
            for child in try await store.children(ofGuardian: user.id) {
                sections += try await store.sections(of: child.id, as: .student)
            }
            return sections
        case .coach, .admin:
            guard let organization = try await store.organization(user.organizationID) else { return [] }
            let schools =
                organization.kind == .school
                ? [organization.id]
                : try await store.organizations().filter { $0.parentID == organization.id }.map(\.id)
            var sections: [Section] = []
            for school in schools { sections += try await store.sections(inSchool: school) }
            return sections
        }
    }

    func sections(_ context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        return APIResponse.json(APIModels.SectionList(sections: try await visibleSections(user).map(Self.item)))
    }

    func gradebook(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = Section.ID(try context.parameters.require("id"))
        try await authorizer.require(user, .viewGradebook, section: id)
        // As it stood on a past date: recomputed from the log, never cached.
        if let asOf = try SectionGrades.asOf(request.uri.queryParameters["asOf"].map(String.init)) {
            let frame = try await SectionFrame.load(id, store: store)
            let data = SectionData.load(
                frame, records: try await SectionGrades.pastRecords(frame, period: nil, asOf: asOf, store: store))
            return APIResponse.json(Self.gradebookBody(data))
        }
        let version = try await services.changeVersion(context)
        let key = "gradebook-json|\(id.rawValue)|v\(try await services.sectionVersion(id, context))"
        if let body = await services.bodies.value(key, version: version) {
            services.metrics.countGradebook(hit: true)
            return body.response(for: request)
        }
        services.metrics.countGradebook(hit: false)
        let store = store
        let frame = try await services.frames.value("section-frame|\(id.rawValue)", version: version) {
            try await SectionFrame.load(id, store: store)
        }
        let snapshot = try await services.sectionRecords.snapshot(frame, changeVersion: version, store: store)
        let body = Self.gradebookBody(SectionData.load(frame, records: snapshot.records))
        let encoded = CachedBody(
            (try? APIResponse.encoder.encode(body)) ?? Data("{}".utf8), contentType: "application/json; charset=utf-8")
        await services.bodies.store(encoded, for: key, version: version)
        return encoded.response(for: request)
    }

    static func gradebookBody(_ data: SectionData) -> APIModels.GradebookBody {
        let cells = data.gradebook.rows.flatMap { row in
            row.cells.map {
                APIModels.Cell($0.record, student: row.student.id, competency: $0.competency.id, level: $0.level)
            }
        }
        return APIModels.GradebookBody(
            section: Self.item(data.section),
            students: data.students.map { .init(id: $0.id.rawValue, name: $0.displayName) },
            competencies: data.gradebook.competencies.map(Self.competencyItem), cells: cells)
    }

    static func competencyItem(_ competency: Competency) -> APIModels.CompetencyItem {
        .init(
            id: competency.id.rawValue, code: competency.code, title: competency.title, kind: competency.kind.rawValue,
            strandId: competency.strandID.rawValue)
    }

    func recordEvidence(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let buffer = try await request.body.collect(upTo: 100_000)
        let body: APIModels.NewEvidence
        do {
            body = try Self.decoder.decode(APIModels.NewEvidence.self, from: Data(buffer.readableBytesView))
        } catch {
            throw AppError.invalid(
                message:
                    "Send JSON with studentId, competencyId and score (observedAt as ISO 8601): \(Self.describe(error))",
                field: Self.field(of: error))
        }
        try body.validate()
        let studentID = Person.ID(body.studentId)
        try await authorizer.require(user, .recordEvidence, student: studentID)
        let curriculum = try await store.curriculum()
        guard let competency = curriculum.competency(Competency.ID(body.competencyId)) else {
            throw AppError.invalid(message: "There is no competency '\(body.competencyId)'.", field: "competencyId")
        }
        try await authorizer.requireRecording(
            user, student: studentID, competency: competency.id, task: body.taskId.map { PerformanceTask.ID($0) })
        let (_, scale) = try await store.policy(student: studentID, competency: competency.id)
        if let score = body.score, !scale.contains(score) {
            throw AppError.invalid(
                message:
                    "score \(score) is outside the scale \(DisplayRounding.text(min(0, scale.lowestValue)))–\(DisplayRounding.text(scale.pointsPossible))",
                field: "score")
        }
        if let observed = body.observedAt, observed > services.clock().addingTimeInterval(86_400) {
            throw AppError.invalid(message: "observedAt is in the future.", field: "observedAt")
        }
        let result = try await store.append(
            [
                .record(
                    student: studentID, competency: competency.id, score: body.score, observedAt: body.observedAt,
                    source: .manual,
                    task: body.taskId.map { PerformanceTask.ID($0) }, comment: body.comment)
            ],
            by: user.id, at: services.clock())
        let record = result.records.first
        let level = record?.levelValue.flatMap { value in scale.levels.first { $0.value == value } }
        return APIResponse.json(
            APIModels.EvidenceCreated(
                id: result.events[0].id.rawValue,
                cell: .init(record, student: studentID, competency: competency.id, level: level)),
            status: .created)
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default: "\(error)"
        }
    }

    static func field(of error: any Error) -> String? {
        switch error {
        case DecodingError.keyNotFound(let key, _): key.stringValue
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            context.codingPath.last?.stringValue
        default: nil
        }
    }

    func mastery(_ context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = Person.ID(try context.parameters.require("id"))
        try await authorizer.require(user, .viewStudentRecord, student: id)
        guard let student = try await store.person(id) else { throw AppError.notFound("The student") }
        let records = try await store.records(student: id)
        let evidence = try await store.evidence(student: id)
        let curriculum = try await store.curriculum()
        var items: [APIModels.MasteryItem] = []
        for competency in curriculum.competencies where records[competency.id] != nil {
            let (policy, scale) = try await store.policy(student: id, competency: competency.id)
            let record = records[competency.id]
            let explanation = MasteryEngine.explain(
                evidence: evidence[competency.id] ?? [], policy: policy, scale: scale)
            items.append(
                .init(
                    competency: Self.competencyItem(competency),
                    cell: .init(
                        record, student: id, competency: competency.id,
                        level: record?.levelValue.flatMap { value in scale.levels.first { $0.value == value } }),
                    explanation: explanation))
        }
        return APIResponse.json(
            APIModels.MasteryList(student: .init(id: id.rawValue, name: student.displayName), records: items))
    }
}

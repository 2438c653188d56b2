import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// `/api/v1/playlists`, handed-in work and the scoring queue: the same services and rules as the pages.
extension APIRoutes {
    /// The largest hand-in: every file at its limit, base64 (JSON) or as parts (multipart), and the text.
    static let maxSubmissionBytes = WorkFileType.maxFiles * WorkFileType.maxFileBytes * 4 / 3 + 200_000

    func registerPlaylists(on router: Router<AppRequestContext>) {
        router.post("/api/v1/playlists") { request, context in
            let authoring = PlaylistAuthoring(services: services, user: try context.requireUser())
            let body = try await decodeBody(NewPlaylist.self, request, limit: 1_000_000)
            for id in body.sectionIds ?? [] { try InputRules.checkIdentifier(id, field: "sectionIds") }
            let draft = PlaylistAuthoring.Draft(
                title: body.title, sectionIDs: (body.sectionIds ?? []).map { Section.ID($0) },
                items: try body.items.enumerated().map { try $1.draft(field: "items[\($0)]") },
                allowsAssessmentChoice: body.assessmentChoice ?? false)
            return APIResponse.json(PlaylistJSON(try await authoring.create(draft)), status: .created)
        }
        router.get("/api/v1/playlists/{id}") { _, context in
            let authoring = PlaylistAuthoring(services: services, user: try context.requireUser())
            let id = try context.parameters.require("id")
            try InputRules.checkIdentifier(id, field: "id")
            return APIResponse.json(PlaylistJSON(try await authoring.readable(.init(id))))
        }
        router.post("/api/v1/playlists/{id}/items") { request, context in
            let authoring = PlaylistAuthoring(services: services, user: try context.requireUser())
            let id = try context.parameters.require("id")
            try InputRules.checkIdentifier(id, field: "id")
            let body = try await decodeBody(NewItem.self, request)
            let playlist = try await authoring.editable(.init(id))
            return APIResponse.json(
                PlaylistJSON(try await authoring.add(try body.draft(field: "item"), to: playlist)), status: .created)
        }
        router.post("/api/v1/playlists/{id}/assignments") { request, context in
            let authoring = PlaylistAuthoring(services: services, user: try context.requireUser())
            let id = try context.parameters.require("id")
            try InputRules.checkIdentifier(id, field: "id")
            let body = try await decodeBody(AssignmentBody.self, request)
            for student in body.studentIds ?? [] { try InputRules.checkIdentifier(student, field: "studentIds") }
            if let section = body.sectionId { try InputRules.checkIdentifier(section, field: "sectionId") }
            if let group = body.groupId { try InputRules.check(group, field: "groupId", limit: 400) }
            let playlist = try await authoring.readable(.init(id))
            let assigned = try await authoring.assign(
                playlist, students: (body.studentIds ?? []).map { Person.ID($0) },
                section: body.sectionId.map { Section.ID($0) }, group: body.groupId)
            return APIResponse.json(["playlistId": [playlist.id.rawValue], "studentIds": assigned.map(\.rawValue)])
        }
        router.post("/api/v1/students/{id}/submissions") { request, context in
            let work = WorkService(services: services, user: try context.requireUser())
            let student = try context.parameters.require("id")
            try InputRules.checkIdentifier(student, field: "id")
            let body = try await handIn(request)
            try InputRules.checkIdentifier(body.itemId, field: "itemId")
            let submission = try await work.handIn(
                student: .init(student), itemID: .init(body.itemId), text: body.text ?? "", links: body.links ?? [],
                files: body.files, choice: body.choice.flatMap(AssessmentChoice.init(rawValue:)))
            return APIResponse.json(SubmissionJSON(submission), status: .created)
        }
        router.get("/api/v1/students/{id}/submissions") { _, context in
            let user = try context.requireUser()
            let student = try context.parameters.require("id")
            try InputRules.checkIdentifier(student, field: "id")
            try await authorizer.require(user, .viewStudentRecord, student: .init(student))
            let work = try await store.submissions(students: [.init(student)])
            return APIResponse.json(["submissions": work.reversed().map(SubmissionJSON.init)])
        }
        router.get("/api/v1/sections/{id}/queue") { _, context in
            let work = WorkService(services: services, user: try context.requireUser())
            let section = try context.parameters.require("id")
            try InputRules.checkIdentifier(section, field: "id")
            return APIResponse.json(["work": try await work.queue(section: .init(section)).map(QueueEntryJSON.init)])
        }
        router.post("/api/v1/sections/{id}/queue/{submission}/review") { request, context in
            let work = WorkService(services: services, user: try context.requireUser())
            let section = try context.parameters.require("id")
            let submission = try context.parameters.require("submission")
            try InputRules.checkIdentifier(section, field: "id")
            try InputRules.checkIdentifier(submission, field: "submission")
            // Room for the longest feedback written with JSON escapes (6 bytes a character at worst).
            let body = try await decodeBody(ReviewBody.self, request, limit: 1_000_000)
            var scores: [Competency.ID: Double] = [:]
            for score in body.scores ?? [] {
                try InputRules.checkIdentifier(score.competencyId, field: "scores")
                guard score.level.isFinite else {
                    throw AppError.invalid(message: "A level is a number.", field: "scores")
                }
                scores[Competency.ID(score.competencyId)] = score.level
            }
            let entry = try await work.review(
                .init(submission), in: .init(section), scores: scores, feedback: body.feedback ?? "")
            let reviewed = try await store.submission(entry.submission.id) ?? entry.submission
            return APIResponse.json(SubmissionJSON(reviewed))
        }
    }

    /// A hand-in as the API reads it.
    struct HandIn {
        var itemId: String
        var text: String?
        var links: [String]?
        var choice: String?
        var files: [WorkService.Upload]
    }

    /// A hand-in as JSON (files base64-encoded), or as `multipart/form-data` (fields `itemId`, `text`, `links`,
    /// `choice`; file parts).
    func handIn(_ request: Request) async throws -> HandIn {
        guard let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:)) else {
            let body = try await decodeBody(SubmissionBody.self, request, limit: Self.maxSubmissionBytes)
            var files: [WorkService.Upload] = []
            for (index, file) in (body.files ?? []).enumerated() {
                guard let data = Data(base64Encoded: file.content, options: .ignoreUnknownCharacters) else {
                    throw AppError.invalid(
                        message: "The file's content is not base64.", field: "files[\(index)].content")
                }
                files.append(.init(name: file.name, data: data))
            }
            return HandIn(itemId: body.itemId, text: body.text, links: body.links, choice: body.choice, files: files)
        }
        var request = request
        let buffer = try await CSRFMiddleware.collect(&request, upTo: Self.maxSubmissionBytes)
        guard let multipart = MultipartForm(body: Data(buffer.readableBytesView), boundary: boundary) else {
            throw AppError.invalid(message: "The upload could not be read (malformed multipart form).")
        }
        let form = try FormData(multipart: multipart).validated()
        guard let item = form.text("itemId") else {
            throw AppError.invalid(message: "Name the item (itemId).", field: "itemId")
        }
        return HandIn(
            itemId: item, text: form.text("text"), links: form.all("links"), choice: form.text("choice"),
            files: multipart.files.filter { !$0.fileName.isEmpty || !$0.data.isEmpty }.map {
                .init(name: $0.fileName, data: $0.data)
            })
    }
}

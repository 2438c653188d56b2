import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// Changing playlists and writing a course's pathway through the JSON API: the same rules as the pages
/// (`PlaylistAuthoring`, `PathwayRoutes`), decided by the policy on the sections and audited.
extension APIRoutes {
    struct PlaylistChange: Decodable {
        var title: String?
        /// Every item id of the playlist, in the new order.
        var itemOrder: [String]?
        /// `true` retires it (kept for the record, offered to nobody).
        var retired: Bool?
    }

    struct CopyTarget: Decodable {
        var sectionId: String
    }

    struct PathwayBody: Decodable {
        struct Step: Decodable {
            var competencyIds: [String]
            var targetDate: String?
        }

        var title: String
        var pacing: String
        var steps: [Step]
        /// On a teacher-paced pathway: how many steps the teacher has opened.
        var openedSteps: Int?
    }

    struct PathwayJSON: Encodable {
        struct Step: Encodable {
            var competencyIds: [String]
            var targetDate: String?
        }

        var id: String
        var courseId: String
        var title: String
        var pacing: String
        var steps: [Step]
        var openedSteps: Int

        init(_ pathway: Pathway) {
            id = pathway.id.rawValue
            courseId = pathway.courseID.rawValue
            title = pathway.title
            pacing = pathway.pacing.rawValue
            steps = pathway.steps.map {
                .init(competencyIds: $0.competencyIDs.map(\.rawValue), targetDate: $0.targetDate.map(Section.isoDay))
            }
            openedSteps = pathway.openedSteps
        }
    }

    func registerPlaylistEditing(on router: Router<AppRequestContext>) {
        router.patch("/api/v1/playlists/{id}") { request, context in
            let authoring = PlaylistAuthoring(services: services, user: try context.requireUser())
            let id = try context.parameters.require("id")
            try InputRules.checkIdentifier(id, field: "id")
            let body = try await decodeBody(PlaylistChange.self, request)
            var playlist = try await authoring.editable(.init(id))
            if body.title != nil || body.itemOrder != nil {
                var items = playlist.items
                if let order = body.itemOrder {
                    guard order.count == items.count, Set(order) == Set(items.map(\.id.rawValue)) else {
                        throw AppError.invalid(
                            message: "itemOrder lists every item of the playlist once.", field: "itemOrder")
                    }
                    let byID = Dictionary(items.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
                    items = order.compactMap { byID[$0] }
                }
                playlist = try await authoring.update(playlist, title: body.title, items: items)
            }
            if body.retired == true {
                try await authoring.retire(playlist)
                playlist.isRetired = true
            }
            return APIResponse.json(PlaylistJSON(playlist))
        }
        router.put("/api/v1/playlists/{id}/items/{item}") { request, context in
            let authoring = PlaylistAuthoring(services: services, user: try context.requireUser())
            let (id, item) = (try context.parameters.require("id"), try context.parameters.require("item"))
            try InputRules.checkIdentifier(id, field: "id")
            try InputRules.checkIdentifier(item, field: "item")
            let body = try await decodeBody(NewItem.self, request)
            let playlist = try await authoring.editable(.init(id))
            return APIResponse.json(
                PlaylistJSON(
                    try await authoring.replace(.init(item), with: try body.draft(field: "item"), in: playlist)))
        }
        router.delete("/api/v1/playlists/{id}/items/{item}") { _, context in
            let authoring = PlaylistAuthoring(services: services, user: try context.requireUser())
            let (id, item) = (try context.parameters.require("id"), try context.parameters.require("item"))
            try InputRules.checkIdentifier(id, field: "id")
            try InputRules.checkIdentifier(item, field: "item")
            let playlist = try await authoring.editable(.init(id))
            guard playlist.item(.init(item)) != nil else { throw AppError.notFound("That item") }
            return APIResponse.json(
                PlaylistJSON(
                    try await authoring.update(playlist, items: playlist.items.filter { $0.id.rawValue != item })))
        }
        router.post("/api/v1/playlists/{id}/copies") { request, context in
            let authoring = PlaylistAuthoring(services: services, user: try context.requireUser())
            let id = try context.parameters.require("id")
            try InputRules.checkIdentifier(id, field: "id")
            let body = try await decodeBody(CopyTarget.self, request)
            try InputRules.checkIdentifier(body.sectionId, field: "sectionId")
            let copy = try await authoring.duplicate(try await authoring.readable(.init(id)), to: .init(body.sectionId))
            return APIResponse.json(PlaylistJSON(copy), status: .created)
        }
        router.get("/api/v1/sections/{id}/pathway") { _, context in
            let user = try context.requireUser()
            let id = try context.parameters.require("id")
            try InputRules.checkIdentifier(id, field: "id")
            try await authorizer.require(user, .viewGradebook, section: .init(id))
            guard let section = try await store.section(.init(id)),
                let pathway = try await store.pathways(courses: [section.courseID]).first
            else { throw AppError.notFound("The course's pathway") }
            return APIResponse.json(PathwayJSON(pathway))
        }
        router.put("/api/v1/sections/{id}/pathway") { request, context in
            let user = try context.requireUser()
            let id = try context.parameters.require("id")
            try InputRules.checkIdentifier(id, field: "id")
            try await authorizer.require(user, .manageSection, section: .init(id))
            let body = try await decodeBody(PathwayBody.self, request, limit: 1_000_000)
            guard let section = try await store.section(.init(id)) else { throw AppError.notFound("The section") }
            let pathway = try await pathway(from: body, section: section)
            try await store.save(pathway, by: user.id, at: services.clock(), action: "edit")
            return APIResponse.json(PathwayJSON(pathway))
        }
    }

    /// A whole pathway for the section's course, checked like the page's steps: competencies of the course, each
    /// on one step, dates as days.
    func pathway(from body: PathwayBody, section: Section) async throws -> Pathway {
        let curriculum = try await store.curriculum(course: section.courseID)
        guard let pacing = Pathway.Pacing(rawValue: body.pacing) else {
            throw AppError.invalid(message: "pacing is self-paced or teacher-paced.", field: "pacing")
        }
        guard body.steps.count <= 500 else { throw AppError.invalid(message: "At most 500 steps.", field: "steps") }
        var seen: Set<Competency.ID> = []
        var steps: [Pathway.Step] = []
        for (index, step) in body.steps.enumerated() {
            let field = "steps[\(index)]"
            guard (1...20).contains(step.competencyIds.count) else {
                throw AppError.invalid(
                    message: "A step names from 1 to 20 competencies.", field: "\(field).competencyIds")
            }
            for id in step.competencyIds { try InputRules.checkIdentifier(id, field: "\(field).competencyIds") }
            let checked = try PathwayRoutes.step(
                step.competencyIds.map { Competency.ID($0) }, date: step.targetDate, curriculum: curriculum,
                taken: seen, fields: ("\(field).competencyIds", "\(field).targetDate"))
            seen.formUnion(checked.competencyIDs)
            steps.append(checked)
        }
        let opened = body.openedSteps ?? 0
        guard (0...steps.count).contains(opened) else {
            throw AppError.invalid(message: "openedSteps runs from 0 to the number of steps.", field: "openedSteps")
        }
        let existing = try await store.pathways(courses: [section.courseID]).first
        return Pathway(
            id: existing?.id ?? .init("pw-\(PlaylistAuthoring.shortID())"), courseID: section.courseID,
            title: try PlaylistAuthoring.checkTitle(body.title, field: "title"), pacing: pacing, steps: steps,
            openedSteps: opened)
    }
}

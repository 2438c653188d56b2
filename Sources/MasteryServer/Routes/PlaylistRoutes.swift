import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// Playlists in the browser: a section's playlists (its own and the district catalog's), a new one, and the
/// editor — items added, moved and removed, assigned, duplicated to another section, retired.
struct PlaylistRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    static let itemActions: Set<String> = ["up", "down", "remove", "edit"]

    func register(on router: Router<AppRequestContext>) {
        router.get("/sections/{id}/playlists") { request, context in
            let user = try context.requireUser()
            let id = Section.ID(try context.parameters.require("id"))
            try await authorizer.require(user, .viewGradebook, section: id)
            let page = try await PlaylistsPage(
                section: try await section(id), course: try await courseData(id),
                playlists: try await offered(in: id),
                canManage: try await authorizer.allows(user, .manageSection, section: id),
                message: request.uri.queryParameters["saved"].map { _ in "Saved." })
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/sections/{id}/playlists") { _, context in
            let user = try context.requireUser()
            let id = Section.ID(try context.parameters.require("id"))
            try await authorizer.require(user, .manageSection, section: id)
            let draft = PlaylistAuthoring.Draft(
                title: context.form.text("title") ?? "", sectionIDs: [id],
                items: [try PlaylistItemForm.draft(context.form)],
                allowsAssessmentChoice: context.form.text("assessment-choice") == "on")
            let playlist = try await PlaylistAuthoring(services: services, user: user).create(draft)
            return HTMLResponse.redirect("/sections/\(id.rawValue)/playlists/\(playlist.id.rawValue)?saved=1")
        }
        router.get("/sections/{id}/playlists/{playlist}") { request, context in
            let user = try context.requireUser()
            let id = Section.ID(try context.parameters.require("id"))
            try await authorizer.require(user, .viewGradebook, section: id)
            let authoring = PlaylistAuthoring(services: services, user: user)
            let playlist = try await authoring.readable(.init(try context.parameters.require("playlist")))
            let canEdit = (try? await authoring.editable(playlist.id)) != nil
            var targets: [Section] = []
            for section in try await store.sections(of: user.id, as: .teacher)
            where try await authorizer.allows(user, .manageSection, section: section.id) {
                targets.append(section)
            }
            let students = try await store.members(of: id, as: .student)
            let page = PlaylistEditorPage(
                section: try await section(id), playlist: playlist, course: try await courseData(id),
                canEdit: canEdit, canAssign: try await authorizer.allows(user, .manageSection, section: id),
                students: students,
                groups: LearningRoutes.groupChoices(
                    try await store.groupings(section: id), names: try await courseData(id).competencies),
                targets: targets, message: request.uri.queryParameters["saved"].map { _ in "Saved." },
                editing: request.uri.queryParameters["edit"].flatMap { playlist.item(.init(String($0))) })
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/sections/{id}/playlists/{playlist}/{action}") { _, context in
            let user = try context.requireUser()
            let id = Section.ID(try context.parameters.require("id"))
            let action = try context.parameters.require("action")
            let authoring = PlaylistAuthoring(services: services, user: user)
            let playlistID = Playlist.ID(try context.parameters.require("playlist"))
            var destination = "/sections/\(id.rawValue)/playlists/\(playlistID.rawValue)?saved=1"
            switch action {
            case "assign":
                try await authorizer.require(user, .manageSection, section: id)
                let playlist = try await authoring.readable(playlistID)
                let everyone = context.form.text("everyone") == "on"
                let students = context.form.all("student").map { Person.ID($0) }
                let groups = context.form.all("group")
                guard everyone || !students.isEmpty || !groups.isEmpty else {
                    throw AppError.invalid(message: "Choose students, a group or the whole section.", field: "student")
                }
                if everyone || !students.isEmpty {
                    _ = try await authoring.assign(
                        playlist, students: students, section: everyone ? id : nil, group: nil)
                }
                for group in groups {
                    _ = try await authoring.assign(playlist, students: [], section: nil, group: group)
                }
            case "duplicate":
                guard let target = try context.form.identifier("section") else {
                    throw AppError.invalid(message: "Choose the section to copy it to.", field: "section")
                }
                let copy = try await authoring.duplicate(
                    try await authoring.readable(playlistID), to: Section.ID(target))
                destination = "/sections/\(target)/playlists/\(copy.id.rawValue)?saved=1"
            case "retire":
                try await authoring.retire(try await authoring.editable(playlistID))
                destination = "/sections/\(id.rawValue)/playlists?saved=1"
            default: throw AppError.notFound("That action")
            }
            return HTMLResponse.redirect(destination)
        }
        // Its own route: the literal `items` below shadows `{action}` in the router.
        router.post("/sections/{id}/playlists/{playlist}/items") { _, context in
            let user = try context.requireUser()
            let id = Section.ID(try context.parameters.require("id"))
            let authoring = PlaylistAuthoring(services: services, user: user)
            let playlist = try await authoring.editable(.init(try context.parameters.require("playlist")))
            _ = try await authoring.add(try PlaylistItemForm.draft(context.form), to: playlist)
            return HTMLResponse.redirect("/sections/\(id.rawValue)/playlists/\(playlist.id.rawValue)?saved=1")
        }
        router.post("/sections/{id}/playlists/{playlist}/items/{item}/{action}") { _, context in
            let user = try context.requireUser()
            let id = Section.ID(try context.parameters.require("id"))
            let action = try context.parameters.require("action")
            guard Self.itemActions.contains(action) else { throw AppError.notFound("That action") }
            let authoring = PlaylistAuthoring(services: services, user: user)
            let playlist = try await authoring.editable(.init(try context.parameters.require("playlist")))
            let itemID = PlaylistItem.ID(try context.parameters.require("item"))
            guard let index = playlist.items.firstIndex(where: { $0.id == itemID }) else {
                throw AppError.notFound("That item")
            }
            if action == "edit" {
                _ = try await authoring.replace(itemID, with: try PlaylistItemForm.draft(context.form), in: playlist)
                return HTMLResponse.redirect(
                    "/sections/\(id.rawValue)/playlists/\(playlist.id.rawValue)?saved=1#item-\(itemID.rawValue)")
            }
            var items = playlist.items
            switch action {
            case "up" where index > 0: items.swapAt(index, index - 1)
            case "down" where index < items.count - 1: items.swapAt(index, index + 1)
            case "remove": items.remove(at: index)
            default: break
            }
            _ = try await authoring.update(playlist, items: items)
            return HTMLResponse.redirect("/sections/\(id.rawValue)/playlists/\(playlist.id.rawValue)?saved=1")
        }
    }

    func section(_ id: Section.ID) async throws -> Section {
        guard let section = try await store.section(id) else { throw AppError.notFound("The section") }
        return section
    }

    /// The course's academic competencies and their scales, for the item form.
    func courseData(_ id: Section.ID) async throws -> PlaylistItemForm {
        let curriculum = try await store.curriculum(course: try await section(id).courseID)
        let competencies = curriculum.leafCompetencies
        var scales: [Competency.ID: ProficiencyScale] = [:]
        for competency in competencies { scales[competency.id] = curriculum.scale(for: competency) }
        return PlaylistItemForm(competencies: competencies, scales: scales)
    }

    /// The playlists offered in the section: the catalog's for its course and the teachers' for this section.
    func offered(in id: Section.ID) async throws -> [Playlist] {
        let form = try await courseData(id)
        return try await store.playlists(competencies: form.competencies.map(\.id)).filter {
            $0.isOffered(toStudentIn: [id], assigned: false)
        }
    }
}

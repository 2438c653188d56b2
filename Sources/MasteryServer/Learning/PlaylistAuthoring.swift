import Foundation
import MasteryCore
import MasteryStore

/// Teachers make playlists for their sections: create, edit (items added, moved, removed), duplicate to
/// another section, retire, and assign to students, a section or a group of a saved grouping. The pages and
/// the API share these rules; every write is decided by the policy on the sections it touches and audited.
struct PlaylistAuthoring {
    let services: AppServices
    let user: Person
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    /// A playlist as a teacher writes it.
    struct Draft {
        var title: String
        var sectionIDs: [Section.ID]
        var items: [ItemDraft]
        var allowsAssessmentChoice = false
    }

    struct ItemDraft {
        var title: String
        var isRequired: Bool
        var kind: PlaylistItem.Kind
        var modality: PlaylistItem.Modality = .reading
        var minutes: Int = 15
        var url: String?
        var details: String = ""
        var competencyIDs: [Competency.ID]
        /// When it opens: a level reached on a competency, or a result on one of the playlist's checkpoints.
        var release: ReleaseDraft?
    }

    typealias ReleaseDraft = PlaylistItem.Release

    static let maxItems = 50

    /// Creates a playlist for sections the teacher manages (audited).
    func create(_ draft: Draft) async throws -> Playlist {
        let checked = try await check(draft, field: "")
        let id = Playlist.ID("pl-\(Self.shortID())")
        let playlist = Playlist(
            id: id, title: checked.title, competencyIDs: checked.competencies,
            items: checked.items.map { item(from: $0) }, allowsAssessmentChoice: draft.allowsAssessmentChoice,
            authorID: user.id, sectionIDs: checked.sectionIDs)
        try await store.save(playlist, by: user.id, at: services.clock(), action: "create")
        return playlist
    }

    /// A playlist the teacher may change: one of theirs, for sections they manage.
    func editable(_ id: Playlist.ID) async throws -> Playlist {
        guard let playlist = try await store.playlist(id) else { throw AppError.notFound("The playlist") }
        guard playlist.authorID != nil, !playlist.sectionIDs.isEmpty else {
            throw AppError.conflict(
                "“\(playlist.title)” comes from the district's catalog: duplicate it to your section to change it.")
        }
        for section in playlist.sectionIDs { try await authorizer.require(user, .manageSection, section: section) }
        return playlist
    }

    /// A playlist the teacher may read: offered in a section they may see, or one of theirs.
    func readable(_ id: Playlist.ID) async throws -> Playlist {
        guard let playlist = try await store.playlist(id) else { throw AppError.notFound("The playlist") }
        if playlist.sectionIDs.isEmpty {
            // A catalog playlist: readable by the teachers of a section whose course covers it.
            for section in try await store.sections(of: user.id, as: .teacher) {
                let curriculum = try await store.curriculum(course: section.courseID)
                if playlist.competencyIDs.contains(where: { curriculum.competency($0) != nil }) { return playlist }
            }
            throw AppError.forbidden
        }
        for section in playlist.sectionIDs where try await authorizer.allows(user, .viewGradebook, section: section) {
            return playlist
        }
        throw AppError.forbidden
    }

    /// Replaces a playlist's title and items (items kept by id keep students' progress).
    func update(_ playlist: Playlist, title: String? = nil, items: [PlaylistItem]) async throws -> Playlist {
        var changed = playlist
        changed.title = try Self.checkTitle(title ?? playlist.title, field: "title")
        guard !items.isEmpty else {
            throw AppError.invalid(message: "A playlist needs at least one item; retire it instead.", field: "items")
        }
        changed.items = items
        var seen: Set<Competency.ID> = []
        changed.competencyIDs = items.flatMap(\.competencyIDs).filter { seen.insert($0).inserted }
        try await store.save(changed, by: user.id, at: services.clock(), action: "edit")
        return changed
    }

    /// Adds an item at the end.
    func add(_ draft: ItemDraft, to playlist: Playlist) async throws -> Playlist {
        let checked = try await check(
            Draft(title: playlist.title, sectionIDs: playlist.sectionIDs, items: [draft]), field: "", in: playlist)
        return try await update(playlist, items: playlist.items + checked.items.map { item(from: $0) })
    }

    /// Changes an item in place (its id, and so students' progress and work on it, kept).
    func replace(_ itemID: PlaylistItem.ID, with draft: ItemDraft, in playlist: Playlist) async throws -> Playlist {
        guard let index = playlist.items.firstIndex(where: { $0.id == itemID }) else {
            throw AppError.notFound("That item")
        }
        let checked = try await check(
            Draft(title: playlist.title, sectionIDs: playlist.sectionIDs, items: [draft]), field: "", in: playlist)
        guard let first = checked.items.first else { return playlist }
        if case .checkpoint(let checkpoint, _, _) = first.release, checkpoint == itemID {
            throw AppError.invalid(message: "An item cannot open on its own result.", field: "release-checkpoint")
        }
        var items = playlist.items
        var changed = item(from: first)
        changed.id = itemID
        changed.targetLevel = items[index].targetLevel
        items[index] = changed
        return try await update(playlist, items: items)
    }

    func retire(_ playlist: Playlist) async throws {
        var retired = playlist
        retired.isRetired = true
        try await store.save(retired, by: user.id, at: services.clock(), action: "retire")
    }

    /// A copy for another section the teacher manages (of the same or another course): every competency must
    /// be one that section's course assesses.
    func duplicate(_ playlist: Playlist, to section: Section.ID) async throws -> Playlist {
        try await authorizer.require(user, .manageSection, section: section)
        guard let target = try await store.section(section) else { throw AppError.notFound("The section") }
        let curriculum = try await store.curriculum(course: target.courseID)
        let missing = playlist.items.flatMap { $0.scoredCompetencies(in: playlist) }
            .filter { curriculum.competency($0) == nil }
        guard missing.isEmpty else {
            throw AppError.invalid(
                message:
                    "“\(target.name)” does not assess \(Set(missing.map(\.rawValue)).sorted().joined(separator: ", ")).",
                field: "sectionId")
        }
        let id = Playlist.ID("pl-\(Self.shortID())")
        var copies: [PlaylistItem.ID: PlaylistItem.ID] = [:]
        for item in playlist.items { copies[item.id] = .init("\(id.rawValue)-\(Self.shortID())") }
        let items = playlist.items.map { item -> PlaylistItem in
            var copy = item
            copy.id = copies[item.id] ?? item.id
            if case .checkpoint(let checkpoint, let lowest, let highest) = item.release {
                copy.release = .checkpoint(copies[checkpoint] ?? checkpoint, lowest: lowest, highest: highest)
            }
            return copy
        }
        let copy = Playlist(
            id: id, title: playlist.title, competencyIDs: playlist.competencyIDs, items: items,
            allowsAssessmentChoice: playlist.allowsAssessmentChoice, authorID: user.id, sectionIDs: [section])
        try await store.save(copy, by: user.id, at: services.clock(), action: "duplicate")
        return copy
    }

    /// Assigns to students of a section the teacher manages, everyone in a section, or a group of a saved
    /// grouping (`groupValue`): the students assigned.
    func assign(
        _ playlist: Playlist, students: [Person.ID], section: Section.ID?, group: String?
    ) async throws -> [Person.ID] {
        var chosen: Set<Person.ID> = []
        var allowed: Set<Person.ID> = []
        var sections: [Section.ID] = section.map { [$0] } ?? []
        if let group {
            guard let separator = group.firstIndex(of: "|") else {
                throw AppError.invalid(
                    message: "groupId must be a grouping id, '|' and a group name.", field: "groupId")
            }
            let grouping = String(group[..<separator])
            let name = String(group[group.index(after: separator)...])
            guard let found = try await store.grouping(grouping) else { throw AppError.notFound("The grouping") }
            sections.append(found.sectionID)
            let members = found.placements.filter { $0.group == name }.map(\.studentID)
            guard !members.isEmpty else { throw AppError.notFound("The group “\(name)”") }
            chosen.formUnion(members)
        }
        for id in sections {
            try await authorizer.require(user, .manageSection, section: id)
            let members = try await store.members(of: id, as: .student).map(\.id)
            allowed.formUnion(members)
            if id == section { chosen.formUnion(members) }
        }
        if !students.isEmpty {
            for section in try await store.sections(of: user.id, as: .teacher)
            where try await authorizer.allows(user, .manageSection, section: section.id) {
                allowed.formUnion(try await store.members(of: section.id, as: .student).map(\.id))
            }
            if let outside = students.first(where: { !allowed.contains($0) }) {
                throw AppError.invalid(
                    message: "Student \(outside.rawValue) is not in a section you teach.", field: "studentIds")
            }
            chosen.formUnion(students)
        }
        guard !chosen.isEmpty else {
            throw AppError.invalid(message: "Choose at least one student, a section or a group.", field: "studentIds")
        }
        let ordered = chosen.sorted { $0.rawValue < $1.rawValue }
        try await store.assign(playlist.id, to: ordered, by: user.id, at: services.clock())
        return ordered
    }
}

import Foundation
import MasteryCore
import MasteryStore

/// What a playlist draft must satisfy before it is saved: a title, sections the teacher manages (their own
/// sections whose courses cover the competencies when none are named), competencies those courses assess,
/// levels on the competencies' scales; each refusal names the field (`items[2].minutes`).
extension PlaylistAuthoring {
    struct Checked {
        var title: String
        var sectionIDs: [Section.ID]
        var competencies: [Competency.ID]
        var items: [ItemDraft]
    }

    /// `existing`: the playlist an item is added to or changed in (a checkpoint release names one of its
    /// checkpoints).
    func check(_ draft: Draft, field prefix: String, in existing: Playlist? = nil) async throws -> Checked {
        let title = try Self.checkTitle(draft.title, field: "\(prefix)title")
        guard (1...Self.maxItems).contains(draft.items.count) else {
            throw AppError.invalid(
                message: "A playlist has between 1 and \(Self.maxItems) items.", field: "\(prefix)items")
        }
        var sections = draft.sectionIDs
        for section in sections { try await authorizer.require(user, .manageSection, section: section) }
        var curricula: [Curriculum] = []
        for section in sections {
            guard let found = try await store.section(section) else { throw AppError.notFound("The section") }
            curricula.append(try await store.curriculum(course: found.courseID))
        }
        let named =
            draft.items.flatMap(\.competencyIDs)
            + draft.items.compactMap { item -> Competency.ID? in
                if case .mastery(let competency, _) = item.release { return competency }
                return nil
            }
        if sections.isEmpty {
            // None named: the teacher's own sections whose courses assess every competency named.
            for section in try await store.sections(of: user.id, as: .teacher)
            where try await authorizer.allows(user, .manageSection, section: section.id) {
                let curriculum = try await store.curriculum(course: section.courseID)
                if !named.isEmpty, named.allSatisfy({ curriculum.competency($0) != nil }) {
                    sections.append(section.id)
                    curricula.append(curriculum)
                }
            }
            guard !sections.isEmpty else {
                throw AppError.invalid(
                    message: "None of your sections' courses assesses these competencies: name the sections.",
                    field: "\(prefix)sectionIds")
            }
        }
        func find(_ id: Competency.ID) -> (Competency, ProficiencyScale?)? {
            for curriculum in curricula {
                if let competency = curriculum.competency(id) { return (competency, curriculum.scale(for: competency)) }
            }
            return nil
        }
        var items: [ItemDraft] = []
        var competencies: [Competency.ID] = []
        for (index, item) in draft.items.enumerated() {
            let field = "\(prefix)items[\(index)]"
            var checked = item
            checked.title = try Self.checkTitle(item.title, field: "\(field).title")
            try InputRules.check(item.details, field: "\(field).details", limit: 5_000)
            guard (1...600).contains(item.minutes) else {
                throw AppError.invalid(message: "Minutes run from 1 to 600.", field: "\(field).minutes")
            }
            if let url = item.url?.trimmingCharacters(in: .whitespaces), !url.isEmpty {
                checked.url = try Self.checkLink(url, field: "\(field).url")
            } else {
                checked.url = nil
            }
            for id in item.competencyIDs {
                guard find(id) != nil else {
                    throw AppError.invalid(
                        message: "Competency \(id.rawValue) is not assessed in this playlist's sections.",
                        field: "\(field).competencyIds")
                }
                if !competencies.contains(id) { competencies.append(id) }
            }
            switch item.release {
            case .mastery(let id, let atLeast):
                guard let (competency, scale) = find(id) else {
                    throw AppError.invalid(
                        message: "Competency \(id.rawValue) is not assessed in this playlist's sections.",
                        field: "\(field).release.competencyId")
                }
                if let scale, !scale.contains(atLeast) {
                    throw AppError.invalid(
                        message:
                            "\(competency.code.isEmpty ? competency.title : competency.code) is scored from \(DisplayNumber.text(scale.lowestValue)) to \(DisplayNumber.text(scale.pointsPossible)).",
                        field: "\(field).release.atLeast")
                }
            case .checkpoint(let id, let lowest, let highest):
                guard existing?.item(id)?.kind == .checkpoint else {
                    throw AppError.invalid(
                        message: "It can open only on a result of one of this playlist's checkpoints.",
                        field: "\(field).release.checkpointId")
                }
                guard (lowest ?? highest)?.isFinite == true else {
                    throw AppError.invalid(message: "Say which result opens it.", field: "\(field).release")
                }
            case nil: break
            }
            items.append(checked)
        }
        guard !competencies.isEmpty else {
            throw AppError.invalid(
                message: "Name at least one competency the playlist works on.", field: "\(prefix)items[0].competencyIds"
            )
        }
        return Checked(title: title, sectionIDs: sections, competencies: competencies, items: items)
    }

    /// A stored item from a checked draft, with a new id.
    func item(from draft: ItemDraft) -> PlaylistItem {
        PlaylistItem(
            id: .init("it-\(Self.shortID())"), kind: draft.kind, title: draft.title, details: draft.details,
            url: draft.url, isRequired: draft.isRequired, modality: draft.modality, minutes: draft.minutes,
            release: draft.release,
            competencyIDs: draft.competencyIDs)
    }

    static func checkTitle(_ value: String, field: String) throws -> String {
        let title = value.trimmingCharacters(in: .whitespacesAndNewlines)
        try InputRules.check(title, field: field, limit: 200)
        guard !title.isEmpty else { throw AppError.invalid(message: "Give it a title.", field: field) }
        return title
    }

    /// A web link (http or https) as a student will open it.
    static func checkLink(_ value: String, field: String) throws -> String {
        try InputRules.check(value, field: field, limit: 2_000)
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            url.host?.isEmpty == false
        else {
            throw AppError.invalid(message: "A link starts with https:// (or http://).", field: field)
        }
        return value
    }

    static func shortID() -> String {
        String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(10))
    }
}

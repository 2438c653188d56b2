import Foundation
import MasteryCore
import Plot

/// The fields of one playlist item, as a teacher fills them in (on a new playlist, adding an item, editing
/// one), and how they are read back: what it is, must-do or may-do, the competencies it works on (a checkpoint
/// is scored on each), a link or text, and when it opens (a level reached on a competency, or a result on one of
/// the playlist's checkpoints).
struct PlaylistItemForm {
    var competencies: [Competency]
    var scales: [Competency.ID: ProficiencyScale]

    static let activities: [(PlaylistItem.Kind, String)] = [
        (.practice, "Practice"), (.resource, "Resource (video, reading, tool)"), (.smallGroup, "Small group with me"),
        (.project, "Project (handed in)"), (.checkpoint, "Checkpoint (handed in and scored)"),
    ]

    /// The fields, filled from `item` when one is being edited; `checkpoints` are the playlist's checkpoints a
    /// result on which may open it.
    func fields(_ item: PlaylistItem? = nil, checkpoints: [PlaylistItem] = []) -> Node<HTML.FormContext> {
        var masteryRelease: (Competency.ID, Double)?
        var checkpointRelease: (id: PlaylistItem.ID, value: String)?
        switch item?.release {
        case .mastery(let competency, let atLeast): masteryRelease = (competency, atLeast)
        case .checkpoint(let id, let lowest, let highest):
            checkpointRelease = (
                id,
                lowest.map { "atleast:\(DisplayRounding.text($0))" } ?? highest.map {
                    "atmost:\(DisplayRounding.text($0))"
                } ?? ""
            )
        case nil: break
        }
        let chosen = Set(item?.competencyIDs ?? [])
        return .fieldset(
            .class("item-fields"),
            .element(named: "legend", text: item == nil ? "Item" : "Item: \(item?.title ?? "")"),
            .div(
                .class("field"), .label(.for("item-title"), "What students do"),
                .input(
                    .type(.text), .id("item-title"), .name("item-title"), .value(item?.title ?? ""),
                    .attribute(named: "required", value: "required"), .attribute(named: "maxlength", value: "200"))),
            .div(
                .class("field"), .label(.for("item-activity"), "Kind of activity"),
                .select(
                    .id("item-activity"), .attribute(named: "name", value: "item-activity"),
                    .forEach(Self.activities) { Components.option($0.0.rawValue, $0.1, selected: item?.kind == $0.0) })),
            .fieldset(
                .class("inline-choices"), .element(named: "legend", text: "Everyone, or a choice?"),
                .label(
                    .input(.type(.radio), .name("item-kind"), .value("must"), .checked(item?.isRequired ?? true)),
                    " Must-do"),
                .label(
                    .input(.type(.radio), .name("item-kind"), .value("may"), .checked(item?.isRequired == false)),
                    " May-do")),
            .div(
                .class("field"), .label(.for("item-modality"), "How"),
                .select(
                    .id("item-modality"), .attribute(named: "name", value: "item-modality"),
                    .forEach(PlaylistItem.Modality.allCases) {
                        Components.option($0.rawValue, $0.label, selected: item?.modality == $0)
                    })),
            .div(
                .class("field"), .label(.for("item-minutes"), "Minutes"),
                .input(
                    .type(.number), .id("item-minutes"), .name("item-minutes"), .value("\(item?.minutes ?? 15)"),
                    .attribute(named: "min", value: "1"), .attribute(named: "max", value: "600"))),
            .div(
                .class("field"), .label(.for("item-url"), "Link (optional)"),
                .input(.type(.url), .id("item-url"), .name("item-url"), .value(item?.url ?? ""))),
            .div(
                .class("field"), .label(.for("item-details"), "Instructions (optional)"),
                .textarea(
                    .id("item-details"), .name("item-details"), .attribute(named: "rows", value: "2"),
                    .text(item?.details ?? ""))),
            Self.checklist(
                "Competencies it works on (a checkpoint is scored on each)", name: "item-competency",
                competencies: competencies, checked: chosen),
            .div(
                .class("field"), .label(.for("release-competency"), "Opens when the student reaches (optional)"),
                .select(
                    .id("release-competency"), .attribute(named: "name", value: "release-competency"),
                    Components.option("", "Always open", selected: masteryRelease == nil),
                    .forEach(competencies) {
                        Components.option($0.id.rawValue, Self.name($0), selected: masteryRelease?.0 == $0.id)
                    }),
                .label(.for("release-level"), .class("sr-only"), "Level to reach"),
                .select(
                    .id("release-level"), .attribute(named: "name", value: "release-level"),
                    .forEach(levels) {
                        Components.option(
                            DisplayRounding.text($0.value), "at least \($0.label)",
                            selected: masteryRelease?.1 == $0.value)
                    })),
            .if(
                !checkpoints.isEmpty,
                .div(
                    .class("field"),
                    .label(.for("release-checkpoint"), "Or opens with a result on a checkpoint (optional)"),
                    .select(
                        .id("release-checkpoint"), .attribute(named: "name", value: "release-checkpoint"),
                        Components.option("", "No", selected: checkpointRelease == nil),
                        .forEach(checkpoints) {
                            Components.option($0.id.rawValue, $0.title, selected: checkpointRelease?.id == $0.id)
                        }),
                    .label(.for("release-result"), .class("sr-only"), "Result that opens it"),
                    .select(
                        .id("release-result"), .attribute(named: "name", value: "release-result"),
                        .forEach(levels) { level in
                            .group(
                                Components.option(
                                    "atmost:\(DisplayRounding.text(level.value))", "result at most \(level.label)",
                                    selected: checkpointRelease?.value == "atmost:\(DisplayRounding.text(level.value))"),
                                Components.option(
                                    "atleast:\(DisplayRounding.text(level.value))", "result at least \(level.label)",
                                    selected: checkpointRelease?.value == "atleast:\(DisplayRounding.text(level.value))"
                                ))
                        })))
        )
    }

    /// The levels offered for a release: those of the first scale (courses share one scale as a rule).
    var levels: [ProficiencyLevel] {
        competencies.lazy.compactMap { scales[$0.id] }.first?.levels ?? []
    }

    /// Competencies to tick, in a box that scrolls when the course has many.
    static func checklist(
        _ legend: String, name: String, competencies: [Competency], checked: Set<Competency.ID> = []
    ) -> Node<HTML.FormContext> {
        .fieldset(
            .element(named: "legend", text: legend),
            .div(
                .class("check-list"),
                .forEach(competencies) { competency in
                    .label(
                        .input(
                            .type(.checkbox), .name(name), .value(competency.id.rawValue),
                            .checked(checked.contains(competency.id))),
                        .text(" \(Self.name(competency))"))
                }))
    }

    static func name(_ competency: Competency) -> String {
        competency.code.isEmpty ? competency.title : "\(competency.code) — \(competency.title)"
    }

    /// The item a teacher posted.
    static func draft(_ form: FormData) throws -> PlaylistAuthoring.ItemDraft {
        let activity = form.text("item-activity").flatMap(PlaylistItem.Kind.init(rawValue:)) ?? .practice
        var release: PlaylistAuthoring.ReleaseDraft?
        if let competency = form.text("release-competency"), !competency.isEmpty {
            guard let level = try form.double("release-level", in: -1_000...1_000) else {
                throw AppError.invalid(message: "Choose the level that opens it.", field: "release-level")
            }
            release = .mastery(Competency.ID(competency), atLeast: level)
        } else if let checkpoint = form.text("release-checkpoint"), !checkpoint.isEmpty {
            let parts = (form.text("release-result") ?? "").split(separator: ":")
            guard parts.count == 2, let value = Double(parts[1]), value.isFinite,
                ["atmost", "atleast"].contains(parts[0])
            else { throw AppError.invalid(message: "Choose the result that opens it.", field: "release-result") }
            release = .checkpoint(
                PlaylistItem.ID(checkpoint), lowest: parts[0] == "atleast" ? value : nil,
                highest: parts[0] == "atmost" ? value : nil)
        }
        return .init(
            title: form.text("item-title") ?? "", isRequired: form.text("item-kind") != "may", kind: activity,
            modality: form.text("item-modality").flatMap(PlaylistItem.Modality.init(rawValue:)) ?? .reading,
            minutes: try form.int("item-minutes", in: 1...600) ?? 15, url: form.text("item-url"),
            details: form.text("item-details") ?? "",
            competencyIDs: form.all("item-competency").map { Competency.ID($0) }, release: release)
    }
}

import Foundation
import MasteryCore
import Plot

/// The fields of one playlist item, as a teacher fills them in (on a new playlist and when adding an item),
/// and how they are read back: what it is, must-do or may-do, the competencies it works on (a checkpoint is
/// scored on each), a link or text, and when it opens (a level on a competency).
struct PlaylistItemForm {
    var competencies: [Competency]
    var scales: [Competency.ID: ProficiencyScale]

    static let activities: [(PlaylistItem.Kind, String)] = [
        (.practice, "Practice"), (.resource, "Resource (video, reading, tool)"), (.smallGroup, "Small group with me"),
        (.project, "Project (handed in)"), (.checkpoint, "Checkpoint (handed in and scored)"),
    ]

    func fields() -> Node<HTML.FormContext> {
        .fieldset(
            .class("item-fields"),
            .element(named: "legend", text: "Item"),
            .div(
                .class("field"), .label(.for("item-title"), "What students do"),
                .input(
                    .type(.text), .id("item-title"), .name("item-title"),
                    .attribute(named: "required", value: "required"),
                    .attribute(named: "maxlength", value: "200"))),
            .div(
                .class("field"), .label(.for("item-activity"), "Kind of activity"),
                .select(
                    .id("item-activity"), .attribute(named: "name", value: "item-activity"),
                    .forEach(Self.activities) { Components.option($0.0.rawValue, $0.1) })),
            .fieldset(
                .class("inline-choices"), .element(named: "legend", text: "Everyone, or a choice?"),
                .label(.input(.type(.radio), .name("item-kind"), .value("must"), .checked(true)), " Must-do"),
                .label(.input(.type(.radio), .name("item-kind"), .value("may")), " May-do")),
            .div(
                .class("field"), .label(.for("item-modality"), "How"),
                .select(
                    .id("item-modality"), .attribute(named: "name", value: "item-modality"),
                    .forEach(PlaylistItem.Modality.allCases) { Components.option($0.rawValue, $0.label) })),
            .div(
                .class("field"), .label(.for("item-minutes"), "Minutes"),
                .input(
                    .type(.number), .id("item-minutes"), .name("item-minutes"), .value("15"),
                    .attribute(named: "min", value: "1"), .attribute(named: "max", value: "600"))),
            .div(
                .class("field"), .label(.for("item-url"), "Link (optional)"),
                .input(.type(.url), .id("item-url"), .name("item-url"))),
            .div(
                .class("field"), .label(.for("item-details"), "Instructions (optional)"),
                .textarea(.id("item-details"), .name("item-details"), .attribute(named: "rows", value: "2"))),
            Self.checklist(
                "Competencies it works on (a checkpoint is scored on each)", name: "item-competency",
                competencies: competencies),
            .div(
                .class("field"), .label(.for("release-competency"), "Opens when the student reaches (optional)"),
                .select(
                    .id("release-competency"), .attribute(named: "name", value: "release-competency"),
                    Components.option("", "Always open"),
                    .forEach(competencies) { Components.option($0.id.rawValue, Self.name($0)) }),
                .label(.for("release-level"), .class("sr-only"), "Level to reach"),
                .select(
                    .id("release-level"), .attribute(named: "name", value: "release-level"),
                    .forEach(levels) { Components.option(DisplayRounding.text($0.value), "at least \($0.label)") }))
        )
    }

    /// The levels offered for a release: those of the first scale (courses share one scale as a rule).
    var levels: [ProficiencyLevel] {
        competencies.lazy.compactMap { scales[$0.id] }.first?.levels ?? []
    }

    /// Competencies to tick, in a box that scrolls when the course has many.
    static func checklist(_ legend: String, name: String, competencies: [Competency]) -> Node<HTML.FormContext> {
        .fieldset(
            .element(named: "legend", text: legend),
            .div(
                .class("check-list"),
                .forEach(competencies) { competency in
                    .label(
                        .input(.type(.checkbox), .name(name), .value(competency.id.rawValue)),
                        .text(" \(Self.name(competency))"))
                }))
    }

    static func name(_ competency: Competency) -> String {
        competency.code.isEmpty ? competency.title : "\(competency.code) — \(competency.title)"
    }

    /// The item a teacher posted.
    static func draft(_ form: FormData) throws -> PlaylistAuthoring.ItemDraft {
        let activity = form.text("item-activity").flatMap(PlaylistItem.Kind.init(rawValue:)) ?? .practice
        var release: (Competency.ID, Double)?
        if let competency = form.text("release-competency"), !competency.isEmpty {
            guard let level = try form.double("release-level", in: -1_000...1_000) else {
                throw AppError.invalid(message: "Choose the level that opens it.", field: "release-level")
            }
            release = (Competency.ID(competency), level)
        }
        return .init(
            title: form.text("item-title") ?? "", isRequired: form.text("item-kind") != "may", kind: activity,
            modality: form.text("item-modality").flatMap(PlaylistItem.Modality.init(rawValue:)) ?? .reading,
            minutes: try form.int("item-minutes", in: 1...600) ?? 15, url: form.text("item-url"),
            details: form.text("item-details") ?? "",
            competencyIDs: form.all("item-competency").map { Competency.ID($0) }, release: release)
    }
}

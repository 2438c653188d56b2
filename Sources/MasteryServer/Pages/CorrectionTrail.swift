import Foundation
import MasteryCore
import Plot

/// The drill-down's record of corrections and exclusions, newest first, so a student, family or colleague can
/// see what changed in the evidence, who changed it and why.
enum CorrectionTrail {
    static func section(_ trail: [EvidenceCorrection], names: [Person.ID: String]) -> Node<HTML.BodyContext> {
        .if(
            !trail.isEmpty,
            .section(
                .class("card"), .id("corrections"), .attribute(named: "aria-labelledby", value: "corrections-title"),
                .h2(.id("corrections-title"), "Changes to the evidence"),
                .ul(
                    .class("plain-list"),
                    .forEach(trail) { entry in
                        .li(.text(sentence(entry, by: names[entry.event.recordedBy] ?? "Someone")))
                    })))
    }

    static func sentence(_ entry: EvidenceCorrection, by name: String) -> String {
        let when = Components.date(entry.event.recordedAt)
        let piece = "the evidence of \(Components.date(entry.original.observedAt))"
        let score = { (value: Double?) in value.map(DisplayRounding.short) ?? "no score" }
        let change =
            entry.event.action == .exclude
            ? "excluded \(piece) (\(score(entry.before)))"
            : "changed \(piece) from \(score(entry.before)) to \(score(entry.after))"
        return "\(when): \(name) \(change) — “\(entry.event.reason ?? "")”"
    }
}

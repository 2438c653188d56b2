import Foundation
import MasteryCore
import Plot

/// Small pieces shared by pages.
enum Components {
    /// A level shown as colour *and* words: "3 Proficient", never colour alone.
    static func levelBadge(
        _ level: ProficiencyLevel?, value: Double?, t: Translator = .english
    ) -> Node<HTML.BodyContext> {
        guard let value else {
            return .span(
                .class("level level-none"), .text(t("Not yet")),
                .span(.class("sr-only"), .text(t(" — not enough evidence yet"))))
        }
        guard let level else {
            // Knowledge tracing: a probability of mastery rather than a level of the scale.
            return .span(
                .class("level level-probability"), .span(.class("level-label"), .text(t("P(mastered)"))),
                .span(.class("level-value"), .text(DisplayRounding.text(value))))
        }
        // Only a well-formed colour reaches the style attribute (an imported scale's could be anything).
        let colour = ProficiencyLevel.normalizedColour(level.colour) ?? "#dbe4ee"
        return .span(
            .class("level"),
            .attribute(named: "style", value: "background:\(colour);color:\(Contrast.text(on: colour))"),
            .span(.class("level-label"), .text(t.data(level.label))),
            .span(.class("level-value"), .text(DisplayRounding.text(value)))
        )
    }

    /// An option of a select, chosen when `selected`.
    static func option(_ value: String, _ label: String, selected: Bool = false) -> Node<HTML.SelectContext> {
        .element(
            named: "option",
            nodes: [
                // Kept when empty ("any"): an option without a value submits its label.
                .attribute(named: "value", value: value, ignoreIfValueIsEmpty: false),
                .if(selected, .attribute(named: "selected", value: "selected")),
                .text(label),
            ])
    }

    /// A labelled input in the form's usual field layout.
    static func field(
        _ label: String, id: String, name: String? = nil, type: HTMLInputType = .text, value: String? = nil
    ) -> Node<HTML.FormContext> {
        .div(
            .class("field"), .label(.for(id), .text(label)),
            .input(.type(type), .id(id), .name(name ?? id), .unwrap(value) { .value($0) }))
    }

    static func mastered(_ mastered: Bool, t: Translator = .english) -> Node<HTML.BodyContext> {
        mastered ? .span(.class("tag tag-mastered"), .text(t("✓ Mastered"))) : .empty
    }

    /// A formatter of UTC moments in a fixed pattern (English month names).
    private static func utcFormatter(_ pattern: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter
    }

    static func date(_ date: Date) -> String {
        utcFormatter("MMM d, yyyy").string(from: date)
    }

    /// A stored day ("2026-12-02") as pages write dates ("Dec 2, 2026"); the text itself if it is not a day.
    static func day(_ isoDay: String) -> String { FormDates.parse(isoDay).map(date) ?? isoDay }

    /// A moment with its time, for logs people read: "Dec 2, 2026, 14:03:22 UTC".
    static func moment(_ date: Date) -> String {
        utcFormatter("MMM d, yyyy, HH:mm:ss 'UTC'").string(from: date)
    }

    /// "14:03:22" (UTC).
    static func clockTime(_ date: Date) -> String { utcFormatter("HH:mm:ss").string(from: date) }

    static func isoDate(_ date: Date) -> String {
        utcFormatter("yyyy-MM-dd").string(from: date)
    }

    static func summaryList(_ summaries: [MasterySummary], t: Translator = .english) -> Node<HTML.BodyContext> {
        .ul(
            .class("summary-list"),
            .forEach(summaries) { summary in
                .li(
                    .strong(.text("\(t.data(summary.kind.displayName)): ")),
                    .text(
                        t(
                            "{mastered} of {total} mastered",
                            ["mastered": t.number(summary.mastered), "total": t.number(summary.total)])),
                    .span(.class("muted"), .text(" " + t("({count} assessed)", ["count": t.number(summary.assessed)])))
                )
            })
    }

    /// The attributes of a box a wide table scrolls sideways in: reachable by keyboard and named, as a scrolling
    /// region must be (WCAG 2.1.1; axe's `scrollable-region-focusable`). The label is the table's caption.
    static func scrollRegion<Context>(_ label: String) -> Node<Context> {
        .group(
            .attribute(named: "class", value: "table-scroll"), .attribute(named: "tabindex", value: "0"),
            .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: label))
    }

    /// "Print or save as PDF": phones have no print menu, so a button (shown once its script runs), and without
    /// script a hint to use the browser's own command. Never printed itself.
    static func printButton(_ t: Translator) -> Node<HTML.BodyContext> {
        .group(
            .p(
                .class("no-print"),
                .button(
                    .type(.button), .class("button primary"), .attribute(named: "data-print", value: "true"),
                    .attribute(named: "hidden", value: "hidden"), .text(t("Print or save as PDF"))),
                .span(
                    .class("muted print-hint"),
                    .text(" " + t("To print or save as PDF, use your browser's Print command.")))),
            .script(.attribute(named: "src", value: "/assets/print.js"), .attribute(named: "defer", value: "defer")))
    }

    /// A notice for errors ("alert") or confirmations ("status").
    static func notice(_ text: String, error: Bool) -> Node<HTML.BodyContext> {
        .div(
            .class(error ? "notice notice-error" : "notice notice-ok"),
            .attribute(named: "role", value: error ? "alert" : "status"), .text(text))
    }

    static func legend(_ scale: ProficiencyScale, t: Translator = .english) -> Node<HTML.BodyContext> {
        .div(
            .class("legend"),
            .h2(.class("legend-title"), .text(t("Levels ({scale})", ["scale": t.data(scale.name)]))),
            .ul(
                .forEach(scale.levels.reversed()) { level in
                    .li(
                        levelBadge(level, value: level.value, t: t),
                        .if(
                            level.value == scale.masteryThreshold,
                            .span(.class("muted"), .text(" " + t("mastery threshold")))))
                },
                .li(
                    levelBadge(nil, value: nil, t: t),
                    .span(.class("muted"), .text(" " + t("not enough evidence yet"))))
            )
        )
    }
}

/// Picks black or white text for a background so the pair meets WCAG AA contrast.
enum Contrast {
    static func text(on background: String) -> String {
        luminance(background).map { $0 > 0.179 ? "#111418" : "#ffffff" } ?? "#111418"
    }

    static func luminance(_ hex: String) -> Double? {
        var digits = hex.trimmingCharacters(in: .whitespaces)
        if digits.hasPrefix("#") { digits.removeFirst() }
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        func channel(_ shift: UInt32) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }
}

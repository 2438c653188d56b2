import Foundation
import Plot

// The one escaping rule of our pages: every attribute value is escaped, as every text node already is.
//
// Plot escapes text but writes attribute values between double quotes as they are, so a goal title of
// `"><meta http-equiv=refresh …>` in an `aria-label` became markup in a parent's page. The declarations below
// have the same signatures as Plot's own; a declaration in the importing module shadows the imported one, so
// every `.href(…)`, `.value(…)`, `.id(…)`, `.attribute(named:value:)` … written in this module goes through
// `HTMLEscaping.attribute`. Links and form actions also pass `SafeURL`, so a stored `javascript:` link never
// becomes clickable. `AttributeEscapingTests` renders each of them with hostile values and fails when one of
// them resolves to Plot's unescaped original again.

extension Node {
    /// A custom attribute; its value is escaped.
    static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        .attribute(
            Attribute(
                name: name, value: value.map(HTMLEscaping.attribute), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty))
    }
}

extension Node where Context: HTMLContext {
    static func id(_ id: String) -> Node { .attribute(named: "id", value: id) }
    static func `class`(_ className: String) -> Node { .attribute(named: "class", value: className) }
    static func title(_ title: String) -> Node { .attribute(named: "title", value: title) }
    static func data(named name: String, value: String) -> Node {
        .attribute(named: "data-\(HTMLEscaping.attributeName(name))", value: value)
    }
}

extension Node where Context: HTMLNamableContext {
    static func name(_ name: String) -> Node { .attribute(named: "name", value: name) }
}

extension Node where Context: HTMLValueContext {
    /// Kept when empty: an `<option>` without a value would submit its label instead.
    static func value(_ value: String) -> Node { .attribute(named: "value", value: value, ignoreIfValueIsEmpty: false) }
}

extension Node where Context: HTMLLinkableContext {
    static func href(_ url: String) -> Node {
        .attribute(named: "href", value: SafeURL.attributeValue(url))
    }
    static func href(_ url: URL) -> Node { .href(url.absoluteString) }
}

extension Node where Context: HTMLSourceContext {
    static func src(_ url: String) -> Node {
        .attribute(named: "src", value: SafeURL.attributeValue(url))
    }
    static func src(_ url: URL) -> Node { .src(url.absoluteString) }
}

extension Node where Context == HTML.FormContext {
    static func action(_ url: String) -> Node {
        .attribute(named: "action", value: SafeURL.attributeValue(url))
    }
    static func action(_ url: URL) -> Node { .action(url.absoluteString) }
}

extension Node where Context == HTML.LabelContext {
    static func `for`(_ target: String) -> Node { .attribute(named: "for", value: target) }
}

extension Node where Context == HTML.TextAreaContext {
    static func placeholder(_ placeholder: String) -> Node { .attribute(named: "placeholder", value: placeholder) }
}

extension Node where Context: HTML.BodyContext {
    static func ariaLabel(_ label: String) -> Node { .attribute(named: "aria-label", value: label) }
    static func ariaControls(_ child: String) -> Node { .attribute(named: "aria-controls", value: child) }
}

// Elements such as `input`, `meta` and `img` take `Attribute`s rather than nodes: the same rule for those.

extension Attribute {
    /// A custom attribute; its value is escaped.
    static func attribute(named name: String, value: String?) -> Attribute {
        Attribute(name: name, value: value.map(HTMLEscaping.attribute))
    }
}

extension Attribute where Context: HTMLContext {
    static func id(_ id: String) -> Attribute { .attribute(named: "id", value: id) }
    static func `class`(_ className: String) -> Attribute { .attribute(named: "class", value: className) }
    static func title(_ title: String) -> Attribute { .attribute(named: "title", value: title) }
}

extension Attribute where Context: HTMLNamableContext {
    static func name(_ name: String) -> Attribute { .attribute(named: "name", value: name) }
}

extension Attribute where Context: HTMLValueContext {
    /// Kept when empty, as `Node.value`.
    static func value(_ value: String) -> Attribute {
        Attribute(name: "value", value: HTMLEscaping.attribute(value), ignoreIfValueIsEmpty: false)
    }
}

extension Attribute where Context: HTMLLinkableContext {
    static func href(_ url: String) -> Attribute {
        .attribute(named: "href", value: SafeURL.attributeValue(url))
    }
}

extension Attribute where Context: HTMLSourceContext {
    static func src(_ url: String) -> Attribute {
        .attribute(named: "src", value: SafeURL.attributeValue(url))
    }
}

extension Attribute where Context == HTML.InputContext {
    static func placeholder(_ placeholder: String) -> Attribute { .attribute(named: "placeholder", value: placeholder) }
}

extension Attribute where Context == HTML.OptionContext {
    static func label(_ label: String) -> Attribute { .attribute(named: "label", value: label) }
}

extension Attribute where Context == HTML.MetaContext {
    static func content(_ content: String) -> Attribute { .attribute(named: "content", value: content) }
}

extension Attribute where Context == HTML.ImageContext {
    static func alt(_ text: String) -> Attribute { .attribute(named: "alt", value: text) }
}

/// Escaping for HTML attribute values and names.
enum HTMLEscaping {
    /// The value with `&`, `"`, `'`, `<` and `>` as character references: safe between quotes of either kind.
    static func attribute(_ value: String) -> String { escape(value, quotes: true) }

    /// `&`, `<`, `>` — and with `quotes`, `"` and `'` — as character references.
    private static func escape(_ value: String, quotes: Bool) -> String {
        guard
            value.utf8.contains(where: {
                $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quotes && ($0 == 0x22 || $0 == 0x27))
            })
        else { return value }
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count + 16)
        for character in value.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"" where quotes: escaped += "&quot;"
            case "'" where quotes: escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// Text between tags, for markup our own code writes without Plot (`GradebookGrid`): `&`, `<` and `>` as
    /// character references.
    static func text(_ value: String) -> String { escape(value, quotes: false) }

    /// An attribute name keeps only ASCII letters, digits and `-`/`_` (anything else becomes `-`).
    static func attributeName(_ name: String) -> String {
        String(
            name.unicodeScalars.map { scalar -> Character in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"
                        || scalar == "_")
                    ? Character(scalar) : "-"
            })
    }
}

/// Which links a page may render: paths of this site, fragments and queries, and `http`, `https` and `mailto`
/// addresses. Anything else (`javascript:`, `data:`, `vbscript:`, a protocol-relative `//host`) becomes `#`.
enum SafeURL {
    static let schemes: Set<String> = ["http", "https", "mailto"]

    static func isSafe(_ url: String) -> Bool {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return true }
        if trimmed.hasPrefix("//") || trimmed.hasPrefix("/\\") || trimmed.hasPrefix("\\") { return false }
        if trimmed.hasPrefix("/") || trimmed.hasPrefix("#") || trimmed.hasPrefix("?") { return true }
        // A scheme is everything before the first ':' when no '/', '?' or '#' comes before it.
        guard let colon = trimmed.firstIndex(of: ":") else { return true }
        let head = trimmed[..<colon]
        if head.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        return schemes.contains(head.lowercased())
    }

    static func attributeValue(_ url: String) -> String { isSafe(url) ? url : "#" }
}

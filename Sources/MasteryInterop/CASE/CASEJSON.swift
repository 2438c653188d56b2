import Foundation

/// JSON values as Foundation reads them, with the few conversions CASE packages need.
enum CASEJSON {
    typealias Object = [String: Any]

    static func parse(_ data: Data) -> Any? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
    }

    /// Compact JSON text with sorted keys (for `details`), or nil for an empty object.
    static func text(_ object: Object) -> String? {
        guard !object.isEmpty,
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func object(_ text: String?) -> Object {
        guard let text, let value = parse(Data(text.utf8)) as? Object else { return [:] }
        return value
    }

    static func string(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        return text
    }

    static func nonEmpty(_ value: Any?) -> String? {
        guard let text = value as? String, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return nil
        }
        return text
    }

    /// An integer, from a JSON number or (leniently) a numeric string: `(value, wasString)`.
    static func integer(_ value: Any?) -> (Int, Bool)? {
        if let number = value as? NSNumber, !isBoolean(number), number.doubleValue == number.doubleValue.rounded() {
            return (number.intValue, false)
        }
        if let text = value as? String, let number = Int(text.trimmingCharacters(in: .whitespaces)) {
            return (number, true)
        }
        return nil
    }

    /// Whether a JSON number is really `true`/`false` (Foundation bridges both to `NSNumber`).
    static func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

    enum DateTimeForm { case zoned, unzoned, invalid }

    /// `YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)` is zoned; the same without a zone (or with a space) is unzoned.
    static func dateTimeForm(_ text: String) -> DateTimeForm {
        switch OneRosterDate.readDateTime(text) {
        case .valid: return text.count >= 19 ? .zoned : .invalid
        case .lenient(let message):
            return message.contains("no time zone") || message.contains("space instead") ? .unzoned : .invalid
        case .invalid: return .invalid
        }
    }

    /// A zoned form of a date-time (UTC when it had no zone).
    static func zoned(_ text: String) -> String {
        switch dateTimeForm(text) {
        case .zoned: return text
        case .unzoned: return text.replacingOccurrences(of: " ", with: "T") + "Z"
        case .invalid: return text
        }
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}

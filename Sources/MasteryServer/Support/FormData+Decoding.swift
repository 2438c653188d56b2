import Foundation

/// The one set of input rules every form post and JSON body passes (`InputRules`), and typed readers with
/// declared ranges: a route asks for `int("size", in: 2...30)`, never `Int(text)`.
extension FormData {
    /// Every field checked against `InputRules` (length, NUL, bidi overrides), naming the first bad field.
    func validated() throws -> FormData {
        for field in fields {
            try InputRules.check(field.name, as: "field name")
            try InputRules.check(field.value, field: field.name, limit: InputRules.limit(forField: field.name))
        }
        return self
    }

    /// An integer within `range`; nil when the field is absent or blank. Anything else — not a whole number,
    /// or outside the range — is refused naming the field and the range.
    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = text(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw AppError.invalid(
                message:
                    "\(InputRules.label(name)) must be a whole number from \(range.lowerBound) to \(range.upperBound).",
                field: name)
        }
        return value
    }

    /// A finite number within `range`; nil when absent or blank; otherwise refused naming the field.
    func double(_ name: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let text = text(name) else { return nil }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw AppError.invalid(
                message:
                    "\(InputRules.label(name)) must be a number from \(DisplayNumber.text(range.lowerBound)) to \(DisplayNumber.text(range.upperBound)).",
                field: name)
        }
        return value
    }

    /// An identifier (letters, digits, `-`, `_`, `.`, `:`), at most 200 characters; nil when absent or blank.
    func identifier(_ name: String) throws -> String? {
        guard let text = text(name) else { return nil }
        try InputRules.checkIdentifier(text, field: name)
        return text
    }
}

/// The limits on text anyone can send: what a person types is at most `maxText` characters (a long reflection
/// fits), and no value may carry NUL or the Unicode controls that reorder how text is shown (bidi overrides
/// and isolates, which can make a file name or a comment read differently from what it is).
enum InputRules {
    static let maxText = 20_000
    static let maxIdentifier = 200
    /// Fields that carry whole documents pasted into a form (none yet) would be named here.
    static func limit(forField name: String) -> Int { maxText }

    static let forbiddenScalars: Set<UInt32> = [
        0x0000, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ]

    static func check(_ value: String, field: String? = nil, as what: String = "value", limit: Int = maxText) throws {
        if let bad = value.unicodeScalars.first(where: { forbiddenScalars.contains($0.value) }) {
            let kind =
                bad.value == 0
                ? "a NUL character"
                : "a character that reorders text (U+\(String(bad.value, radix: 16, uppercase: true)))"
            throw AppError.invalid(
                message: "\(field.map(label) ?? "The \(what)") contains \(kind), which is not allowed.", field: field)
        }
        if value.utf8.count > limit, value.count > limit {
            throw AppError.invalid(
                message: "\(field.map(label) ?? "The \(what)") is longer than \(limit) characters.", field: field)
        }
    }

    static func checkIdentifier(_ value: String, field: String) throws {
        let allowed =
            value.count <= maxIdentifier && !value.isEmpty
            && value.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "-_.:".unicodeScalars.contains(scalar))
            }
        guard allowed else {
            throw AppError.invalid(
                message:
                    "\(label(field)) may use only letters, digits, '-', '_', '.' and ':' (at most \(maxIdentifier)).",
                field: field)
        }
    }

    /// "The field 'size'": how an error names a field.
    static func label(_ field: String) -> String { "The field '\(field)'" }
}

/// Numbers in messages: whole numbers without decimals, others as written.
enum DisplayNumber {
    static func text(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// "1 MB", "64 MB": a size in words.
enum ByteWording {
    static func size(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? "\(bytes / 1_000_000) MB" : bytes >= 1_000 ? "\(bytes / 1_000) KB" : "\(bytes) bytes"
    }
}

import Foundation

/// OneRoster dates and date-times: the strict ISO forms, the parseable non-ISO forms real exports write (read
/// with a warning), and everything else (refused; `1/05/2023` is ambiguous, so slash dates are never guessed).
enum OneRosterDate {
    enum Reading: Equatable {
        case valid
        /// Parseable but not in the standard form; the message says how it was read.
        case lenient(String)
        case invalid(String)
    }

    static func readDateTime(_ text: String) -> Reading {
        let bytes = Array(text.utf8)
        guard let dateEnd = calendarDateLength(bytes) else {
            return .invalid("'\(text)' is not a date-time (expected YYYY-MM-DDThh:mm:ss[.sss]Z)")
        }
        if dateEnd == bytes.count { return .lenient("'\(text)' is a date without a time; read as \(text)T00:00:00Z") }
        let separator = bytes[dateEnd]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: " "),
            let zoned = timeShape(bytes[(dateEnd + 1)...])
        else { return .invalid("'\(text)' is not a date-time (expected YYYY-MM-DDThh:mm:ss[.sss]Z)") }
        if separator == UInt8(ascii: " ") {
            let date = String(text.prefix(10))
            let time = String(text.dropFirst(11))
            return .lenient(
                "'\(text)' is not ISO 8601 (space instead of 'T'); read as \(date)T\(time)\(zoned ? "" : "Z")")
        }
        return zoned ? .valid : .lenient("'\(text)' has no time zone; read as UTC")
    }

    /// The instant a date-time that `readDateTime` accepts stands for (a date alone is its midnight UTC, a
    /// time without a zone is UTC); nil for anything it refuses.
    static func instant(_ text: String) -> Date? {
        if case .invalid = readDateTime(text) { return nil }
        var iso = text
        if iso.utf8.count == 10 { iso += "T00:00:00Z" }
        if iso.count > 10, iso[iso.index(iso.startIndex, offsetBy: 10)] == " " {
            iso = String(iso.prefix(10)) + "T" + String(iso.dropFirst(11))
        }
        let time = iso.dropFirst(11)
        if !time.contains("Z"), !time.contains("+"), !time.contains("-") { iso += "Z" }
        let plain = Date.ISO8601FormatStyle()
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return (try? plain.parse(iso)) ?? (try? fractional.parse(iso))
    }

    static func readDate(_ text: String) -> Reading {
        let bytes = Array(text.utf8)
        guard let dateEnd = calendarDateLength(bytes) else {
            return .invalid("'\(text)' is not a date (expected YYYY-MM-DD)")
        }
        if dateEnd == bytes.count { return .valid }
        if case .invalid = readDateTime(text) { return .invalid("'\(text)' is not a date (expected YYYY-MM-DD)") }
        return .lenient("'\(text)' is a date-time where a date is expected; read as \(text.prefix(10))")
    }

    static func isYear(_ text: String) -> Bool { text.utf8.count == 4 && text.utf8.allSatisfy(isDigit) }

    /// `YYYY-MM-DD` of a real calendar date at the start: its length (10), else nil.
    private static func calendarDateLength(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10]),
            (1...12).contains(month), day >= 1
        else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days ? 10 : nil
    }

    /// `hh:mm[:ss[.fff]]` then an optional zone (`Z` or `±hh:mm`): whether a zone was given.
    private static func timeShape(_ rest: ArraySlice<UInt8>) -> Bool? {
        var bytes = Array(rest)
        guard bytes.count >= 5, let hour = number(bytes[0..<2]), bytes[2] == UInt8(ascii: ":"),
            let minute = number(bytes[3..<5]), hour < 24, minute < 60
        else { return nil }
        bytes.removeFirst(5)
        if bytes.first == UInt8(ascii: ":") {
            guard bytes.count >= 3, let second = number(bytes[1..<3]), second <= 60 else { return nil }
            bytes.removeFirst(3)
            if bytes.first == UInt8(ascii: ".") {
                bytes.removeFirst()
                let digits = bytes.prefix(while: isDigit).count
                guard digits > 0 else { return nil }
                bytes.removeFirst(digits)
            }
        }
        if bytes.isEmpty { return false }
        if bytes == [UInt8(ascii: "Z")] { return true }
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
            number(bytes[1..<3]) != nil, bytes[3] == UInt8(ascii: ":"), number(bytes[4..<6]) != nil
        else { return nil }
        return true
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

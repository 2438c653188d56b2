import Foundation

/// RFC 3339 date-times as the API takes them ("2026-11-23T09:30:00Z", "2026-11-23T09:30:00.250-05:00"),
/// strictly: Foundation's ISO 8601 parser rolls "2026-02-30T25:61:00Z" over into March, which would record
/// evidence on a day nobody typed.
enum RFC3339 {
    static func date(_ text: String) -> Date? {
        let scalars = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for index in range {
                let byte = scalars[index]
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        func byte(_ index: Int, _ expected: Character) -> Bool {
            index < scalars.count && scalars[index] == expected.asciiValue!
        }
        guard scalars.count >= 20, let year = digits(0..<4), byte(4, "-"), let month = digits(5..<7), byte(7, "-"),
            let day = digits(8..<10), byte(10, "T") || byte(10, "t"), let hour = digits(11..<13), byte(13, ":"),
            let minute = digits(14..<16), byte(16, ":"), let second = digits(17..<19)
        else { return nil }
        var index = 19
        if byte(index, ".") {
            index += 1
            let start = index
            while index < scalars.count, (48...57).contains(scalars[index]) { index += 1 }
            guard index > start, index - start <= 9 else { return nil }
        }
        if byte(index, "Z") || byte(index, "z") {
            guard index + 1 == scalars.count else { return nil }
        } else {
            guard byte(index, "+") || byte(index, "-"), index + 6 == scalars.count,
                let offsetHour = digits(index + 1..<index + 3), byte(index + 3, ":"),
                let offsetMinute = digits(index + 4..<index + 6), offsetHour <= 23, offsetMinute <= 59
            else { return nil }
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard year >= 1, (1...12).contains(month), (1...days[month - 1]).contains(day), hour <= 23, minute <= 59,
            second <= 59
        else { return nil }
        let normalized = text.uppercased()
        let styles = [Date.ISO8601FormatStyle(includingFractionalSeconds: true), Date.ISO8601FormatStyle()]
        for style in styles { if let date = try? style.parse(normalized) { return date } }
        return nil
    }
}

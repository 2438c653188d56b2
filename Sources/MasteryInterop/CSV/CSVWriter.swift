import Foundation

/// Writes RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled, lines end in
/// CRLF. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is
/// prefixed with an apostrophe, so an exported name can never execute in Excel.
public enum CSVWriter {
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A line for an interchange file another program reads back (OneRoster, Moodle): quoted as RFC 4180
    /// requires but never altered, so values round-trip exactly.
    public static func exactLine(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    public static func document(header: [String], rows: [[String]]) -> String {
        line(header) + rows.map(line).joined()
    }

    static func field(_ raw: String) -> String {
        var text = raw
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil {
            text = "'" + text
        }
        return quoted(text)
    }

    static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation

/// Reads RFC 4180 CSV (or tab-separated text) from bytes: quoted fields with commas, doubled quotes and line
/// breaks, CRLF or LF line ends, an optional UTF-8 byte-order mark. Each record keeps the line it starts on,
/// so problems can be reported as `file:line`.
public struct CSVReader: Sendable {
    public struct Record: Sendable {
        /// 1-based line number where the record starts.
        public var line: Int
        public var fields: [String]
    }

    public let separator: UInt8
    /// Whether `"` quotes fields. Tab-separated exports (DataShop, spreadsheets) use bare quotes as text.
    public let quoting: Bool

    public init(separator: Character = ",", quoting: Bool = true) {
        self.separator = separator.asciiValue ?? UInt8(ascii: ",")
        self.quoting = quoting
    }

    /// Guesses the separator from the first line: tab-separated text (without quoting) if it has more tabs
    /// than commas, else CSV.
    public static func detectingSeparator(in data: Data) -> CSVReader {
        let firstLine = data.prefix { $0 != UInt8(ascii: "\n") }
        let tabs = firstLine.filter { $0 == UInt8(ascii: "\t") }.count
        let commas = firstLine.filter { $0 == UInt8(ascii: ",") }.count
        return tabs > commas ? CSVReader(separator: "\t", quoting: false) : CSVReader(separator: ",")
    }

    /// Every record; blank lines are skipped. An unterminated quote is reported on the line it opened.
    public func records(_ data: Data) throws(CSVError) -> [Record] {
        var result: [Record] = []
        try forEachRecord(data) { result.append($0) }
        return result
    }

    /// Calls `body` with each record in turn without keeping them all.
    public func forEachRecord(_ data: Data, _ body: (Record) throws(CSVError) -> Void) throws(CSVError) {
        let bytes = [UInt8](data)
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        var line = 1
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        while index < bytes.count {
            let recordLine = line
            var fields: [String] = []
            var field: [UInt8] = []
            var atRecordEnd = false
            var blank = true
            while !atRecordEnd {
                if index >= bytes.count {
                    atRecordEnd = true
                    break
                }
                let byte = bytes[index]
                if quoting && byte == quote && field.isEmpty {
                    blank = false
                    index += 1
                    var closed = false
                    while index < bytes.count {
                        let inner = bytes[index]
                        if inner == quote {
                            if index + 1 < bytes.count && bytes[index + 1] == quote {
                                field.append(quote)
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        if inner == newline { line += 1 }
                        field.append(inner)
                        index += 1
                    }
                    if !closed { throw CSVError(line: recordLine, message: "a quoted field is never closed") }
                    continue
                }
                if byte == separator {
                    blank = false
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                    index += 1
                } else if byte == newline || byte == carriageReturn {
                    index += 1
                    if byte == carriageReturn, index < bytes.count, bytes[index] == newline { index += 1 }
                    line += 1
                    atRecordEnd = true
                } else {
                    blank = false
                    field.append(byte)
                    index += 1
                }
            }
            if blank && fields.isEmpty && field.isEmpty { continue }
            fields.append(String(decoding: field, as: UTF8.self))
            try body(Record(line: recordLine, fields: fields))
        }
    }
}

/// A CSV that cannot be read, with the line where the problem starts.
public struct CSVError: Error, Hashable, Sendable {
    public var line: Int
    public var message: String
}

import Foundation

/// A `multipart/form-data` body (RFC 7578): text fields and uploaded files.
struct MultipartForm: Sendable {
    struct File: Sendable, Equatable {
        var field: String
        var fileName: String
        var data: Data
    }

    var fields: [(name: String, value: String)] = []
    var files: [File] = []

    /// The boundary of a `multipart/form-data` content type, if it is one.
    static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            var value = String(part.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Parses `body`; nil when it is not a well-formed multipart body with this boundary.
    init?(body: Data, boundary: String) {
        let delimiter = Data("--\(boundary)".utf8)
        let bytes = body
        guard var position = bytes.range(of: delimiter)?.upperBound else { return nil }
        let headerEnd = Data("\r\n\r\n".utf8)
        let nextDelimiter = Data("\r\n--\(boundary)".utf8)
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if bytes[position...].starts(with: Data("--".utf8)) { break }
            guard bytes[position...].starts(with: Data("\r\n".utf8)) else { return nil }
            position += 2
            guard let headersRange = bytes.range(of: headerEnd, in: position..<bytes.endIndex),
                let end = bytes.range(of: nextDelimiter, in: headersRange.upperBound..<bytes.endIndex)
            else { return nil }
            let headers = String(decoding: bytes[position..<headersRange.lowerBound], as: UTF8.self)
            let content = bytes[headersRange.upperBound..<end.lowerBound]
            var name: String?
            var fileName: String?
            for line in headers.components(separatedBy: "\r\n")
            where line.lowercased().hasPrefix("content-disposition:") {
                name = Self.parameter("name", in: line)
                fileName = Self.parameter("filename", in: line)
            }
            if let name {
                if let fileName {
                    files.append(File(field: name, fileName: fileName, data: Data(content)))
                } else {
                    fields.append((name, String(decoding: content, as: UTF8.self)))
                }
            }
            position = end.upperBound
        }
    }

    /// A quoted parameter of a header line (`name="x"`).
    static func parameter(_ key: String, in line: String) -> String? {
        for part in line.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard part.lowercased().hasPrefix("\(key)=") else { continue }
            var value = String(part.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            // Browsers may send a path; only the last component is the file's name.
            return value.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? value
        }
        return nil
    }
}

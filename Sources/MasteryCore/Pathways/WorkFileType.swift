import Foundation

/// The kinds of file a student may hand in: photos, PDF, plain text and office documents. A file's kind is
/// read from its first bytes (and, for the zip-based documents and text, its name), never from what the
/// browser claims, so a renamed program is refused.
public enum WorkFileType: String, Hashable, Codable, Sendable, CaseIterable {
    case jpeg, png, gif, webp, heic, pdf, text, docx, xlsx, pptx, odt

    /// The largest file accepted, and the most files one hand-in may carry.
    public static let maxFileBytes = 10_000_000
    public static let maxFiles = 5

    public var mediaType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .heic: "image/heic"
        case .pdf: "application/pdf"
        case .text: "text/plain; charset=utf-8"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .odt: "application/vnd.oasis.opendocument.text"
        }
    }

    /// Shown inline in a browser (a photo): everything else downloads.
    public var isImage: Bool { [.jpeg, .png, .gif, .webp].contains(self) }

    /// What people call the accepted kinds, for a refusal.
    public static let accepted =
        "photos (JPEG, PNG, GIF, WebP, HEIC), PDF, plain text, Word, Excel, PowerPoint or OpenDocument"

    /// The kind of a file from its name and bytes, or nil when it is not one we accept.
    public static func detect(name: String, data: Data) -> WorkFileType? {
        let head = [UInt8](data.prefix(16))
        func starts(_ bytes: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + bytes.count && Array(head[offset..<offset + bytes.count]) == bytes
        }
        let suffix = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("ftyp".utf8), at: 4),
            ["heic", "heix", "mif1", "msf1", "hevc"].contains(
                String(decoding: head.dropFirst(8).prefix(4), as: UTF8.self))
        {
            return .heic
        }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            switch suffix {
            case "docx": return .docx
            case "xlsx": return .xlsx
            case "pptx": return .pptx
            case "odt": return .odt
            default: return nil
            }
        }
        if ["txt", "md", "csv"].contains(suffix), !data.contains(0), String(data: data, encoding: .utf8) != nil {
            return .text
        }
        return nil
    }
}

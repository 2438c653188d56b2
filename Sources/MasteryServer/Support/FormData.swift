import Foundation

/// The fields of a form post (urlencoded, or multipart with uploaded files). Repeated names keep every value
/// in order.
struct FormData: Sendable, Equatable {
    private(set) var fields: [(name: String, value: String)] = []
    private(set) var files: [MultipartForm.File] = []

    init() {}

    init(multipart: MultipartForm) {
        fields = multipart.fields
        files = multipart.files
    }

    /// The uploaded file of a field, if one was chosen.
    func file(_ name: String) -> MultipartForm.File? { files.first { $0.field == name && !$0.fileName.isEmpty } }

    init(urlEncoded text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            fields.append((name, value))
        }
    }

    static func decode(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
    }

    subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// The trimmed value, or nil when absent or blank.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    static func == (lhs: FormData, rhs: FormData) -> Bool {
        lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
            && lhs.files == rhs.files
    }
}

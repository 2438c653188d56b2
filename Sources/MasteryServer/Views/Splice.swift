import Foundation

/// Large text placed into a page without Plot: Plot renders each element's children into a buffer of their own
/// and then copies it into the parent's, so a half-megabyte gradebook grid inside a few levels of elements was
/// copied once per level. The page is rendered around a marker instead, and the text put in its place once.
enum Splice {
    /// A comment no escaped value can contain (the id is random per process).
    static let marker = "<!--splice-\(UUID().uuidString)-->"

    /// `framed` with `inner` in place of the marker (appended after it if the marker is missing).
    static func place(_ inner: String, into framed: String) -> String {
        guard let range = framed.range(of: marker) else { return framed + inner }
        var html = ""
        html.reserveCapacity(framed.utf8.count + inner.utf8.count)
        html += framed[..<range.lowerBound]
        html += inner
        html += framed[range.upperBound...]
        return html
    }
}

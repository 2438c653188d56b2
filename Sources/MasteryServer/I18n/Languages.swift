import Foundation

/// The languages pages can be read in: English (the source), Spanish (built in) and any catalogue files in the
/// languages folder. Read once at start.
public struct Languages: Sendable {
    /// Every catalogue, by code (English has none).
    public let catalogs: [String: Catalog]
    /// Messages asked for that a catalogue lacked (tests fail on any).
    public let misses = MissedMessages()

    /// English and Spanish only.
    public static let builtIn = Languages(catalogs: [SpanishCatalog.catalog.code: SpanishCatalog.catalog])

    private init(catalogs: [String: Catalog]) { self.catalogs = catalogs }

    public init(folder: String? = nil) throws {
        var catalogs = [SpanishCatalog.catalog.code: SpanishCatalog.catalog]
        if let folder {
            let url = URL(fileURLWithPath: folder)
            let files = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
            for file in files.sorted(by: { $0.path < $1.path }) where file.pathExtension == "json" {
                let catalog = try Catalog.load(file)
                catalogs[catalog.code] = catalog
            }
        }
        self.catalogs = catalogs
    }

    /// English first, then every other language by its code: what the language menu offers.
    public var choices: [LanguageChoice] {
        [LanguageChoice(code: "en", name: "English")]
            + catalogs.values.sorted { $0.code < $1.code }.map { LanguageChoice(code: $0.code, name: $0.name) }
    }

    /// Whether pages can be shown in `code`.
    public func knows(_ code: String) -> Bool { code == "en" || catalogs[code] != nil }

    public func translator(_ code: String) -> Translator {
        Translator(catalog: catalogs[code], misses: misses)
    }

    /// The language of a request: the one asked for in `?lang=`, else the one this browser last asked for (its
    /// cookie), else the person's saved choice, else the first the browser accepts that we have, else English.
    public func choose(asked: String?, cookie: String?, saved: String?, acceptLanguage: String?) -> String {
        for candidate in [asked, cookie, saved] {
            if let candidate, knows(candidate) { return candidate }
        }
        for tag in Self.accepted(acceptLanguage) {
            if knows(tag) { return tag }
            if let primary = tag.split(separator: "-").first.map(String.init), knows(primary) { return primary }
        }
        return "en"
    }

    /// The tags of an Accept-Language header, most wanted first (`q=0` left out).
    static func accepted(_ header: String?) -> [String] {
        guard let header else { return [] }
        let weighted = header.split(separator: ",").enumerated().compactMap { index, item -> (String, Double, Int)? in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased(), !tag.isEmpty, tag != "*" else { return nil }
            let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return q > 0 ? (tag, q, index) : nil
        }
        return weighted.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }.map(\.0)
    }
}

/// A language on the menu: its code and its name in itself.
public struct LanguageChoice: Sendable, Hashable {
    public let code: String
    public let name: String
}

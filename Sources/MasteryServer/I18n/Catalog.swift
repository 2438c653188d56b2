import Foundation

/// The pages' words in one language: each message keyed by its English text (placeholders as `{name}`), with
/// the language's plural rule. English needs no catalogue. Spanish is built in (`SpanishCatalog`); a district adds
/// a language without code by dropping a JSON file in the languages folder (`--languages DIR`):
///
///     { "code": "pt", "name": "Português", "plural": "one-other",
///       "messages": { "Sign out": "Sair", "{count} students": "{count} alunos", … } }
///
/// A message missing from a catalogue shows in English (and is counted, so a test can fail on it).
public struct Catalog: Sendable, Hashable {
    /// The BCP 47 code ("es", "pt-BR") that `?lang=` and a person's saved language name.
    public let code: String
    /// The language's name in itself ("Español"), for the language menu.
    public let name: String
    /// How the language picks a plural form.
    public let plural: PluralRule
    let messages: [String: String]

    public enum PluralRule: String, Sendable, Hashable, Codable {
        /// A singular for exactly 1 and a plural otherwise (English, Spanish, Portuguese, French, …).
        case oneOther = "one-other"
        /// One form for every count (Vietnamese, Chinese, Korean, …).
        case other
    }

    public init(code: String, name: String, plural: PluralRule = .oneOther, messages: [String: String]) {
        self.code = code
        self.name = name
        self.plural = plural
        self.messages = messages
    }

    /// The translation of an English message, if this catalogue has it.
    public func message(_ english: String) -> String? { messages[english] }

    /// The English source texts this catalogue translates.
    public var keys: Set<String> { Set(messages.keys) }

    /// Reads a catalogue file, naming the file and what is wrong with it.
    public static func load(_ url: URL) throws -> Catalog {
        struct File: Decodable {
            var code: String
            var name: String
            var plural: PluralRule?
            var messages: [String: String]
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        } catch {
            throw CatalogError(file: url.lastPathComponent, message: "not a language catalogue: \(error)")
        }
        guard file.code.range(of: #"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"#, options: .regularExpression) != nil else {
            throw CatalogError(
                file: url.lastPathComponent, message: "code '\(file.code)' is not a language code like es or pt-BR")
        }
        return Catalog(code: file.code, name: file.name, plural: file.plural ?? .oneOther, messages: file.messages)
    }
}

/// A catalogue file that cannot be used.
public struct CatalogError: Error, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): \(message)" }
}

import Foundation
import NIOConcurrencyHelpers

/// Puts a page's words into one language: `t("Sign out")`, `t("{count} students", ["count": "3"])`,
/// `t.plural(n, "{count} student", "{count} students")`, `t.date(date)`. English when the catalogue is nil or lacks
/// the message; a lacking message is noted in `misses` (tests fail on any).
public struct Translator: Sendable {
    public let catalog: Catalog?
    let misses: MissedMessages?

    public init(catalog: Catalog?, misses: MissedMessages? = nil) {
        self.catalog = catalog
        self.misses = misses
    }

    public static let english = Translator(catalog: nil)

    /// The page's language code, for `<html lang>`.
    public var code: String { catalog?.code ?? "en" }

    public func callAsFunction(_ english: String, _ values: [String: String] = [:]) -> String {
        var text = english
        if let catalog {
            if let translated = catalog.message(english) {
                text = translated
            } else {
                misses?.note(english, language: catalog.code)
            }
        }
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// Text that comes with the data (a scale's level names, a kind of competency) rather than the page: its
    /// translation when the catalogue has one, else as it is — never noted as missing.
    public func data(_ text: String) -> String { catalog?.message(text) ?? text }

    /// `one` for a count of 1 (in languages that have a singular), `other` otherwise; `{count}` is filled in.
    public func plural(_ count: Int, _ one: String, _ other: String) -> String {
        let singular = count == 1 && (catalog?.plural ?? .oneOther) == .oneOther
        return self(singular ? one : other, ["count": number(count)])
    }

    /// A whole number as the language writes it.
    public func number(_ value: Int) -> String { value.formatted(.number.locale(locale)) }

    /// A day as the language writes it: "Dec 2, 2026" (as English pages always have), "2 de diciembre de 2026".
    public func date(_ date: Date) -> String {
        guard catalog != nil else { return Components.date(date) }
        return date.formatted(Date.FormatStyle(date: .long, time: .omitted, locale: locale, timeZone: .gmt))
    }

    var locale: Locale { Locale(identifier: catalog?.code ?? "en-GB") }
}

/// Messages asked for in a language whose catalogue lacks them.
public final class MissedMessages: Sendable {
    private let seen = NIOLockedValueBox<Set<String>>([])

    public init() {}

    func note(_ english: String, language: String) {
        _ = seen.withLockedValue { $0.insert("\(language): \(english)") }
    }

    /// Every "language: English text" noted so far.
    public var all: Set<String> { seen.withLockedValue { $0 } }
}

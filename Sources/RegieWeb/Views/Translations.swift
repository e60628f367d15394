import Foundation

/// The Dutch texts of Regie and their English translations, from `Resources/Locales/{nl,en}.json`.
///
/// Dutch is the source language; a key missing in English falls back to Dutch, and a test checks that
/// both files have the same keys.
public struct Translations: Sendable {
    public static let locales = ["nl", "en"]
    let tables: [String: [String: String]]
    /// The template tables, made once: building one per rendered page cost a sixth of a case page's time.
    private let templateTables: [String: [String: String]]

    public init(tables: [String: [String: String]]) {
        self.tables = tables
        var templateTables: [String: [String: String]] = [:]
        for locale in Set(Self.locales).union(tables.keys) {
            let merged = (tables["nl"] ?? [:]).merging(tables[locale] ?? [:]) { _, translated in translated }
            templateTables[locale] = Dictionary(
                uniqueKeysWithValues: merged.map { ($0.key.replacingOccurrences(of: ".", with: "_"), $0.value) })
        }
        self.templateTables = templateTables
    }

    public static func bundled() throws -> Translations {
        var tables: [String: [String: String]] = [:]
        for locale in locales {
            guard let url = Bundle.module.url(forResource: "Resources/Locales/\(locale)", withExtension: "json") else {
                throw CocoaError(.fileNoSuchFile)
            }
            tables[locale] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        }
        return Translations(tables: tables)
    }

    public func has(_ key: String) -> Bool { tables["nl"]?[key] != nil }

    public func text(_ key: String, _ locale: String) -> String {
        tables[locale]?[key] ?? tables["nl"]?[key] ?? key
    }

    /// The text for a count of things: `key.one` when the count is exactly one and the table has that key, else
    /// `key`. Dutch and English both have a single singular form, so one extra key per counted text is enough.
    public func text(_ key: String, count: Int, _ locale: String) -> String {
        count == 1 && has(key + ".one") ? text(key + ".one", locale) : text(key, locale)
    }

    /// `text` with each `%@`, `%d` and `%ld` filled by the next of `values` (a number given as its decimal digits)
    /// and each `%%` read as `%`, as `String(format:)` fills a text whose placeholders are all of these; anything
    /// else stays as written. The home page fills a few texts on every view and a worklist one reason per row,
    /// and Foundation's formatter (which parses the format and bridges every value) cost the home page 3 % of the
    /// server's time at region scale.
    public static func filling(_ text: String, with values: [String]) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var result = ""
        var next = values.makeIterator()
        var rest = Substring(text)
        while let percent = rest.firstIndex(of: "%") {
            result += rest[..<percent]
            let after = rest.index(after: percent)
            guard after < rest.endIndex else {
                rest = rest[after...]
                result += "%"
                break
            }
            let placeholder = ["@", "d", "ld"].first { rest[after...].hasPrefix($0) }
            if let placeholder, let value = next.next() {
                result += value
                rest = rest[rest.index(after, offsetBy: placeholder.count)...]
            } else if rest[after] == "%" {
                result += "%"
                rest = rest[rest.index(after: after)...]
            } else {
                result += "%"
                rest = rest[after...]
            }
        }
        return result + rest
    }

    /// The whole table for a locale, for templates. Mustache reads dots as nesting, so templates write
    /// `{{t.login_title}}` for the key `login.title`.
    public func table(_ locale: String) -> [String: String] {
        templateTables[locale] ?? templateTables["nl"] ?? [:]
    }

    /// Keys present in one table and missing in the other.
    public var inconsistentKeys: Set<String> {
        let nl = Set(tables["nl"]?.keys ?? [:].keys)
        let en = Set(tables["en"]?.keys ?? [:].keys)
        return nl.symmetricDifference(en)
    }
}

/// Validation failures per form field, as translation keys; shown next to the field with the input kept.
public struct FieldErrors: Error, Sendable, Equatable {
    public private(set) var messages: [String: String] = [:]

    public init() {}

    public init(_ field: String, _ key: String) { messages[field] = key }

    public mutating func add(_ field: String, _ key: String) {
        if messages[field] == nil { messages[field] = key }
    }

    public var isEmpty: Bool { messages.isEmpty }

    /// Throws when any field failed.
    public func check() throws { if !isEmpty { throw self } }

    /// `{"field": "translated message"}` for templates.
    func translated(_ translations: Translations, _ locale: String) -> [String: String] {
        messages.mapValues { translations.text($0, locale) }
    }
}

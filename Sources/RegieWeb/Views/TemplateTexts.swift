import Foundation

/// Puts a language's fixed texts into the templates once, when they are loaded: `{{t.home_welcome}}` becomes the
/// escaped text itself.
///
/// Mustache looks up every `{{t.…}}` at each rendering, climbing from the innermost section to the page's values
/// and asking each level, through the runtime's protocol casts, whether it knows `t`: a fifth of a case page's tags,
/// and the most expensive ones inside lists. A key without a text, or a text that would read as a tag, is left to
/// that lookup (`Page.values` still hands the table in as `t`), as is `{{{t.key}}}`.
struct TemplateTexts {
    let table: [String: String]

    /// The text of `key` (a template's `t.` name) escaped as `{{t.key}}` puts it in, for HTML written by Swift.
    func escaped(_ key: String) -> String { HTMLEscaping.escape(table[key] ?? key) }

    /// `source` with each `{{t.key}}` whose text is known replaced by that text, escaped as `{{…}}` would.
    func fillIn(_ source: String) -> String {
        var result = ""
        result.reserveCapacity(source.utf8.count)
        var rest = Substring(source)
        while let start = rest.range(of: "{{t.") {
            let afterOpening = rest[start.upperBound...]
            guard let end = afterOpening.range(of: "}}") else { break }
            result += rest[..<start.lowerBound]
            let key = String(afterOpening[..<end.lowerBound])
            let unescaped = rest[..<start.lowerBound].last == "{"  // `{{{t.key}}}` asks for the text as it is
            if !unescaped, let text = table[key], !text.contains("{{"), key.allSatisfy(Self.isKeyCharacter) {
                result += HTMLEscaping.escape(text)
            } else {
                result += rest[start.lowerBound..<end.upperBound]
            }
            rest = afterOpening[end.upperBound...]
        }
        return result + rest
    }

    private static func isKeyCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }
}

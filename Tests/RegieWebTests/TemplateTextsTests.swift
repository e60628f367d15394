import Foundation
import Mustache
import Testing

@testable import RegieWeb

@Suite("Template texts")
struct TemplateTextsTests {
    private let texts = TemplateTexts(table: ["home_welcome": "Welkom", "risk": "Kind & ouder <samen>", "odd": "{{x}}"])

    @Test("A known text is put in, escaped as Mustache would; anything else is left to the lookup")
    func fillIn() {
        #expect(texts.fillIn("<h1>{{t.home_welcome}}, {{user.name}}</h1>") == "<h1>Welkom, {{user.name}}</h1>")
        #expect(texts.fillIn("<p title=\"{{t.risk}}\">") == "<p title=\"Kind &amp; ouder &lt;samen&gt;\">")
        #expect(texts.fillIn("{{t.unknown}} {{t.odd}} {{{t.risk}}}") == "{{t.unknown}} {{t.odd}} {{{t.risk}}}")
        #expect(texts.fillIn("{{#t.home_welcome}}x{{/t.home_welcome}}") == "{{#t.home_welcome}}x{{/t.home_welcome}}")
        #expect(texts.fillIn("open {{t.home_welcome") == "open {{t.home_welcome")
    }

    @Test("A page renders the same with the texts put in as with them looked up, in both languages")
    func samePage() async throws {
        let views = try await Views.bundled()
        let source = "{{% CONTENT_TYPE: REGIE_HTML}}\n{{#rows}}<li>{{t.worklist_since}} {{since}}</li>{{/rows}}"
        let values: [String: Any] = ["rows": [["since": "01-02-2026"], ["since": "<b>"]]]
        for locale in Translations.locales {
            let table = views.translations.table(locale)
            let filled = try MustacheTemplate(string: TemplateTexts(table: table).fillIn(source))
            let looked = try MustacheTemplate(string: source)
            var object = values
            object["t"] = table
            #expect(filled.render(object) == looked.render(object))
            #expect(filled.render(object).contains(HTMLEscaping.escape(table["worklist_since"]!)))
        }
    }
}

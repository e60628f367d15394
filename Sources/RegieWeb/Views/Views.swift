import Foundation
import Hummingbird
import Mustache

/// Renders pages from the Mustache templates in `Resources/Templates`, inside the common layout.
///
/// Mustache escapes every `{{value}}`, so user input is always shown as text, never as HTML. Every template
/// starts with `{{% CONTENT_TYPE: REGIE_HTML}}`, which chooses Regie's faster escaper (`HTMLEscaping`); partials
/// and the layout inherit it from the page.
public struct Views: Sendable {
    /// The templates per language, with their fixed texts already in (`TemplateTexts`).
    let libraries: [String: MustacheLibrary]
    public let translations: Translations

    public static func bundled() async throws -> Views {
        guard let directory = Bundle.module.url(forResource: "Resources/Templates", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        HTMLEscaping.register()
        let translations = try Translations.bundled()
        var sources: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path)
        where file.hasSuffix(".mustache") {
            sources[String(file.dropLast(".mustache".count))] = try String(
                contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        }
        var libraries: [String: MustacheLibrary] = [:]
        for locale in Translations.locales {
            let texts = TemplateTexts(table: translations.table(locale))
            libraries[locale] = MustacheLibrary(
                templates: try sources.mapValues { try MustacheTemplate(string: texts.fillIn($0)) })
        }
        return Views(libraries: libraries, translations: translations)
    }

    /// Renders `template` with the page frame values plus `values`.
    public func render(_ template: String, page: Page, values: [String: Any] = [:], status: HTTPResponse.Status = .ok)
        -> Response
    {
        var object = page.values(translations: translations)
        for (key, value) in values { object[key] = value }
        let html = fragment(template, locale: page.locale, values: object)
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// Renders `template` with `values` alone, in `locale`: a part of a page, placed with `{{{…}}}`.
    func fragment(_ template: String, locale: String, values: [String: Any]) -> String {
        let library = libraries[locale] ?? libraries["nl"]!
        return library.render(values, withTemplate: template) ?? "Template \(template) ontbreekt"
    }
}

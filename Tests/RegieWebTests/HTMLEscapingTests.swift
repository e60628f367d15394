import Foundation
import Mustache
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("HTMLEscaping")
struct HTMLEscapingTests {
    @Test("Escapes the five characters Mustache escapes and leaves the rest, multi-byte ones too")
    func escaping() {
        #expect(
            HTMLEscaping.escape(#"<a href="x">Tom & 'Zoë'</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Zoë&#39;&lt;/a&gt;")
        #expect(HTMLEscaping.escape("Ümit Çelik — 🏠 2026-2NDC2") == "Ümit Çelik — 🏠 2026-2NDC2")
        #expect(HTMLEscaping.escape("") == "")
        #expect(HTMLEscaping.escape("&amp;") == "&amp;amp;")
    }

    @Test("Renders exactly what Mustache's own HTML escaping renders")
    func sameAsMustache() throws {
        HTMLEscaping.register()
        let hostile = #""><script>alert('x')</script>&copy; Zoë"#
        let own = try MustacheTemplate(string: "{{% CONTENT_TYPE: REGIE_HTML}}\n<p title=\"{{v}}\">{{v}}</p>")
        let library = try MustacheTemplate(string: "<p title=\"{{v}}\">{{v}}</p>")
        #expect(own.render(["v": hostile]) == library.render(["v": hostile]))
        #expect(!own.render(["v": hostile]).contains("<script>"))
    }

    @Test("Every template chooses the escaper on its first line")
    func everyTemplate() throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/RegieWeb/Resources/Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: templates.path)
        #expect(files.count > 30)
        for file in files where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8)
            #expect(text.hasPrefix("{{% CONTENT_TYPE: REGIE_HTML}}\n"), "\(file)")
        }
    }

    @Test("A typed value comes back on the page as text, in the layout and in the form")
    func throughThePage() async throws {
        try await Harness.run(.sqlite) { _, client in
            var browser = Browser(client)
            _ = try await browser.login("regisseur@test.nl")
            let page = try await browser.get("/who-is-involved?family=%22%3E%3Cb%3EJansen%3C%2Fb%3E")
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("&quot;&gt;&lt;b&gt;Jansen&lt;/b&gt;"))
            #expect(!page.body.contains("<b>Jansen"))
            #expect(page.body.contains("<!DOCTYPE html>") && page.body.contains("</html>"))
        }
    }
}

import Foundation
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Signal row")
struct SignalRowTests {
    static func row(_ id: String, overdue: Bool) -> SignalRow {
        SignalRow(
            id: id, received: "02-11-2026", reference: "2026-<b>", reporter: "Jan & Piet", organisation: "GGD",
            concerns: "Wonen, Financiën", crisis: true, urgent: false, age: "3", due: "09-11-2026", overdue: overdue,
            status: "Nieuw", decidedLate: false)
    }

    static func texts(_ locale: String) throws -> TemplateTexts {
        TemplateTexts(table: try Translations.bundled().table(locale))
    }

    @Test("A row renders its signal escaped, marks it when overdue, in the reader's language")
    func rows() throws {
        let html = Self.row("s1", overdue: true).html(try Self.texts("nl"))
        #expect(html.components(separatedBy: "<tr").count == 2 && html.contains("<tr class=\"overdue\">"))
        #expect(html.contains("href=\"/signals/s1\"") && html.contains("2026-&lt;b&gt;"))
        #expect(html.contains("Jan &amp; Piet") && html.contains("Wonen, Financiën"))
        #expect(!Self.row("s2", overdue: false).html(try Self.texts("nl")).contains("overdue"))
        let overdue = try Translations.bundled().text("signals.overdue", "en")
        #expect(Self.row("s1", overdue: true).html(try Self.texts("en")).contains(HTMLEscaping.escape(overdue)))
        #expect(!html.contains(HTMLEscaping.escape(overdue)))
    }

    @Test("A row with every mark is written exactly as the list's markup wants it")
    func everyMark() throws {
        let row = SignalRow(
            id: "s15", received: "02-11-2026", reference: "2026-<b>'\"", reporter: "Jan & Piet",
            organisation: "GGD", concerns: "Wonen, Financiën", crisis: true, urgent: true, age: "3",
            due: "09-11-2026", overdue: true, status: "Nieuw", decidedLate: true)
        let expected = """
              <tr class="overdue">
                <td>02-11-2026</td><td><a href="/signals/s15">2026-&lt;b&gt;&#39;&quot;</a> \
            <strong class="tag crisis">crisis</strong> <strong class="tag">Dringend</strong></td>
                <td>Jan &amp; Piet<br><span class="muted">GGD</span></td><td>Wonen, Financiën</td>
                <td>3</td><td>09-11-2026 <strong class="tag overdue-tag">te laat</strong></td><td>Nieuw \
            <span class="tag">later dan de norm</span></td>
              </tr>

            """
        #expect(row.html(try Self.texts("nl")) == expected)
        let plain = SignalRow(
            id: "s0", received: "02-11-2026", reference: "R", reporter: "J", organisation: "O", concerns: "C",
            crisis: false, urgent: false, age: "1", due: "", overdue: false, status: "Nieuw", decidedLate: false)
        #expect(
            plain.html(try Self.texts("nl"))
                == "  <tr>\n    <td>02-11-2026</td><td><a href=\"/signals/s0\">R</a></td>\n    <td>J<br>"
                + "<span class=\"muted\">O</span></td><td>C</td>\n    <td>1</td><td></td><td>Nieuw</td>\n  </tr>\n")
    }
}

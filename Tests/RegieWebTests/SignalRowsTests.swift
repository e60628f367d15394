import Foundation
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Signal rows")
struct SignalRowsTests {
    static func row(_ id: String, overdue: Bool) -> SignalRows.Row {
        SignalRows.Row(
            id: id, received: "02-11-2026", reference: "2026-<b>", reporter: "Jan & Piet", organisation: "GGD",
            concerns: "Wonen, Financiën", crisis: true, urgent: false, age: "3", due: "09-11-2026", overdue: overdue,
            status: "Nieuw", decidedLate: false)
    }

    @Test("A page of rows renders each signal escaped, marks the overdue ones, and is kept per rows and language")
    func rows() async throws {
        try await TestDatabases.with(.sqlite) { db in
            let app = try await WebApp(database: db, configuration: RegieConfiguration())
            let rows = [Self.row("s1", overdue: true), Self.row("s2", overdue: false)]
            let html = SignalRows(rows: rows, locale: "nl").html(app: app)
            #expect(html.components(separatedBy: "<tr").count == 3)
            #expect(html.components(separatedBy: "class=\"overdue\"").count == 2)
            #expect(html.contains("href=\"/signals/s1\"") && html.contains("2026-&lt;b&gt;"))
            #expect(html.contains("Jan &amp; Piet") && html.contains("Wonen, Financiën"))
            let overdue = app.views.translations.text("signals.overdue", "en")
            #expect(SignalRows(rows: rows, locale: "en").html(app: app).contains(HTMLEscaping.escape(overdue)))
            #expect(!html.contains(HTMLEscaping.escape(overdue)))
            #expect(SignalRows(rows: rows, locale: "nl").html(app: app) == html)
            #expect(app.signalRows.count == 2)
        }
    }

    @Test("A row with every mark is written exactly as the list's markup wants it")
    func everyMark() async throws {
        try await TestDatabases.with(.sqlite) { db in
            let app = try await WebApp(database: db, configuration: RegieConfiguration())
            let row = SignalRows.Row(
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
            #expect(SignalRows(rows: [row], locale: "nl").html(app: app) == expected)
            let plain = SignalRows.Row(
                id: "s0", received: "02-11-2026", reference: "R", reporter: "J", organisation: "O", concerns: "C",
                crisis: false, urgent: false, age: "1", due: "", overdue: false, status: "Nieuw", decidedLate: false)
            #expect(
                SignalRows(rows: [plain], locale: "nl").html(app: app)
                    == "  <tr>\n    <td>02-11-2026</td><td><a href=\"/signals/s0\">R</a></td>\n    <td>J<br>"
                    + "<span class=\"muted\">O</span></td><td>C</td>\n    <td>1</td><td></td><td>Nieuw</td>\n  </tr>\n")
        }
    }
}
